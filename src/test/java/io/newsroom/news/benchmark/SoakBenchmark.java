package io.newsroom.news.benchmark;

import io.newsroom.news.embedded.server.NewsServerProcessTest.Child;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A soak by hand (issue 20), never in the suite: the standalone jar at the README's {@code -Xmx512m}, for
 * {@code seconds} (default 600), under eight clients mixing readers' beacons (each a new reader behind a
 * trusted proxy), pages, renditions and JSON queries with the attack inputs (regex-heavy like patterns,
 * unreadable query strings, Forwarded headers, broken paths, oversized bodies). Prints every 30 s the
 * server's used heap after a collection; at the end the answers by status and the views counted against
 * the 204s sent, and stops with an error when they differ or anything answered 5xx beyond the intended 503s.
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.newsroom.news.benchmark.SoakBenchmark -Dexec.args="600"
 * </pre>
 */
public final class SoakBenchmark {
    private static final Pattern ID = Pattern.compile("\"@id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern VIEWS = Pattern.compile("\"views\"\\s*:\\s*\"(\\d+)\"");
    private static final Pattern RENDITION =
            Pattern.compile("(/\\.imaging/mte/news/[a-z]+/dam/jcr:[0-9a-f-]{36}/[^\"?]+)");

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 600;
        Path jar =
                Path.of("target", "magnolia-news-0.1.0-SNAPSHOT-standalone.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException("Build the standalone jar first: mvn -B package -DskipTests");
        }
        Path folder = Files.createTempDirectory("news-soak-");
        try (Child server = Child.startJar(
                jar,
                folder,
                "--memory",
                "--port",
                "0",
                "--trusted-proxies",
                "127.0.0.1,::1",
                "--views-per-minute",
                "0")) {
            String site = server.awaitUrl();
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
            String list = http.send(
                            HttpRequest.newBuilder(URI.create(site + "/.rest/delivery/news?limit=20"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            List<String> ids = all(ID, list);
            List<String> renditions = all(
                    RENDITION,
                    http.send(
                                    HttpRequest.newBuilder(URI.create(site + "/"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .body());
            long viewsBefore = totalViews(http, site);
            AtomicLong counted = new AtomicLong();
            AtomicLong[] byStatus = new AtomicLong[600];
            for (int i = 0; i < byStatus.length; i++) {
                byStatus[i] = new AtomicLong();
            }
            AtomicLong serverErrors = new AtomicLong();
            long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
            ExecutorService clients = Executors.newFixedThreadPool(8);
            List<Future<?>> running = new ArrayList<>();
            AtomicLong reader = new AtomicLong();
            AtomicLong forwarded = new AtomicLong();
            for (int c = 0; c < 8; c++) {
                running.add(clients.submit(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    while (System.nanoTime() < end) {
                        if (random.nextInt(100) < 5) {
                            try {
                                int status = raw(
                                        site,
                                        List.of("/?%", "/news?page=%", "/?q=%FF%FE", "/en/?%")
                                                .get(random.nextInt(4)));
                                byStatus[status].incrementAndGet();
                                if (status >= 500 && status != 503) {
                                    serverErrors.incrementAndGet();
                                }
                            } catch (java.io.IOException e) {
                                byStatus[0].incrementAndGet();
                            }
                            continue;
                        }
                        HttpRequest request = next(site, ids, renditions, random, reader.incrementAndGet());
                        try {
                            int status = http.send(request, HttpResponse.BodyHandlers.discarding())
                                    .statusCode();
                            byStatus[status].incrementAndGet();
                            if (request.uri().getPath().equals("/.news/views") && status == 204) {
                                if (request.headers()
                                        .firstValue("X-Soak-Counts")
                                        .isPresent()) {
                                    counted.incrementAndGet();
                                } else {
                                    forwarded.incrementAndGet();
                                }
                            }
                            if (status >= 500 && status != 503) {
                                serverErrors.incrementAndGet();
                            }
                        } catch (java.io.IOException refusedEarly) {
                            byStatus[0].incrementAndGet(); // a connection the server closed (an oversized body)
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return null;
                        }
                    }
                    return null;
                }));
            }
            long lastReport = System.nanoTime();
            while (System.nanoTime() < end) {
                Thread.sleep(1000);
                if (System.nanoTime() - lastReport > Duration.ofSeconds(30).toNanos()) {
                    lastReport = System.nanoTime();
                    System.out.printf(
                            "%4d s: heap used after GC %s MB, 204s %d%n",
                            seconds - Duration.ofNanos(end - System.nanoTime()).toSeconds(),
                            heapUsedMb(server.process.pid()),
                            byStatus[204].get());
                }
            }
            for (Future<?> f : running) {
                f.get();
            }
            clients.shutdown();
            Thread.sleep(3000); // a flush
            long stored = totalViews(http, site) - viewsBefore;
            System.out.printf("answers:");
            for (int s = 0; s < byStatus.length; s++) {
                if (byStatus[s].get() > 0) {
                    System.out.printf(" %s=%d", s == 0 ? "closed" : String.valueOf(s), byStatus[s].get());
                }
            }
            System.out.printf(
                    "%ncounted beacons (204, new reader) %d, views stored %d; 5xx other than 503: %d; "
                            + "heap used after GC at the end %s MB%n",
                    counted.get(), stored, serverErrors.get(), heapUsedMb(server.process.pid()));
            // Beacons claiming a reader in Forwarded all come from one real address: its first view of each
            // article counts, and again when the bounded repeat filter forgot it under the flood of readers.
            long forwardedCounted = stored - counted.get();
            System.out.printf(
                    "beacons claiming a reader in Forwarded: %d answered 204, %d counted%n",
                    forwarded.get(), forwardedCounted);
            if (stored < counted.get() || forwardedCounted > forwarded.get() / 100 || serverErrors.get() > 0) {
                throw new IllegalStateException("The soak failed: every counted beacon must be stored, the Forwarded "
                        + "ones must not choose their address, and nothing but 503 may be a 5xx");
            }
        }
    }

    /** One request of the mix: mostly readers, some attacks. */
    private static HttpRequest next(
            String site, List<String> ids, List<String> renditions, ThreadLocalRandom random, long reader) {
        String id = ids.get(random.nextInt(ids.size()));
        int pick = random.nextInt(100);
        HttpRequest.Builder b;
        if (pick < 45) {
            b = HttpRequest.newBuilder(URI.create(site + "/.news/views"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0 Safari/537.36")
                    .header(
                            "X-Forwarded-For",
                            "10." + (reader >> 16 & 255) + "." + (reader >> 8 & 255) + "." + (reader & 255))
                    .header("X-Soak-Counts", "1")
                    .POST(HttpRequest.BodyPublishers.ofString("id=" + id));
        } else if (pick < 55) {
            b = HttpRequest.newBuilder(URI.create(site + "/.news/views"))
                    .header("Forwarded", "for=203.0.113." + random.nextInt(255)) // ignored: one real address
                    .POST(HttpRequest.BodyPublishers.ofString("id=" + id));
        } else if (pick < 70) {
            b = HttpRequest.newBuilder(
                    URI.create(site + (random.nextBoolean() ? "/" : "/news?page=" + random.nextInt(5))));
        } else if (pick < 80 && !renditions.isEmpty()) {
            b = HttpRequest.newBuilder(URI.create(site + renditions.get(random.nextInt(renditions.size()))));
        } else if (pick < 88) {
            b = HttpRequest.newBuilder(URI.create(
                    site + "/.rest/delivery/news?title%5Blike%5D=" + "%25_".repeat(1 + random.nextInt(300))));
        } else if (pick < 94) {
            // Unreadable query strings go over a plain socket (an HTTP client would not send them): see raw().
            b = HttpRequest.newBuilder(URI.create(site
                    + List.of(
                                    "/.rest/delivery/news/%7B%7D",
                                    "/.imaging/mte/news/card/dam/jcr:00000000-0000-0000-0000-000000000000/x.jpg")
                            .get(random.nextInt(2))));
        } else {
            b = HttpRequest.newBuilder(
                    URI.create(site + "/.rest/delivery/news?q=tin&limit=" + (1 + random.nextInt(50))));
        }
        return b.timeout(Duration.ofSeconds(30)).build();
    }

    /** A GET of {@code target} exactly as written, over a plain socket; the status. */
    private static int raw(String site, String target) throws java.io.IOException {
        URI uri = URI.create(site);
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream()
                    .write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            String head =
                    new String(socket.getInputStream().readNBytes(12), java.nio.charset.StandardCharsets.ISO_8859_1);
            return Integer.parseInt(head.substring(9, 12));
        }
    }

    private static long totalViews(HttpClient http, String site) throws Exception {
        String body = http.send(
                        HttpRequest.newBuilder(URI.create(site + "/.rest/delivery/news?limit=100"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        return all(VIEWS, body).stream().mapToLong(Long::parseLong).sum();
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /** The server's heap in use right after a full collection (jcmd), in MB. */
    private static String heapUsedMb(long pid) {
        try {
            Process gc = new ProcessBuilder("jcmd", String.valueOf(pid), "GC.run")
                    .redirectErrorStream(true)
                    .start();
            gc.getInputStream().readAllBytes();
            gc.waitFor();
            Process info = new ProcessBuilder("jcmd", String.valueOf(pid), "GC.heap_info")
                    .redirectErrorStream(true)
                    .start();
            String text = new String(info.getInputStream().readAllBytes());
            Matcher used = Pattern.compile("used (\\d+)K").matcher(text);
            return used.find() ? String.valueOf(Long.parseLong(used.group(1)) / 1024) : "?";
        } catch (Exception e) {
            return "?";
        }
    }
}
