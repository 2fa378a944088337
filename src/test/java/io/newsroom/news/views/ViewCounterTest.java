package io.newsroom.news.views;

import static io.newsroom.news.TestArticles.draft;
import static io.newsroom.news.TestArticles.hanoi;
import static org.junit.jupiter.api.Assertions.*;

import io.newsroom.news.Eventually;
import io.newsroom.news.MutableClock;
import io.newsroom.news.article.Article;
import io.newsroom.news.definitions.LightModule;
import io.newsroom.news.embedded.backup.WorkspaceBackup;
import io.newsroom.news.embedded.server.NewsRuntime;
import io.newsroom.news.embedded.server.RuntimeConfig;
import io.newsroom.news.views.ViewCounter.Beacon;
import io.newsroom.news.views.ViewCounter.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.jcr.Session;
import javax.jcr.query.Query;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The view counter against a real repository, with a hand-moved clock. */
class ViewCounterTest {
    private static final Instant NOW = hanoi(2026, 3, 10, 9, 0);
    private static final String BROWSER =
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36";
    private final MutableClock clock = new MutableClock(NOW);
    private NewsRuntime runtime;

    @AfterEach
    void stop() {
        if (runtime != null) {
            runtime.close();
        }
    }

    private NewsRuntime start(RuntimeConfig config) throws Exception {
        runtime = NewsRuntime.start(config, LightModule.locate(), clock);
        return runtime;
    }

    private Article article(String title, Instant posted) throws Exception {
        return runtime.articles().create(draft(title, posted), "t");
    }

    /** A beacon from a client of its own: its own address (from its name) and user agent. */
    private static Beacon beacon(Article a, String client) {
        int h = client.hashCode();
        return new Beacon(
                a.id(),
                "10." + ((h >>> 16) & 0xFF) + "." + ((h >>> 8) & 0xFF) + "." + (h & 0xFF),
                BROWSER + " " + client,
                false);
    }

    @Test
    void aThousandUserAgentsFromOneAddressCountAsAFewReaders() throws Exception {
        start(RuntimeConfig.forTests().withCounting(true, 0));
        Article a = article("Tin", NOW.minus(Duration.ofHours(1)));
        int counted = 0;
        for (int i = 0; i < 1000; i++) {
            if (runtime.viewCounter().receive(new Beacon(a.id(), "198.51.100.20", BROWSER + " v" + i, false))
                    == Outcome.COUNTED) {
                counted++;
            }
        }
        assertEquals(RepeatFilter.AGENTS_PER_ADDRESS, counted, "a household of a few readers at most, not a thousand");
        // An IPv6 client owns its whole /64: other addresses in it are the same client.
        assertEquals(
                Outcome.COUNTED, runtime.viewCounter().receive(new Beacon(a.id(), "2001:db8:1:2::1", BROWSER, false)));
        assertEquals(
                Outcome.NOT_COUNTED,
                runtime.viewCounter().receive(new Beacon(a.id(), "2001:db8:1:2:ffff::9", BROWSER, false)));
        assertEquals(
                Outcome.COUNTED,
                runtime.viewCounter().receive(new Beacon(a.id(), "2001:db8:1:3::1", BROWSER, false)),
                "another /64 is another client");
    }

    @Test
    void aNewUserAgentDoesNotResetTheRateOfAnAddress() throws Exception {
        start(RuntimeConfig.forTests().withCounting(true, 5));
        Article a = article("Tin", NOW.minus(Duration.ofHours(1)));
        for (int i = 0; i < 5; i++) {
            assertNotEquals(
                    Outcome.RATE_LIMITED,
                    runtime.viewCounter().receive(new Beacon(a.id(), "198.51.100.30", BROWSER + i, false)));
        }
        assertEquals(
                Outcome.RATE_LIMITED,
                runtime.viewCounter().receive(new Beacon(a.id(), "198.51.100.30", BROWSER + " new", false)));
    }

    @Test
    void headlessBrowsersAndBeaconsFromOtherSitesAreNotCounted() throws Exception {
        start(RuntimeConfig.forTests());
        Article a = article("Tin", NOW.minus(Duration.ofHours(1)));
        String headless =
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0 Safari/537.36";
        assertEquals(
                Outcome.NOT_COUNTED,
                runtime.viewCounter().receive(new Beacon(a.id(), "198.51.100.40", headless, false)));
        assertEquals(
                Outcome.NOT_COUNTED,
                runtime.viewCounter().receive(new Beacon(a.id(), "198.51.100.41", BROWSER, false, true)));
        assertEquals(0, runtime.viewCounter().views(a.id()));
        assertEquals(1, runtime.viewCounter().stats().crossSite());
    }

    @Test
    void exactTotalsFromEightThreadsThroughTwoCountersSharingOneRepository(@TempDir Path secondJournal)
            throws Exception {
        start(RuntimeConfig.forTests());
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            articles.add(article("Bài " + i, NOW.minus(Duration.ofDays(1))));
        }
        ViewCounter first = runtime.viewCounter();
        ViewSettings settings = ViewSettings.defaults(secondJournal, RuntimeConfig.DEFAULT_ZONE)
                .withFlushInterval(Duration.ofMillis(50));
        StatsStore store = new StatsStore(runtime.repository().sessions(), RuntimeConfig.DEFAULT_ZONE, clock, 90);
        ViewCounter second = ViewCounter.start(settings, store, runtime.articles(), clock);

        long[] expected = new long[100];
        for (int t = 0; t < 8; t++) {
            for (int i = 0; i < 10_000; i++) {
                expected[(t * 7919 + i * 31) % 100]++;
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            ViewCounter counter = t % 2 == 0 ? first : second;
            done.add(pool.submit(() -> {
                for (int i = 0; i < 10_000; i++) {
                    counter.record(articles.get((thread * 7919 + i * 31) % 100).id(), NOW);
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        second.close();
        first.flush();

        long sum = 0;
        for (int i = 0; i < 100; i++) {
            long stored = store.total(articles.get(i).id());
            assertEquals(expected[i], stored, "article " + i);
            sum += stored;
        }
        assertEquals(80_000, sum);
    }

    @Test
    void aViewCountsOnceAndShowsAtOnce() throws Exception {
        start(RuntimeConfig.forTests());
        Article a = article("Tin", NOW.minus(Duration.ofHours(1)));
        assertEquals(Outcome.COUNTED, runtime.viewCounter().receive(beacon(a, "reader")));
        assertEquals(1, runtime.viewCounter().views(a.id()), "stored plus pending");
        assertEquals(1, runtime.newsFunctions().views(a.id()));
        runtime.viewCounter().flush();
        assertEquals(1, runtime.viewCounter().views(a.id()), "after the save still exactly one");
    }

    @Test
    void aRepeatWithinThirtyMinutesIsNotCountedAfterItIs() throws Exception {
        start(RuntimeConfig.forTests());
        Article a = article("Tin", NOW.minus(Duration.ofHours(1)));
        ViewCounter counter = runtime.viewCounter();
        assertEquals(Outcome.COUNTED, counter.receive(beacon(a, "reader")));
        clock.advance(Duration.ofMinutes(29));
        assertEquals(Outcome.NOT_COUNTED, counter.receive(beacon(a, "reader")));
        assertEquals(Outcome.COUNTED, counter.receive(beacon(a, "another reader")));
        clock.advance(Duration.ofMinutes(2));
        assertEquals(Outcome.COUNTED, counter.receive(beacon(a, "reader")));
        assertEquals(3, counter.views(a.id()));
        assertEquals(1, counter.stats().repeats());
    }

    @Test
    void botsPreviewsAndUnknownArticlesAreNotCounted() throws Exception {
        start(RuntimeConfig.forTests());
        Article a = article("Tin", NOW.minus(Duration.ofHours(1)));
        Article scheduled = article("Hẹn giờ", NOW.plus(Duration.ofHours(1)));
        ViewCounter counter = runtime.viewCounter();
        for (String bot : List.of(
                "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
                "Mozilla/5.0 (compatible; bingbot/2.0)",
                "facebookexternalhit/1.1",
                "curl/8.5.0",
                "")) {
            assertEquals(Outcome.NOT_COUNTED, counter.receive(new Beacon(a.id(), "10.0.0.1", bot, false)), bot);
        }
        assertEquals(Outcome.NOT_COUNTED, counter.receive(new Beacon(a.id(), "10.0.0.2", BROWSER, true)));
        assertEquals(
                Outcome.NOT_FOUND,
                counter.receive(new Beacon(UUID.randomUUID().toString(), "10.0.0.3", BROWSER, false)));
        assertEquals(Outcome.NOT_FOUND, counter.receive(new Beacon("../../etc/passwd", "10.0.0.3", BROWSER, false)));
        assertEquals(Outcome.NOT_FOUND, counter.receive(new Beacon(scheduled.id(), "10.0.0.3", BROWSER, false)));
        assertEquals(0, counter.views(a.id()));
        clock.advance(Duration.ofHours(2));
        assertEquals(
                Outcome.COUNTED,
                counter.receive(new Beacon(scheduled.id(), "10.0.0.3", BROWSER, false)),
                "counted once its time has come");
    }

    @Test
    void randomIdsGrowNeitherMemoryNorTheRepository() throws Exception {
        start(RuntimeConfig.forTests().withCounting(true, 0));
        Article a = article("Tin", NOW.minus(Duration.ofHours(1)));
        runtime.viewCounter().receive(beacon(a, "reader"));
        runtime.viewCounter().flush();
        for (int i = 0; i < 2_000; i++) {
            assertEquals(
                    Outcome.NOT_FOUND,
                    runtime.viewCounter()
                            .receive(new Beacon(UUID.randomUUID().toString(), "10.1.0." + (i % 250), BROWSER, false)));
        }
        runtime.viewCounter().flush();
        assertEquals(1, counterNodes(), "one counter: the real article's");
    }

    @Test
    void tooManyBeaconsFromOneClientGet429() throws Exception {
        start(RuntimeConfig.forTests().withCounting(true, 5));
        Article a = article("Tin", NOW.minus(Duration.ofHours(1)));
        for (int i = 0; i < 5; i++) {
            assertNotEquals(Outcome.RATE_LIMITED, runtime.viewCounter().receive(beacon(a, "busy")));
        }
        assertEquals(Outcome.RATE_LIMITED, runtime.viewCounter().receive(beacon(a, "busy")));
        assertEquals(
                Outcome.COUNTED, runtime.viewCounter().receive(beacon(a, "calm")), "other clients are not affected");
        clock.advance(Duration.ofMinutes(1));
        assertNotEquals(Outcome.RATE_LIMITED, runtime.viewCounter().receive(beacon(a, "busy")));
    }

    @Test
    void theOffSwitchCountsNothing() throws Exception {
        start(RuntimeConfig.forTests().withCounting(false, 120));
        Article a = article("Tin", NOW.minus(Duration.ofHours(1)));
        assertEquals(Outcome.NOT_COUNTED, runtime.viewCounter().receive(beacon(a, "reader")));
        runtime.viewCounter().flush();
        assertEquals(0, runtime.viewCounter().views(a.id()));
        assertEquals(1, runtime.viewCounter().stats().switchedOff());
    }

    @Test
    void dayBucketsRollOverAtMidnightInTheSiteZone() throws Exception {
        clock.set(hanoi(2026, 3, 10, 23, 59));
        start(RuntimeConfig.forTests());
        Article a = article("Tin", NOW.minus(Duration.ofDays(1)));
        ViewCounter counter = runtime.viewCounter();
        counter.record(a.id(), clock.instant());
        clock.advance(Duration.ofMinutes(2)); // 00:01 on 11 March in Hanoi, still 10 March in UTC
        counter.record(a.id(), clock.instant());
        counter.record(a.id(), clock.instant());
        counter.flush();
        StatsStore store = new StatsStore(runtime.repository().sessions(), RuntimeConfig.DEFAULT_ZONE, clock, 90);
        assertEquals(Map.of(LocalDate.of(2026, 3, 10), 1L, LocalDate.of(2026, 3, 11), 2L), store.days(a.id()));
        assertEquals(2L, counter.mostRead(1, 5).get(a.id()), "today counts only today");
        assertEquals(3L, counter.mostRead(7, 5).get(a.id()));

        clock.advance(Duration.ofDays(95));
        counter.record(a.id(), clock.instant());
        counter.flush();
        assertEquals(
                Map.of(LocalDate.of(2026, 6, 14), 1L), store.days(a.id()), "buckets older than 90 days are dropped");
        assertEquals(4, store.total(a.id()), "the total keeps everything");
    }

    @Test
    void republishingOrReimportingAnArticleKeepsItsCount(@TempDir Path backup) throws Exception {
        start(RuntimeConfig.forTests());
        Article a = article("Tin được xuất bản lại", NOW.minus(Duration.ofDays(1)));
        for (int i = 0; i < 7; i++) {
            runtime.viewCounter().record(a.id(), NOW);
        }
        runtime.viewCounter().flush();
        runtime.articles().update(a.id(), a.version(), a.toDraft(), "editor");
        assertEquals(7, runtime.viewCounter().views(a.id()));

        WorkspaceBackup news = new WorkspaceBackup(runtime.repository(), "news");
        news.exportTo(backup);
        assertTrue(runtime.articles().delete(a.id()));
        news.importFrom(backup);
        assertEquals(
                a.id(), runtime.articles().findByPath(a.path()).orElseThrow().id());
        assertEquals(7, runtime.viewCounter().views(a.id()));
    }

    @Test
    void aRestartNeitherLosesNorRepeatsJournalledViews(@TempDir Path data) throws Exception {
        RuntimeConfig config = RuntimeConfig.forTests().withDataFolder(data);
        start(config);
        Article a = article("Tin", NOW.minus(Duration.ofDays(1)));
        runtime.viewCounter().record(a.id(), NOW);
        runtime.viewCounter().flush();
        runtime.viewCounter().record(a.id(), NOW);
        runtime.viewCounter().record(a.id(), NOW);
        runtime.close();
        runtime = null;
        start(config);
        assertEquals(3, runtime.viewCounter().views(a.id()));
        runtime.viewCounter().record(a.id(), NOW);
        runtime.close();
        runtime = null;
        start(config);
        assertEquals(4, runtime.viewCounter().views(a.id()));
        assertTrue(Files.exists(data.resolve("views-journal")), "the journal lives in the data folder");
    }

    @Test
    void viewsOfManyArticlesAreSavedInBoundedSavesExactlyOnceAndLeaveNothingPending(@TempDir Path journalFolder)
            throws Exception {
        start(RuntimeConfig.forTests());
        int articles = ViewCounter.ARTICLES_PER_SAVE * 2 + 500;
        // A journal left by a counter that never saved (a crash after a busy crawl over old articles):
        // each article viewed twice, the second time after all the first views.
        List<UUID> ids = new ArrayList<>();
        int day = (int) LocalDate.ofInstant(NOW, RuntimeConfig.DEFAULT_ZONE).toEpochDay();
        ViewJournal journal = ViewJournal.open(journalFolder, 0, (entries, end) -> {});
        journal.start((entries, end) -> {});
        List<CompletableFuture<Long>> written = new ArrayList<>();
        for (int i = 0; i < articles; i++) {
            ids.add(UUID.randomUUID());
        }
        for (int round = 0; round < 2; round++) {
            for (UUID id : ids) {
                written.add(journal.append(new ViewJournal.Entry(id, day)));
            }
        }
        for (CompletableFuture<Long> w : written) {
            w.get(30, TimeUnit.SECONDS);
        }
        journal.close();

        // Every save shows as one delivery of events: count the counters each one added.
        List<Integer> countersPerSave = new CopyOnWriteArrayList<>();
        Session watcher = runtime.repository().login(ViewSettings.WORKSPACE);
        watcher.getWorkspace()
                .getObservationManager()
                .addEventListener(
                        events -> {
                            int added = 0;
                            while (events.hasNext()) {
                                try {
                                    if (events.nextEvent().getPath().split("/").length == 4) {
                                        added++;
                                    }
                                } catch (javax.jcr.RepositoryException e) {
                                    throw new IllegalStateException(e);
                                }
                            }
                            countersPerSave.add(added);
                        },
                        javax.jcr.observation.Event.NODE_ADDED,
                        "/",
                        true,
                        null,
                        null,
                        false);
        ViewSettings settings = ViewSettings.defaults(journalFolder, RuntimeConfig.DEFAULT_ZONE);
        StatsStore store = new StatsStore(runtime.repository().sessions(), RuntimeConfig.DEFAULT_ZONE, clock, 90);
        try (ViewCounter replayed = ViewCounter.start(settings, store, runtime.articles(), clock)) {
            assertEquals(0, replayed.articlesWithUnsavedViews(), "saved at start, nothing left pending");
        }
        for (UUID id : ids) {
            assertEquals(2, store.total(id.toString()), "article " + id);
        }
        Eventually.await(
                () -> countersPerSave.stream().mapToInt(Integer::intValue).sum() == articles,
                "every counter's save delivered to the watcher");
        watcher.logout();
        assertTrue(countersPerSave.size() >= 3, "saved in several saves: " + countersPerSave);
        assertTrue(
                countersPerSave.stream().allMatch(n -> n <= ViewCounter.ARTICLES_PER_SAVE),
                "no save over " + ViewCounter.ARTICLES_PER_SAVE + " counters: " + countersPerSave);

        // Started again on the same journal: everything is already held, nothing is added twice.
        try (ViewCounter again = ViewCounter.start(settings, store, runtime.articles(), clock)) {
            assertEquals(0, again.articlesWithUnsavedViews());
        }
        assertEquals(2, store.total(ids.get(0).toString()));
        assertEquals(2, store.total(ids.get(articles - 1).toString()));
    }

    private long counterNodes() throws Exception {
        Session session = runtime.repository().login(ViewSettings.WORKSPACE);
        try {
            Query q = session.getWorkspace()
                    .getQueryManager()
                    .createQuery("/jcr:root/views//element(*, mgnl:contentNode)", Query.XPATH);
            long n = 0;
            for (var it = q.execute().getNodes(); it.hasNext(); it.next()) {
                n++;
            }
            return n;
        } finally {
            session.logout();
        }
    }
}
