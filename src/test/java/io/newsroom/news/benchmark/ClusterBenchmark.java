package io.newsroom.news.benchmark;

import com.sun.management.OperatingSystemMXBean;
import io.newsroom.news.article.Article;
import io.newsroom.news.article.ArticleDraft;
import io.newsroom.news.embedded.cluster.ClusterSettings;
import io.newsroom.news.embedded.server.NewsRuntime;
import io.newsroom.news.embedded.server.RuntimeConfig;
import io.newsroom.news.embedded.server.SiteServer;
import io.newsroom.news.views.TrustedProxies;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.jcr.Node;
import javax.jcr.Session;

/**
 * The cluster on the machine's PostgreSQL (a new database, dropped after): counted views per second
 * through one node and through two (8 connections of beacons either way), a naive save per view through
 * the cluster for comparison, how long an edit takes to be seen on the other node (p50, p99), and the
 * journal's growth while views are counted. Both nodes run in this JVM (CPU is the process's). Run by
 * hand: {@code -Dexec.mainClass=io.newsroom.news.benchmark.ClusterBenchmark -Dexec.args="10"} (seconds a round).
 */
public final class ClusterBenchmark {
    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        String database =
                "news_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (Connection admin = DriverManager.getConnection(SERVER + "test", "postgres", "");
                Statement sql = admin.createStatement()) {
            sql.execute("CREATE DATABASE " + database);
        }
        Path folders = Files.createTempDirectory("cluster-bench-");
        try (NewsRuntime a = node(folders, database, "bench-a");
                NewsRuntime b = node(folders, database, "bench-b");
                SiteServer aServer = SiteServer.start(a, 0);
                SiteServer bServer = SiteServer.start(b, 0)) {
            ArticleDraft d = new ArticleDraft();
            d.setTitle("Bài đo cụm");
            d.setPostedDate(Instant.now().minusSeconds(60));
            d.setPublishOnCreate(true);
            Article article = a.articles().create(d, "bench");
            while (b.articles().findById(article.id()).isEmpty()) {
                Thread.sleep(20);
            }
            long[] journalBefore = journal(database);
            double one = beacons(seconds, article.id(), aServer.baseUrl(), aServer.baseUrl());
            double two = beacons(seconds, article.id(), aServer.baseUrl(), bServer.baseUrl());
            a.viewCounter().flush();
            b.viewCounter().flush();
            long[] journalAfter = journal(database);
            double naive = naive(a, seconds);
            Timings edits = editsSeen(a, b, article);
            System.out.printf(
                    Locale.ROOT,
                    "counted views/s, 8 connections: 1 node %.0f, 2 nodes %.0f (%.2fx); naive save per view %.0f/s"
                            + " (%.1fx less than 2 nodes)%n",
                    one,
                    two,
                    two / one,
                    naive,
                    two / naive);
            System.out.println(edits.line("an edit on A seen on B"));
            double hours = 2.0 * seconds / 3600;
            System.out.printf(
                    Locale.ROOT,
                    "journal while counting: %d rows, %,d bytes in %d s (%,.0f rows and %,.0f KB an hour at that load,"
                            + " flush every %s)%n",
                    journalAfter[0] - journalBefore[0],
                    journalAfter[1] - journalBefore[1],
                    2 * seconds,
                    (journalAfter[0] - journalBefore[0]) / hours,
                    (journalAfter[1] - journalBefore[1]) / hours / 1024,
                    a.config().cluster() == null ? "-" : "interval of the view counter");
            System.out.printf(
                    Locale.ROOT,
                    "process CPU time: %.1f s for both nodes%n",
                    ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9);
        } finally {
            try (Connection admin = DriverManager.getConnection(SERVER + "test", "postgres", "");
                    Statement sql = admin.createStatement()) {
                sql.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    private static NewsRuntime node(Path folders, String database, String id) throws Exception {
        return NewsRuntime.start(RuntimeConfig.forTests()
                .withDataFolder(folders.resolve(id))
                .withCounting(true, 0)
                .withTrustedProxies(TrustedProxies.parse("127.0.0.1,::1"))
                .withCluster(new ClusterSettings(SERVER + database, "postgres", "", id)));
    }

    /** 204s per second from 8 connections spread over the given nodes, each beacon a new reader. */
    private static double beacons(int seconds, String articleId, String... bases) throws Exception {
        AtomicLong ok = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            String base = bases[t % bases.length];
            int thread = t;
            Thread worker = new Thread(() -> {
                HttpClient http = HttpClient.newHttpClient();
                for (int i = 0; !stop.get(); i++) {
                    HttpRequest beacon = HttpRequest.newBuilder(URI.create(base + "/.news/views"))
                            .header(
                                    "User-Agent",
                                    "Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0 bench-" + thread + "-" + i)
                            .header(
                                    "X-Forwarded-For",
                                    "10." + (thread + 20) + "." + ((i >>> 8) & 0xFF) + "." + (i & 0xFF))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("id=" + articleId))
                            .build();
                    try {
                        if (http.send(beacon, HttpResponse.BodyHandlers.discarding())
                                        .statusCode()
                                == 204) {
                            ok.incrementAndGet();
                        }
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            worker.start();
            threads.add(worker);
        }
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Thread thread : threads) {
            thread.join();
        }
        return ok.get() / (double) seconds;
    }

    /** One save of a counter per view through the cluster (what the view journal avoids). */
    private static double naive(NewsRuntime node, int seconds) throws Exception {
        Session session = node.repository().login("default");
        try {
            Node counter = session.getRootNode().addNode("naive-counter", "nt:unstructured");
            counter.setProperty("total", 0L);
            session.save();
            long n = 0;
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            while (System.nanoTime() < end) {
                counter.setProperty("total", counter.getProperty("total").getLong() + 1);
                session.save();
                n++;
            }
            return n / (double) seconds;
        } finally {
            session.logout();
        }
    }

    private static Timings editsSeen(NewsRuntime a, NewsRuntime b, Article article) throws Exception {
        int[] n = {0};
        return Timings.measure(2, 30, () -> {
            Article now = a.articles().findById(article.id()).orElseThrow();
            ArticleDraft edit = now.toDraft();
            String title = "Bài đo cụm " + n[0]++;
            edit.setTitle(title);
            a.articles().update(article.id(), now.version(), edit, "bench");
            while (!b.articles().findById(article.id()).orElseThrow().title().equals(title)) {
                Thread.sleep(5);
            }
        });
    }

    /** Rows and bytes in the cluster journal. */
    private static long[] journal(String database) throws Exception {
        try (Connection c = DriverManager.getConnection(SERVER + database, "postgres", "");
                Statement sql = c.createStatement();
                ResultSet r = sql.executeQuery(
                        "SELECT count(*), coalesce(sum(octet_length(revision_data)), 0) FROM journal_journal")) {
            r.next();
            return new long[] {r.getLong(1), r.getLong(2)};
        }
    }

    private ClusterBenchmark() {}
}
