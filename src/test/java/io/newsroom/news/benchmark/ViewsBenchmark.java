package io.newsroom.news.benchmark;

import io.newsroom.news.article.ArticleDraft;
import io.newsroom.news.article.ArticleNodes;
import io.newsroom.news.article.ArticleRepository;
import io.newsroom.news.embedded.server.NewsRuntime;
import io.newsroom.news.embedded.server.RuntimeConfig;
import io.newsroom.news.views.StatsStore;
import io.newsroom.news.views.TrustedProxies;
import io.newsroom.news.views.ViewBeaconServlet;
import io.newsroom.news.views.ViewCounter;
import io.newsroom.news.views.ViewSettings;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.jcr.Node;
import javax.jcr.Session;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Counting throughput on loopback with 64 keep-alive connections: the real endpoint, the same
 * server answering a no-op servlet, and a naive endpoint saving every view to JCR; then the stored
 * total against the 204s sent, and the heap taken by pending counters of 100,000 articles.
 * Run by hand: {@code -Dexec.mainClass=io.newsroom.news.benchmark.ViewsBenchmark}.
 */
public final class ViewsBenchmark {
    private static final int CONNECTIONS = 64;
    private static final int ARTICLES = 1_000;
    /** Readers so far, over all runs: each has an IPv6 network of its own. */
    private static final AtomicLong READERS = new AtomicLong();

    private static final int ROUNDS = 3;

    public static void main(String[] args) throws Exception {
        Duration run = Duration.ofSeconds(args.length > 0 ? Integer.parseInt(args[0]) : 10);
        Path data = Files.createTempDirectory("news-views-bench-");
        try (NewsRuntime runtime = NewsRuntime.start(RuntimeConfig.forTests()
                .withDataFolder(data)
                .withCounting(true, 0)
                .withTrustedProxies(TrustedProxies.parse("127.0.0.1")))) {
            List<String> ids = seed(runtime);
            Server server = new Server();
            ServerConnector connector = new ServerConnector(server);
            connector.setPort(0);
            server.addConnector(connector);
            ServletContextHandler context = new ServletContextHandler();
            ServletHolder counting = new ServletHolder(new ViewBeaconServlet(runtime::viewCounter));
            counting.setAsyncSupported(true);
            context.addServlet(counting, "/counted");
            context.addServlet(new ServletHolder(new NoopServlet()), "/noop");
            context.addServlet(new ServletHolder(new NaiveServlet(runtime)), "/naive");
            server.setHandler(context);
            server.start();
            int port = connector.getLocalPort();
            try {
                // Warm-up: both paths twice for a round's length (the compiler needs about 20 s here;
                // 3 s left the first measured round of counting at half its later rate).
                for (int warm = 0; warm < 2; warm++) {
                    load(port, "/noop", ids, run);
                    load(port, "/counted", ids, run);
                }
                runtime.viewCounter().flush();
                // Alternate the two a few times: this machine's speed drifts more than their difference.
                long before = storedSum(runtime, ids);
                double[] noops = new double[ROUNDS];
                double[] counts = new double[ROUNDS];
                long sent = 0;
                for (int round = 0; round < ROUNDS; round++) {
                    noops[round] = load(port, "/noop", ids, run);
                    Result result = loadCounting(port, ids, run);
                    counts[round] = result.rate;
                    sent += result.ok;
                }
                runtime.viewCounter().flush();
                long stored = storedSum(runtime, ids) - before;
                double noop = median(noops);
                Result counted = new Result(median(counts), sent);
                double naive =
                        args.length > 1 && args[1].equals("--skip-naive") ? Double.NaN : load(port, "/naive", ids, run);
                System.out.printf(
                        Locale.ROOT,
                        "rounds: no-op %s, counting %s%n",
                        Arrays.toString(noops),
                        Arrays.toString(counts));
                System.out.printf(Locale.ROOT, "no-op servlet           %,10.0f requests/s (median)%n", noop);
                System.out.printf(
                        Locale.ROOT,
                        "counting endpoint       %,10.0f views/s   (median, %.2f of no-op)%n",
                        counted.rate,
                        counted.rate / noop);
                System.out.printf(
                        Locale.ROOT,
                        "naive save-per-view     %,10.0f views/s   (counting is %.0fx naive)%n",
                        naive,
                        counted.rate / naive);
                System.out.printf(
                        Locale.ROOT,
                        "204s sent %,d, stored %,d: %s%n",
                        counted.ok,
                        stored,
                        counted.ok == stored ? "exact" : "MISMATCH");
                System.out.println(runtime.viewCounter().stats());
                if (counted.ok != stored || counted.ok == 0) {
                    throw new IllegalStateException("The counting measured is not what was counted: " + counted.ok
                            + " beacons answered 204, " + stored + " views stored");
                }
            } finally {
                server.stop();
            }
            heap(runtime);
        }
    }

    private record Result(double rate, long ok) {}

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static Result loadCounting(int port, List<String> ids, Duration run) throws Exception {
        AtomicLong ok = new AtomicLong();
        double rate = load(port, "/counted", ids, run, ok);
        return new Result(rate, ok.get());
    }

    private static double load(int port, String path, List<String> ids, Duration run) throws Exception {
        return load(port, path, ids, run, new AtomicLong());
    }

    /** 64 threads, one keep-alive connection each, POSTing beacons as fast as answers come. */
    private static double load(int port, String path, List<String> ids, Duration run, AtomicLong ok) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        // Every request a new reader, as behind the README's nginx: the trusted proxy (loopback) names a
        // network of its own in X-Forwarded-For, so none is a repeat and every 204 is a counted view.
        AtomicLong errors = new AtomicLong();
        for (int t = 0; t < CONNECTIONS; t++) {
            int thread = t;
            Thread worker = new Thread(() -> {
                try (Socket socket = new Socket("127.0.0.1", port)) {
                    socket.setTcpNoDelay(true);
                    OutputStream out = socket.getOutputStream();
                    InputStream in = new BufferedInputStream(socket.getInputStream());
                    for (long i = 0; !stop.get(); i++) {
                        String body = "id=" + ids.get((int) ((thread * 7919L + i) % ids.size()));
                        long reader = READERS.incrementAndGet();
                        String request = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                                + "User-Agent: Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0 Safari/537.36\r\n"
                                + "X-Forwarded-For: " + readerAddress(reader) + "\r\n"
                                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
                                + "\r\n\r\n" + body;
                        out.write(request.getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        if (readStatus(in) == 204) {
                            ok.incrementAndGet();
                        } else {
                            errors.incrementAndGet();
                        }
                    }
                } catch (IOException e) {
                    errors.incrementAndGet();
                }
            });
            threads.add(worker);
        }
        long cpuBefore = processCpuNanos();
        long start = System.nanoTime();
        threads.forEach(Thread::start);
        Thread.sleep(run.toMillis());
        stop.set(true);
        for (Thread worker : threads) {
            worker.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        // CPU of the whole process (clients included) per answered request: tells a slower path that
        // costs CPU from one that waits (for the disk, for another thread).
        long cpu = processCpuNanos() - cpuBefore;
        System.out.printf(
                Locale.ROOT,
                "  %-9s %,8.0f/s, %5.1f µs CPU a request, %5.0f%% of the cores busy%n",
                path,
                ok.get() / seconds,
                cpu / 1e3 / Math.max(1, ok.get()),
                cpu / 1e9 / seconds / Runtime.getRuntime().availableProcessors() * 100);
        return ok.get() / seconds;
    }

    /** Reader {@code n}'s address: a /64 of its own in 2a00::/16 (ordinary global unicast). */
    static String readerAddress(long n) {
        return String.format(Locale.ROOT, "2a00:%x:%x:%x::1", (n >>> 32) & 0xffff, (n >>> 16) & 0xffff, n & 0xffff);
    }

    /** Reads one response and returns its status; bodies are skipped by Content-Length. */
    private static int readStatus(InputStream in) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.substring(9, 12));
        int length = 0;
        for (String header; !(header = line(in)).isEmpty(); ) {
            if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Integer.parseInt(header.substring(15).trim());
            }
        }
        in.skipNBytes(length);
        return status;
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c; (c = in.read()) != '\n'; ) {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private static long storedSum(NewsRuntime runtime, List<String> ids) throws Exception {
        StatsStore store =
                new StatsStore(runtime.repository().sessions(), RuntimeConfig.DEFAULT_ZONE, Clock.systemUTC(), 90);
        long sum = 0;
        for (String id : ids) {
            sum += store.total(id);
        }
        return sum;
    }

    private static List<String> seed(NewsRuntime runtime) throws Exception {
        List<String> ids = new ArrayList<>();
        ArticleNodes nodes = new ArticleNodes(RuntimeConfig.DEFAULT_ZONE);
        Session session = runtime.repository().login("news");
        try {
            Node folder = session.getRootNode()
                    .addNode("2026", ArticleRepository.FOLDER_TYPE)
                    .addNode("01", ArticleRepository.FOLDER_TYPE);
            for (int i = 0; i < ARTICLES; i++) {
                ArticleDraft d = new ArticleDraft();
                d.setPublishOnCreate(true);
                d.setTitle("Bài " + i);
                d.setPostedDate(Instant.parse("2026-01-15T03:00:00Z"));
                Node article = folder.addNode("bai-" + i, "news:article");
                nodes.write(article, d);
                ids.add(article.getIdentifier());
            }
            session.save();
        } finally {
            session.logout();
        }
        return ids;
    }

    /** Heap taken by views of 100,000 distinct articles waiting for their save. */
    private static void heap(NewsRuntime runtime) throws Exception {
        Path journal = Files.createTempDirectory("news-views-heap-");
        ViewSettings settings =
                ViewSettings.defaults(journal, RuntimeConfig.DEFAULT_ZONE).withFlushInterval(Duration.ofHours(1));
        StatsStore store =
                new StatsStore(runtime.repository().sessions(), RuntimeConfig.DEFAULT_ZONE, Clock.systemUTC(), 90);
        ViewCounter counter = ViewCounter.start(settings, store, runtime.articles(), Clock.systemUTC());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        long before = usedHeap();
        Instant now = Instant.now();
        Thread[] writers = new Thread[16];
        for (int w = 0; w < writers.length; w++) {
            int from = w;
            writers[w] = new Thread(() -> {
                for (int i = from; i < ids.size(); i += writers.length) {
                    counter.record(ids.get(i), now);
                }
            });
            writers[w].start();
        }
        for (Thread writer : writers) {
            writer.join();
        }
        long after = usedHeap();
        System.out.printf(
                Locale.ROOT, "heap for pending views of 100,000 distinct articles: %.1f MB%n", (after - before) / 1e6);
        counter.close();
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Reads the beacon and answers 204: what the server costs without counting. */
    static final class NoopServlet extends HttpServlet {
        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            request.getInputStream().readAllBytes();
            response.setStatus(204);
        }
    }

    /** Saves every view on its own: read the counter, add one, save. */
    static final class NaiveServlet extends HttpServlet {
        private final transient NewsRuntime runtime;

        NaiveServlet(NewsRuntime runtime) {
            this.runtime = runtime;
        }

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String id = new String(request.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).substring(3);
            try {
                Session session = runtime.repository().login(ViewSettings.WORKSPACE);
                try {
                    Node root = session.getRootNode();
                    Node naive =
                            root.hasNode("naive") ? root.getNode("naive") : root.addNode("naive", "nt:unstructured");
                    Node counter = naive.hasNode(id) ? naive.getNode(id) : naive.addNode(id, "nt:unstructured");
                    long total = counter.hasProperty("total")
                            ? counter.getProperty("total").getLong()
                            : 0;
                    counter.setProperty("total", total + 1);
                    session.save();
                    response.setStatus(204);
                } finally {
                    session.logout();
                }
            } catch (Exception e) {
                response.setStatus(500);
            }
        }
    }

    private ViewsBenchmark() {}
}
