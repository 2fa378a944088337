package io.newsroom.news.views;

import io.newsroom.news.article.ArticleRepository;
import io.newsroom.news.article.Audience;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.jcr.RepositoryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts article views. A beacon is checked (off switch, bots, editor preview, rate, a visible
 * article, a repeat by the same client), then journalled and forced to disk before it is
 * answered; journalled views are added up in memory and saved to the {@link StatsStore} once per
 * flush interval and at shutdown, each save recording the journal position it covers. A start
 * replays the journal from that position, so every answered view is counted exactly once.
 * <p>
 * One class on purpose, though long: receiving, the in-memory tally, the flush and the readings share
 * one locking discipline (the aggregate lock, the flush lock, pending counts moved to stored ones in one
 * step), and spreading it over classes would hide the invariant that no view is counted twice or lost.
 */
public final class ViewCounter implements ViewCounts, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ViewCounter.class);
    private static final long STORED_TTL_MILLIS = 5_000;
    private static final int CACHE_SIZE = 100_000;
    private static final long READ_TTL_MILLIS = 10_000;
    /**
     * Articles one store save holds at most. A save of 100,000 counters (a replay after a long outage,
     * a crawl over old articles) kept the whole change log in memory and ran a 512 MB heap into its GC
     * for minutes; bounded tallies are saved one after the other, each with the journal position it covers.
     */
    static final int ARTICLES_PER_SAVE = 2_000;

    /** What the endpoint answers: 204 for counted and not counted, 404, 429. */
    public enum Outcome {
        COUNTED,
        NOT_COUNTED,
        NOT_FOUND,
        RATE_LIMITED
    }

    /**
     * One beacon as it arrived. {@code address} (the client, proxies considered) and {@code userAgent}
     * only ever feed the daily hash; {@code crossSite} when the browser said it came from another site.
     */
    public record Beacon(String articleId, String address, String userAgent, boolean preview, boolean crossSite) {
        public Beacon(String articleId, String address, String userAgent, boolean preview) {
            this(articleId, address, userAgent, preview, false);
        }
    }

    /** What happened to the beacons so far. */
    public record Stats(
            long received,
            long counted,
            long bots,
            long previews,
            long repeats,
            long notFound,
            long rateLimited,
            long switchedOff,
            long crossSite) {}

    private final ViewSettings settings;
    private final StatsStore store;
    private final ArticleRepository articles;
    private final Clock clock;
    private final String instanceId;
    private final BeaconRules rules;
    private final SameSiteCheck sameSite;
    /** This counter's hold on its journal folder, from start until closed. */
    private final JournalFolderLock folderLock;

    private final ViewJournal journal;
    private final ScheduledExecutorService flusher;

    private final Object aggregateLock = new Object();
    private final ReentrantLock flushLock = new ReentrantLock();
    /** Counted views not yet saved (article to epoch day to views) up to a journal position. */
    private record Tally(Map<String, Map<Integer, Long>> counts, long end) {}

    /** Full tallies waiting for their save, oldest first; then the open one being added to. */
    private final Deque<Tally> sealed = new ArrayDeque<>();

    private Map<String, Map<Integer, Long>> unsaved = new HashMap<>();
    private long unsavedEnd;
    private volatile long savedPosition;
    /** Views not saved yet per article; an article leaves when its views are saved (no entry per article ever viewed). */
    private final Map<String, Long> pending = new ConcurrentHashMap<>();

    private final Map<String, long[]> storedTotals = boundedMap(CACHE_SIZE);
    /** A value read from the store at {@code readAt} (epoch millis), served until it is too old. */
    private record Timed<T>(long readAt, T value) {
        boolean fresh(long now) {
            return now - readAt < READ_TTL_MILLIS;
        }
    }

    private final Map<Integer, Timed<Map<String, Long>>> mostReadCache = new ConcurrentHashMap<>();
    private volatile Timed<Map<String, Long>> totalsCache;

    private final AtomicLong counted = new AtomicLong();

    private ViewCounter(
            ViewSettings settings,
            StatsStore store,
            ArticleRepository articles,
            Clock clock,
            String instanceId,
            long savedPosition,
            JournalFolderLock folderLock,
            Audience readers)
            throws IOException {
        this.folderLock = folderLock;
        this.settings = settings;
        this.store = store;
        this.articles = articles;
        this.clock = clock;
        this.instanceId = instanceId;
        this.rules = new BeaconRules(settings, articles, readers);
        this.sameSite = new SameSiteCheck(settings);
        this.savedPosition = savedPosition;
        this.unsavedEnd = savedPosition;
        this.journal = ViewJournal.open(settings.journalFolder(), savedPosition, this::addDurable);
        synchronized (aggregateLock) {
            unsavedEnd = journal.position();
        }
        this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "news-views-flush");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Opens the journal, saves whatever it holds beyond the store's mark (views answered before a
     * crash), and starts the writer and the periodic flush.
     */
    public static ViewCounter start(ViewSettings settings, StatsStore store, ArticleRepository articles, Clock clock)
            throws IOException, RepositoryException {
        return start(settings, store, articles, clock, Audience.READERS);
    }

    /** With {@code readers}: whose visibility rule a beacon's article must meet. */
    public static ViewCounter start(
            ViewSettings settings, StatsStore store, ArticleRepository articles, Clock clock, Audience readers)
            throws IOException, RepositoryException {
        JournalFolderLock folderLock = JournalFolderLock.take(settings.journalFolder());
        ViewCounter counter;
        try {
            store.initialize();
            String instanceId = instanceId(settings.journalFolder());
            long saved = store.journalPosition(instanceId);
            counter = new ViewCounter(settings, store, articles, clock, instanceId, saved, folderLock, readers);
        } catch (IOException | RepositoryException | RuntimeException e) {
            folderLock.close();
            throw e;
        }
        try {
            counter.flush();
        } catch (RuntimeException e) {
            counter.journal.close();
            folderLock.close();
            throw e;
        }
        counter.journal.start(counter::addDurable);
        long interval = settings.flushInterval().toMillis();
        counter.flusher.scheduleWithFixedDelay(counter::flushQuietly, interval, interval, TimeUnit.MILLISECONDS);
        return counter;
    }

    public ViewSettings settings() {
        return settings;
    }

    /** Whether a beacon comes from this site's own pages (the site's addresses from the settings). */
    SameSiteCheck sameSite() {
        return sameSite;
    }

    /** Decides about one beacon and, if it counts, returns only once the view is on disk. */
    public Outcome receive(Beacon beacon) {
        Instant now = clock.instant();
        Outcome outcome = rules.decide(beacon, now);
        if (outcome == Outcome.COUNTED) {
            record(beacon.articleId(), now);
        }
        return outcome;
    }

    /**
     * Like {@link #receive}, without holding the caller's thread while the view goes to disk: the
     * future completes (in the journal's writer thread) once it is durable.
     */
    public CompletableFuture<Outcome> receiveAsync(Beacon beacon) {
        Instant now = clock.instant();
        Outcome outcome = rules.decide(beacon, now);
        if (outcome != Outcome.COUNTED) {
            return CompletableFuture.completedFuture(outcome);
        }
        int day = (int) LocalDate.ofInstant(now, settings.siteZone()).toEpochDay();
        return journal.append(new ViewJournal.Entry(UUID.fromString(beacon.articleId()), day))
                .thenApply(position -> {
                    counted.incrementAndGet();
                    return Outcome.COUNTED;
                });
    }

    /** Counts one view without the checks (replays, tests of the storage path). Returns when durable. */
    public void record(String articleId, Instant when) {
        int day = (int) LocalDate.ofInstant(when, settings.siteZone()).toEpochDay();
        try {
            journal.append(new ViewJournal.Entry(UUID.fromString(articleId), day))
                    .get(30, TimeUnit.SECONDS);
            counted.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while journalling a view", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The view could not be journalled", e);
        }
    }

    /** Stored plus not yet saved: a reader sees the view just counted. */
    @Override
    public long views(String articleId) {
        Long notSaved = pending.get(articleId);
        return storedTotal(articleId) + (notSaved == null ? 0 : notSaved);
    }

    /**
     * The most read articles: identifier to views, most first. {@code days} 1 is today, 7 and 30
     * the last days including today, 0 all time. Recomputed at most every few seconds.
     */
    @Override
    public Map<String, Long> mostRead(int days, int limit) {
        Timed<Map<String, Long>> cached = mostReadCache.get(days);
        long now = System.currentTimeMillis();
        Map<String, Long> ranking;
        if (cached != null && cached.fresh(now)) {
            ranking = cached.value();
        } else {
            ranking = rank(days);
            mostReadCache.put(days, new Timed<>(now, ranking));
        }
        Map<String, Long> top = new LinkedHashMap<>();
        ranking.entrySet().stream().limit(limit).forEach(e -> top.put(e.getKey(), e.getValue()));
        return top;
    }

    /** Views of all articles per day over the last {@code days} days, stored plus not yet saved. */
    public Map<LocalDate, Long> viewsPerDay(int days) {
        Map<LocalDate, Long> perDay;
        try {
            perDay = new TreeMap<>(store.viewsPerDay(days));
        } catch (RepositoryException e) {
            LOG.warn("Cannot read views per day: {}", e.toString());
            return Map.of();
        }
        forEachUnsaved((id, byDay) -> addUnsaved(perDay, byDay));
        return perDay;
    }

    /** One article's views per day over the last {@code days} days (stored plus not yet saved), 0 where none. */
    public Map<LocalDate, Long> viewsPerDay(String articleId, int days) {
        Map<LocalDate, Long> perDay;
        try {
            perDay = new TreeMap<>(store.viewsPerDay(articleId, days));
        } catch (RepositoryException e) {
            LOG.warn("Cannot read an article's views per day: {}", e.toString());
            return Map.of();
        }
        forEachUnsaved((id, byDay) -> {
            if (id.equals(articleId)) {
                addUnsaved(perDay, byDay);
            }
        });
        return perDay;
    }

    /** Views not yet saved ({@code byDay}: epoch day to count) added to the days {@code perDay} shows. */
    private static void addUnsaved(Map<LocalDate, Long> perDay, Map<Integer, Long> byDay) {
        byDay.forEach((day, n) -> perDay.computeIfPresent(LocalDate.ofEpochDay(day), (d, stored) -> stored + n));
    }

    /**
     * Every article's total (stored plus not yet saved), for sorting lists by views. Read from the
     * store at most every few seconds.
     */
    public Map<String, Long> totals() {
        // Under the flush lock: a flush moves views from pending to stored in one step, so reading the
        // store before it and pending after it would miss them (seen as a flaky sort by views).
        flushLock.lock();
        try {
            return totalsNow();
        } finally {
            flushLock.unlock();
        }
    }

    private Map<String, Long> totalsNow() {
        long now = System.currentTimeMillis();
        Timed<Map<String, Long>> cached = totalsCache;
        Map<String, Long> totals;
        if (cached != null && cached.fresh(now)) {
            totals = new HashMap<>(cached.value());
        } else {
            try {
                totals = store.allTotals();
            } catch (RepositoryException e) {
                LOG.warn("Cannot read view totals: {}", e.toString());
                totals = new HashMap<>();
            }
            totalsCache = new Timed<>(now, Map.copyOf(totals));
        }
        Map<String, Long> withPending = totals;
        pending.forEach((id, n) -> withPending.merge(id, n, Long::sum));
        return withPending;
    }

    public Stats stats() {
        return rules.stats(counted.get());
    }

    /**
     * Saves what was counted since the last save, in one store save per {@link #ARTICLES_PER_SAVE}
     * articles. One flush at a time: a save must never move the journal mark back behind a later one,
     * and when this returns everything counted before the call is stored.
     */
    public void flush() {
        flushLock.lock();
        try {
            flushOnce();
        } finally {
            flushLock.unlock();
        }
    }

    private void flushOnce() {
        for (boolean last = false; !last; ) {
            Tally taken;
            synchronized (aggregateLock) {
                last = sealed.isEmpty();
                if (last) {
                    taken = new Tally(unsaved, unsavedEnd);
                    unsaved = new HashMap<>();
                } else {
                    taken = sealed.peekFirst();
                }
            }
            if (taken.counts().isEmpty() && taken.end() == savedPosition) {
                return;
            }
            List<StatsStore.Delta> deltas = new ArrayList<>(taken.counts().size());
            taken.counts().forEach((id, byDay) -> deltas.add(new StatsStore.Delta(id, byDay)));
            try {
                store.add(deltas, instanceId, taken.end());
            } catch (RepositoryException | RuntimeException e) {
                if (last) {
                    synchronized (aggregateLock) {
                        taken.counts().forEach((id, byDay) -> byDay.forEach((day, n) -> add(unsaved, id, day, n)));
                    }
                }
                throw new IllegalStateException("Saving view counts failed; they stay pending: " + e.getMessage(), e);
            }
            synchronized (aggregateLock) {
                if (!last) {
                    sealed.removeFirst();
                }
            }
            saved(deltas, taken.end());
        }
    }

    /** Moves a saved tally's views from pending to the stored totals, and lets the journal go up to {@code end}. */
    private void saved(List<StatsStore.Delta> deltas, long end) {
        savedPosition = end;
        for (StatsStore.Delta delta : deltas) {
            long total = delta.total();
            synchronized (storedTotals) {
                long[] stored = storedTotals.get(delta.articleId());
                if (stored != null) {
                    stored[0] += total;
                }
            }
            pending.computeIfPresent(delta.articleId(), (id, n) -> n == total ? null : n - total);
        }
        mostReadCache.clear();
        totalsCache = null;
        journal.deleteBefore(end);
    }

    /** The periodic flush: whatever goes wrong is reported and the next run tries again (a scheduled task that throws runs no more). */
    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warn("{}", e.getMessage());
        } catch (Error e) {
            LOG.error("Saving view counts failed ({}); the next flush tries again", e.toString());
        }
    }

    /**
     * Stops counting: the periodic flush ends, the journal closes and what is pending is saved. Trouble is logged, not thrown:
     * whatever could not be saved stays in the journal and is replayed at the next start.
     */
    @Override
    public void close() {
        flusher.shutdown();
        try {
            flusher.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            journal.close();
            flush();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Closing the view counter: {}", e.toString());
        } finally {
            try {
                folderLock.close();
            } catch (IOException e) {
                LOG.warn("Letting go of the view journal folder: {}", e.toString());
            }
        }
    }

    // --- internals ---

    /**
     * Runs in the journal's writer thread once a batch is on disk, before its callers hear back (and
     * for each replayed entry at a start). A full tally is sealed first, at the position before the batch.
     */
    private void addDurable(List<ViewJournal.Entry> batch, long endPosition) {
        synchronized (aggregateLock) {
            if (unsaved.size() >= ARTICLES_PER_SAVE) {
                sealed.addLast(new Tally(unsaved, unsavedEnd));
                unsaved = new HashMap<>();
            }
            for (ViewJournal.Entry entry : batch) {
                add(unsaved, entry.article().toString(), entry.epochDay(), 1L);
            }
            unsavedEnd = endPosition;
        }
        for (ViewJournal.Entry entry : batch) {
            // merge, atomic per article: a flush taking views off the same article never loses one
            pending.merge(entry.article().toString(), 1L, Long::sum);
        }
    }

    /** How many articles have views not saved yet (what {@code pending} holds). */
    int articlesWithUnsavedViews() {
        return pending.size();
    }

    /** Every not yet saved tally's counts (article, epoch day to views), sealed ones first. */
    private void forEachUnsaved(BiConsumer<String, Map<Integer, Long>> action) {
        synchronized (aggregateLock) {
            sealed.forEach(tally -> tally.counts().forEach(action));
            unsaved.forEach(action);
        }
    }

    private static void add(Map<String, Map<Integer, Long>> into, String id, int day, long n) {
        into.computeIfAbsent(id, k -> new HashMap<>()).merge(day, n, Long::sum);
    }

    private Map<String, Long> rank(int days) {
        Map<String, Long> views = new HashMap<>();
        try {
            if (days <= 0) {
                views.putAll(store.topTotals(200));
            } else {
                views.putAll(store.viewsSince(days));
            }
        } catch (RepositoryException e) {
            LOG.warn("Cannot read the most read articles: {}", e.toString());
        }
        int firstDay = (int) LocalDate.ofInstant(clock.instant(), settings.siteZone())
                .minusDays(Math.max(days, 1) - 1L)
                .toEpochDay();
        forEachUnsaved((id, byDay) -> byDay.forEach((day, n) -> {
            if (days <= 0 || day >= firstDay) {
                views.merge(id, n, Long::sum);
            }
        }));
        Map<String, Long> sorted = new LinkedHashMap<>();
        views.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    private long storedTotal(String articleId) {
        long now = System.currentTimeMillis();
        synchronized (storedTotals) {
            long[] cached = storedTotals.get(articleId);
            if (cached != null && now - cached[1] < STORED_TTL_MILLIS) {
                return cached[0];
            }
        }
        try {
            long total = store.total(articleId);
            synchronized (storedTotals) {
                storedTotals.put(articleId, new long[] {total, now});
            }
            return total;
        } catch (RepositoryException | RuntimeException e) {
            LOG.warn("Cannot read the view count of {}: {}", articleId, e.toString());
            return 0L;
        }
    }

    private static final Pattern INSTANCE_ID = Pattern.compile("i[0-9a-f]{32}");

    /**
     * This instance's name in the store's journal marks, kept in {@code instance-id} beside the
     * journal. A missing or unreadable one is made anew when the journal holds no segment; with
     * segments, a new name would count their views a second time, so the start stops and says why.
     */
    static String instanceId(Path folder) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve("instance-id");
        if (Files.exists(file)) {
            String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (INSTANCE_ID.matcher(stored).matches()) {
                return stored;
            }
            try (Stream<Path> files = Files.list(folder)) {
                if (files.anyMatch(f -> f.getFileName().toString().matches("views-\\d+\\.journal"))) {
                    throw new IOException(
                            file.toAbsolutePath() + " does not hold an instance id (\"i\" and 32 hex digits) "
                                    + "but the journal holds views: put the id back (the marks under /journals in news-stats name it), "
                                    + "or, if every view in the journal is saved, remove its views-*.journal files and this file");
                }
            }
            LOG.warn("{} held no valid instance id; this instance gets a new one", file.toAbsolutePath());
        }
        String id = "i" + UUID.randomUUID().toString().replace("-", "");
        Files.writeString(file, id, StandardCharsets.UTF_8);
        return id;
    }

    private static <K, V> Map<K, V> boundedMap(int max) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > max;
            }
        };
    }
}
