package io.newsroom.news.embedded.cluster;

import static io.newsroom.news.TestArticles.draft;
import static org.junit.jupiter.api.Assertions.*;

import io.newsroom.news.Eventually;
import io.newsroom.news.article.Article;
import io.newsroom.news.article.ArticleDraft;
import io.newsroom.news.embedded.renditions.ImageRenditionsTest;
import io.newsroom.news.embedded.server.DemoContentAccess;
import io.newsroom.news.embedded.server.NewsRuntime;
import io.newsroom.news.embedded.server.NewsServerProcessTest;
import io.newsroom.news.embedded.server.RuntimeConfig;
import io.newsroom.news.embedded.server.SiteServer;
import io.newsroom.news.views.StatsStore;
import io.newsroom.news.views.TrustedProxies;
import io.newsroom.news.views.ViewSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import javax.jcr.RepositoryException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes of a Jackrabbit cluster on the machine's PostgreSQL (a fresh database per run): what one
 * writes, the other shows after its next sync, caches included; views counted on both add up exactly.
 * Without PostgreSQL the test is skipped with a message (under CI it fails).
 */
class ClusterTest {
    private static ClusterDatabase database;
    private static NewsRuntime a;
    private static NewsRuntime b;

    @TempDir
    static Path folders;

    @BeforeAll
    static void start() throws Exception {
        database = ClusterDatabase.create();
        a = node("node-a");
        DemoContentAccess.createPages(a);
        b = node("node-b");
    }

    static NewsRuntime node(String id) throws Exception {
        // Beacons come through the loopback "proxy", each from its own forwarded address, no rate limit.
        return NewsRuntime.start(RuntimeConfig.forTests()
                .withDataFolder(folders.resolve(id))
                .withCounting(true, 0)
                .withTrustedProxies(TrustedProxies.parse("127.0.0.1,::1"))
                .withCluster(database.settings(id)));
    }

    @AfterAll
    static void stop() throws Exception {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void whatOneNodeWritesTheOtherShowsCachesIncluded() throws Exception {
        ArticleDraft d = draft("Tin viết trên nút A", Instant.now().minusSeconds(60));
        d.setFeatured(true);
        d.setFeaturedRank(1L);
        Article written = a.articles().create(d, "nam");
        long start = System.nanoTime();
        await(() ->
                b.newsFunctions().featured(5).stream().anyMatch(v -> v.getId().equals(written.id())));
        System.out.printf(
                "an article written on A was in B's featured block after %d ms%n",
                (System.nanoTime() - start) / 1_000_000);

        ArticleDraft edit = written.toDraft();
        edit.setTitle("Tin sửa trên nút B");
        b.articles()
                .update(
                        written.id(),
                        b.articles().findById(written.id()).orElseThrow().version(),
                        edit,
                        "lan");
        await(() -> a.newsFunctions().featured(5).stream()
                .anyMatch(v -> v.getTitle().equals("Tin sửa trên nút B")));
    }

    @Test
    void eachNodesArchiveIndexListsWhatTheOtherWritesAndTrashes() throws Exception {
        await(() -> a.module().archive().ready() && b.module().archive().ready(), "both indexes are read");
        ArticleDraft d = draft("Tin chuyên mục viết trên nút A", Instant.now().minusSeconds(120));
        d.setCategory("Thời sự cụm");
        Article written = a.articles().create(d, "nam");
        assertEquals(List.of(written.id()), listed(a, "Thời sự cụm"), "at once on the node that wrote it");
        long start = System.nanoTime();
        await(() -> listed(b, "Thời sự cụm").equals(List.of(written.id())), "B lists A's article in its category");
        System.out.printf(
                "an article written on A was in B's category listing after %d ms (sync interval 1,000 ms)%n",
                (System.nanoTime() - start) / 1_000_000);
        assertEquals(
                "Thời sự cụm",
                b.module().archive().categoryBySlug("thoi-su-cum").orElseThrow());

        b.publishing().trash(written.id(), "lan");
        assertEquals(List.of(), listed(b, "Thời sự cụm"));
        await(() -> listed(a, "Thời sự cụm").isEmpty(), "A leaves out what B put in the trash");
    }

    private static List<String> listed(NewsRuntime node, String category) {
        return node.module()
                .archive()
                .page(true, category, Instant.now(), 0, 10)
                .ids();
    }

    /**
     * An image uploaded on A (its bytes in the shared data store) gets its renditions made on B; when A
     * replaces the image's bytes, B makes them again from the new ones.
     */
    @Test
    void renditionsOnOneNodeFollowTheImageAnotherNodeChanges() throws Exception {
        String key = a.images().store(ImageRenditionsTest.jpeg(1000, 500), "cum.jpg");
        await(() -> rendition(b, key).isPresent());
        Path first = rendition(b, key).orElseThrow();
        assertEquals(240, ImageIO.read(first.toFile()).getHeight(), "B made the card from A's image");

        ImageRenditionsTest.replaceBytes(a.repository(), key, ImageRenditionsTest.jpeg(1000, 1000));
        await(() -> rendition(b, key).filter(file -> !file.equals(first)).isPresent());
        assertEquals(
                480,
                ImageIO.read(rendition(b, key).orElseThrow().toFile()).getHeight(),
                "B made it again from the bytes A wrote");
    }

    private static Optional<Path> rendition(NewsRuntime node, String key) {
        try {
            return node.renditions().rendition(key, "card").map(r -> r.file());
        } catch (Exception notYet) {
            return Optional.empty();
        }
    }

    @Test
    void viewsCountedOnBothNodesAddUpExactly() throws Exception {
        Article article = a.articles()
                .create(draft("Tin đếm lượt xem hai nút", Instant.now().minusSeconds(60)), "nam");
        // Read by id at once on the other node: found, or not yet, but never an error.
        await(() -> {
            try {
                return b.articles().findById(article.id()).isPresent();
            } catch (RepositoryException e) {
                throw new AssertionError("reading another node's new article by id failed", e);
            }
        });
        for (int i = 0; i < 300; i++) {
            a.viewCounter().record(article.id(), Instant.now());
            b.viewCounter().record(article.id(), Instant.now());
            if (i % 50 == 0) {
                a.viewCounter().flush();
                b.viewCounter().flush();
            }
        }
        a.viewCounter().flush();
        b.viewCounter().flush();
        await(() ->
                a.viewCounter().views(article.id()) == 600 && b.viewCounter().views(article.id()) == 600);
    }

    /**
     * Two more nodes, each in its own JVM (the README's start command), take beacons on eight
     * connections each for twenty seconds, spread over three articles: the shared store then holds,
     * per article and per day, exactly the 204s both answered.
     */
    @Test
    void twoNodesOnEightConnectionsEachForTwentySecondsCountExactlyPerArticleAndPerDay() throws Exception {
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            articles.add(a.articles()
                    .create(draft("Tin tải hai nút " + i, Instant.now().minusSeconds(60)), "nam"));
        }
        Map<String, AtomicLong> answered = new ConcurrentHashMap<>();
        articles.forEach(x -> answered.put(x.id(), new AtomicLong()));
        try (NewsServerProcessTest.Child first = loadNode("load-1");
                NewsServerProcessTest.Child second = loadNode("load-2")) {
            String[] bases = {first.awaitUrl(), second.awaitUrl()};
            for (String base : bases) {
                for (Article article : articles) {
                    await(
                            () -> status(base + "/news" + article.path() + ".html") == 200,
                            base + " serves " + article.title());
                }
            }
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                String base = bases[t % 2];
                int thread = t;
                Thread worker = new Thread(() -> {
                    HttpClient http = HttpClient.newHttpClient();
                    for (int i = 0; !stop.get(); i++) {
                        String id = articles.get((thread + i) % articles.size()).id();
                        HttpRequest beacon = HttpRequest.newBuilder(URI.create(base + "/.news/views"))
                                .header(
                                        "User-Agent",
                                        "Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0 load-" + thread + "-" + i)
                                .header(
                                        "X-Forwarded-For",
                                        "10." + (40 + thread) + "." + ((i >>> 8) & 0xFF) + "." + (i & 0xFF))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("id=" + id))
                                .build();
                        try {
                            if (http.send(beacon, HttpResponse.BodyHandlers.discarding())
                                            .statusCode()
                                    == 204) {
                                answered.get(id).incrementAndGet();
                            }
                        } catch (Exception e) {
                            return;
                        }
                    }
                });
                worker.start();
                threads.add(worker);
            }
            Thread.sleep(20_000); // the load's length, not a wait for a condition
            stop.set(true);
            for (Thread thread : threads) {
                thread.join(30_000);
            }
            // Both keep running: what they answered reaches the shared store with their next flushes.
            StatsStore stored =
                    new StatsStore(a.repository().sessions(), a.config().siteZone(), Clock.systemUTC(), 90);
            for (Article article : articles) {
                long expected = answered.get(article.id()).get();
                await(
                        () -> storedTotal(stored, article.id()) == expected,
                        article.title() + ": stored total never reached the " + expected + " views answered");
            }
        }
        // Both stopped (their shutdown flushed what was left): after a sync, the totals are still exact.
        a.repository().sessions().run(ViewSettings.WORKSPACE, session -> {
            session.refresh(false); // a cluster node reads the journal now
            return null;
        });
        StatsStore store = new StatsStore(a.repository().sessions(), a.config().siteZone(), Clock.systemUTC(), 90);
        long all = 0;
        for (Article article : articles) {
            long expected = answered.get(article.id()).get();
            all += expected;
            assertEquals(expected, store.total(article.id()), article.title() + ": stored after both nodes stopped");
            assertEquals(
                    expected,
                    store.days(article.id()).values().stream()
                            .mapToLong(Long::longValue)
                            .sum(),
                    "per day the same views as in total");
        }
        System.out.printf("two nodes x 8 connections for 20 s: %d views answered and stored, exactly%n", all);
        assertTrue(all > 1000, "the load ran: " + all);
    }

    /**
     * A second node in its own JVM (the README's start command): it serves what A wrote, and while
     * both take beacons it is killed with -9 and started again; the shared total is then exactly the
     * views both answered with 204, plus at most those in flight at the kill.
     */
    @Test
    void aNodeInItsOwnProcessServesWhatTheOtherWroteAndCountsExactlyThroughAKill() throws Exception {
        Article article = a.articles()
                .create(draft("Tin xem trên nút thứ ba", Instant.now().minusSeconds(60)), "nam");
        Path data = folders.resolve("node-c");
        String[] args = {
            "--cluster-db",
            database.url(),
            "--cluster-db-user",
            database.user,
            "--cluster-node-id",
            "node-c",
            "--data",
            data.toString(),
            "--port",
            "0",
            "--no-demo",
            "--views-per-minute",
            "0",
            "--trusted-proxies",
            "127.0.0.1,::1"
        };
        AtomicLong answered = new AtomicLong();
        AtomicLong inDoubt = new AtomicLong();
        try (SiteServer aServer = SiteServer.start(a, 0)) {
            String aBase = aServer.baseUrl();
            try (NewsServerProcessTest.Child c = NewsServerProcessTest.Child.start(args)) {
                String cBase = c.awaitUrl();
                await(() -> status(cBase + "/news" + article.path() + ".html") == 200);
                Load load = new Load(article.id(), answered, inDoubt, aBase, cBase);
                await(() -> answered.get() > 300);
                c.process.destroyForcibly(); // SIGKILL on node C under load: no shutdown hook, no final flush
                assertTrue(c.process.waitFor(30, TimeUnit.SECONDS));
                load.stopOn(cBase);
                await(() -> answered.get() > 600, "node A never stops serving");
                load.stop();
            }
            // Written while node C is down: it catches up when it comes back.
            ArticleDraft whileDown =
                    a.articles().findById(article.id()).orElseThrow().toDraft();
            whileDown.setTitle("Tin sửa khi nút C tắt");
            a.articles()
                    .update(
                            article.id(),
                            a.articles().findById(article.id()).orElseThrow().version(),
                            whileDown,
                            "nam");
            try (NewsServerProcessTest.Child again = NewsServerProcessTest.Child.start(args)) {
                String againBase = again.awaitUrl();
                await(
                        () -> body(againBase + "/news" + article.path() + ".html")
                                .contains("Tin sửa khi nút C tắt"),
                        "node C never caught up with what was written while it was down");
                // C replays its own journal on start and flushes it into the shared totals.
                a.viewCounter().flush();
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                long stored;
                do {
                    Thread.sleep(200);
                    a.viewCounter().flush();
                    stored = a.viewCounter().views(article.id());
                } while (stored < answered.get() && System.nanoTime() < deadline);
                System.out.printf(
                        "two nodes, kill -9 of one: %d answered 204, %d in flight at the kill, %d stored%n",
                        answered.get(), inDoubt.get(), stored);
                assertTrue(
                        stored >= answered.get(),
                        "nothing answered is lost: stored " + stored + ", answered " + answered.get());
                assertTrue(stored <= answered.get() + inDoubt.get(), "nothing counted twice: stored " + stored);
            }
        }
    }

    /** A node in its own JVM taking beacons through the loopback "proxy", without a rate limit. */
    private static NewsServerProcessTest.Child loadNode(String id) throws IOException {
        return NewsServerProcessTest.Child.start(
                "--cluster-db",
                database.url(),
                "--cluster-db-user",
                database.user,
                "--cluster-node-id",
                id,
                "--data",
                folders.resolve(id).toString(),
                "--port",
                "0",
                "--no-demo",
                "--views-per-minute",
                "0",
                "--trusted-proxies",
                "127.0.0.1,::1");
    }

    private static long storedTotal(StatsStore store, String articleId) {
        try {
            return store.total(articleId);
        } catch (RepositoryException e) {
            return -1;
        }
    }

    /** Beacons from four threads per node, each from a new forwarded address (a new reader). */
    private static final class Load {
        private final AtomicBoolean stopped = new AtomicBoolean();
        private final Set<String> dead = ConcurrentHashMap.newKeySet();
        private final List<Thread> threads = new ArrayList<>();

        Load(String articleId, AtomicLong answered, AtomicLong inDoubt, String... bases) {
            int t = 0;
            for (String base : bases) {
                for (int k = 0; k < 4; k++, t++) {
                    int thread = t;
                    Thread worker = new Thread(() -> {
                        HttpClient http = HttpClient.newHttpClient();
                        for (int i = 0; !stopped.get() && !dead.contains(base); i++) {
                            HttpRequest beacon = HttpRequest.newBuilder(URI.create(base + "/.news/views"))
                                    .header(
                                            "User-Agent",
                                            "Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0 reader-" + thread + "-" + i)
                                    .header(
                                            "X-Forwarded-For",
                                            "10." + thread + "." + ((i >>> 8) & 0xFF) + "." + (i & 0xFF))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString("id=" + articleId))
                                    .build();
                            try {
                                if (http.send(beacon, HttpResponse.BodyHandlers.discarding())
                                                .statusCode()
                                        == 204) {
                                    answered.incrementAndGet();
                                }
                            } catch (IOException killed) {
                                inDoubt.incrementAndGet();
                                return;
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    });
                    worker.start();
                    threads.add(worker);
                }
            }
        }

        void stopOn(String base) {
            dead.add(base);
        }

        void stop() throws InterruptedException {
            stopped.set(true);
            for (Thread thread : threads) {
                thread.join(30_000);
            }
        }
    }

    private static String body(String url) {
        try {
            return HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (Exception e) {
            return "";
        }
    }

    private static int status(String url) {
        try {
            return HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    /** Seen on the other node: what most of these tests wait for. */
    private static void await(Eventually.Condition condition) throws Exception {
        await(condition, "not seen on the other node");
    }

    private static void await(Eventually.Condition condition, String what) throws Exception {
        Eventually.await(condition, what);
    }
}
