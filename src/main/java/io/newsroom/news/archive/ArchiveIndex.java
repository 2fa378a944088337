package io.newsroom.news.archive;

import io.newsroom.news.article.ArticleQuery;
import io.newsroom.news.article.ArticleRepository;
import io.newsroom.news.article.ArticleSummary;
import io.newsroom.news.article.Audience;
import io.newsroom.news.article.PropertyFilter;
import io.newsroom.news.article.Publication;
import io.newsroom.news.article.Slugs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import javax.jcr.RepositoryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What pages need about the whole archive, kept in memory so no request reads every article: the
 * newest listing (all, per category, the featured), its totals, and the categories in use. It is
 * read once at start, in the background (until then {@link #ready()} is false and callers ask the
 * repository as before), and then kept up to date from the identifiers of every change: at once for
 * writes made through {@link ArticleRepository}, by observation for the rest (another cluster node,
 * Magnolia's content app, an import). Articles in the trash or without a posted date are not listed.
 *
 * <p>Cost: about 30 bytes an article for the entries, 4 per listing it is in (all, its category,
 * featured): some 40 MB at a million articles.
 */
public final class ArchiveIndex implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ArchiveIndex.class);

    private final ArticleRepository articles;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final ArchiveEntries entries = new ArchiveEntries();
    private final SlotOrder all = new SlotOrder(entries);
    private final SlotOrder featured = new SlotOrder(entries);
    private final List<String> categoryNames = new ArrayList<>();
    private final Map<String, Integer> categoryIndexes = new HashMap<>();
    private final List<SlotOrder> byCategory = new ArrayList<>();
    private final Object building = new Object();
    private final Object updating = new Object();
    /** Changes heard while the start's read runs; applied after it. Null once ready. */
    private List<Set<String>> heardWhileBuilding = new ArrayList<>();

    private final Path snapshot;
    /** Slots the check behind a loaded index has seen, while it runs; null otherwise. Guarded by {@code updating}. */
    private BitSet seen;

    private volatile boolean ready;
    private volatile boolean settled;
    private volatile boolean closed;
    private Thread builder;

    private ArchiveIndex(ArticleRepository articles, Path snapshot) {
        this.articles = articles;
        this.snapshot = snapshot;
    }

    /** An index of {@code articles}' archive, listening from now on and read in the background. */
    public static ArchiveIndex start(ArticleRepository articles) {
        return start(articles, null);
    }

    /**
     * An index that also keeps itself in {@code snapshot} (null: nowhere): written at {@link #close},
     * read at the next start, where it serves at once while the repository is read behind it to
     * correct what changed while the host was down (another cluster node's writes, an import).
     */
    public static ArchiveIndex start(ArticleRepository articles, Path snapshot) {
        ArchiveIndex index = new ArchiveIndex(articles, snapshot);
        articles.onNodesChanged(index::changed);
        articles.checkCategoriesWith(index::categoryNamedAlike);
        boolean loaded = snapshot != null && Files.exists(snapshot) && index.load(snapshot);
        index.builder = new Thread(loaded ? index::verify : index::build, "news-archive-index");
        index.builder.setDaemon(true);
        index.builder.start();
        return index;
    }

    /** Serves the index kept in {@code file}; false (and an empty index) when it cannot be read. */
    private boolean load(Path file) {
        long started = System.nanoTime();
        ArchiveSnapshot.Contents contents;
        try {
            contents = ArchiveSnapshot.read(file);
        } catch (IOException | RuntimeException e) {
            LOG.warn("The archive index kept in {} cannot be read ({}); reading the repository", file, e.toString());
            return false;
        }
        lock.writeLock().lock();
        try {
            int[] mine = new int[contents.categories().size()];
            for (int c = 0; c < mine.length; c++) {
                mine[c] = categoryIndex(contents.categories().get(c));
            }
            int[] listed = new int[contents.entries().size()];
            List<List<Integer>> perCategory = new ArrayList<>();
            List<Integer> featuredSlots = new ArrayList<>();
            for (int i = 0; i < listed.length; i++) {
                ArchiveSnapshot.Entry entry = contents.entries().get(i);
                int category = entry.category() < 0 ? -1 : mine[entry.category()];
                int slot = entries.add(entry.id(), entry.posted(), category, entry.flags());
                listed[i] = slot;
                if (category >= 0) {
                    while (perCategory.size() <= category) {
                        perCategory.add(new ArrayList<>());
                    }
                    perCategory.get(category).add(slot);
                }
                if (entries.featured(slot)) {
                    featuredSlots.add(slot);
                }
            }
            // Stored in listing order: every listing is filled as it is, without a sort.
            all.setSorted(listed);
            featured.setSorted(
                    featuredSlots.stream().mapToInt(Integer::intValue).toArray());
            for (int c = 0; c < perCategory.size(); c++) {
                byCategory
                        .get(c)
                        .setSorted(perCategory.get(c).stream()
                                .mapToInt(Integer::intValue)
                                .toArray());
            }
            heardWhileBuilding = null;
            ready = true;
        } finally {
            lock.writeLock().unlock();
        }
        LOG.info(
                "Archive index read from {}: {} articles in {} ms; checking it against the repository",
                file,
                size(),
                (System.nanoTime() - started) / 1_000_000);
        return true;
    }

    /**
     * Reads the whole archive behind a loaded index: every article found is put right (most need
     * nothing), and those the index holds but the repository no longer does are taken out.
     */
    private void verify() {
        long started = System.nanoTime();
        synchronized (updating) {
            seen = new BitSet();
        }
        try {
            List<ArticleSummary> batch = new ArrayList<>();
            articles.forEachSummary(summary -> {
                if (closed) {
                    throw new IllegalStateException("closed");
                }
                batch.add(summary);
                if (batch.size() == 10_000) {
                    applyInOrder(batch);
                    batch.clear();
                }
            });
            applyInOrder(batch);
            int gone;
            synchronized (updating) {
                gone = removeUnseen();
                seen = null;
                settled = true;
            }
            LOG.info(
                    "Archive index checked against the repository in {} ms: {} articles, {} gone meanwhile",
                    (System.nanoTime() - started) / 1_000_000,
                    size(),
                    gone);
        } catch (RepositoryException | RuntimeException e) {
            if (!closed) {
                LOG.error("Checking the archive index against the repository failed; reading it again", e);
                rebuild();
            }
        }
    }

    private void applyInOrder(List<ArticleSummary> batch) {
        synchronized (updating) {
            apply(batch, Set.of());
        }
    }

    /** Takes out what the check did not see (nor any change heard during it); how many. */
    private int removeUnseen() {
        lock.writeLock().lock();
        try {
            BitSet unseen = new BitSet();
            for (int i = 0; i < all.size(); i++) {
                if (!seen.get(all.slot(i))) {
                    unseen.set(all.slot(i));
                }
            }
            if (!unseen.isEmpty()) {
                all.replace(unseen, new int[0]);
                featured.replace(unseen, new int[0]);
                byCategory.forEach(order -> order.replace(unseen, new int[0]));
                unseen.stream().forEach(entries::remove);
            }
            return unseen.cardinality();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Keeps the index in its file for the next start (when it is read and the host has a place for it). */
    private void save() {
        if (snapshot == null || !ready) {
            return;
        }
        lock.readLock().lock();
        try {
            ArchiveSnapshot.write(snapshot, List.copyOf(categoryNames), new ArchiveSnapshot.EntrySource() {
                @Override
                public int size() {
                    return all.size();
                }

                @Override
                public ArchiveSnapshot.Entry entry(int position) {
                    int slot = all.slot(position);
                    return new ArchiveSnapshot.Entry(
                            entries.id(slot), entries.posted(slot), entries.category(slot), entries.flags(slot));
                }
            });
        } catch (IOException e) {
            LOG.warn(
                    "The archive index could not be kept in {} ({}); the next start reads the repository",
                    snapshot,
                    e.toString());
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Whether the index agrees with the repository: read, and a kept index checked behind it. */
    public boolean settled() {
        return settled;
    }

    /** Whether the start's read is done: before that, ask the repository. */
    public boolean ready() {
        return ready;
    }

    /**
     * One page of a listing, newest first.
     *
     * @param publishedOnly readers of an instance where editors work see published articles only
     * @param category      one category's listing, or null for all
     * @param now           articles posted after it are left out (they are scheduled)
     */
    public ArchivePage page(boolean publishedOnly, String category, Instant now, long offset, int limit) {
        lock.readLock().lock();
        try {
            SlotOrder order = order(category);
            if (order == null) {
                return new ArchivePage(List.of(), 0);
            }
            int first = order.firstPostedBy(now.toEpochMilli());
            long total = publishedOnly ? order.published() - published(order, 0, first) : order.size() - first;
            List<String> ids = new ArrayList<>(Math.min(limit, 64));
            long skipped = 0;
            for (int i = first; i < order.size() && ids.size() < limit; i++) {
                int slot = order.slot(i);
                if (publishedOnly && !entries.published(slot)) {
                    continue;
                }
                if (skipped++ >= offset) {
                    ids.add(entries.id(slot).toString());
                }
            }
            return new ArchivePage(ids, total);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The page {@code query} asks for, when it is one of the listings held here (newest first, all
     * articles or one category's, no words, no folder) and the index is read; otherwise empty, and the
     * repository answers. Articles posted after {@code now} are left out, as readers see them.
     */
    public Optional<ArchivePage> answer(ArticleQuery query, Audience audience, Instant now) {
        Optional<String> category = plainListing(query);
        if (category == null || query.publication() != Publication.Filter.ANY) {
            return Optional.empty();
        }
        return Optional.of(page(audience.publishedOnly(), category.orElse(null), now, query.offset(), query.limit()));
    }

    /**
     * An editor's list (the admin's grid, its count): every article whatever its posted date, newest
     * first, of one publication state or all, perhaps of one category; empty for anything else (words,
     * featured only, another order, the trash), which the repository answers.
     */
    public Optional<ArchivePage> editorsPage(ArticleQuery query) {
        Optional<String> category = plainListing(query);
        Publication.Filter state = query.publication();
        if (category == null || state == Publication.Filter.TRASH) {
            return Optional.empty();
        }
        lock.readLock().lock();
        try {
            SlotOrder order = order(category.orElse(null));
            if (order == null) {
                return Optional.of(new ArchivePage(List.of(), 0));
            }
            long total = switch (state) {
                case PUBLISHED -> order.published();
                case DRAFTS -> order.size() - order.published();
                default -> order.size();
            };
            List<String> ids = new ArrayList<>();
            long skipped = 0;
            for (int i = 0; i < order.size() && ids.size() < query.limit(); i++) {
                int slot = order.slot(i);
                boolean published = entries.published(slot);
                if ((state == Publication.Filter.PUBLISHED && !published)
                        || (state == Publication.Filter.DRAFTS && published)) {
                    continue;
                }
                if (skipped++ >= query.offset()) {
                    ids.add(entries.id(slot).toString());
                }
            }
            return Optional.of(new ArchivePage(ids, total));
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The category of a query the listings here can answer (empty: all articles), or null when they
     * cannot: words, a folder, another order, another filter, or the index not read yet.
     */
    @SuppressWarnings("java:S2789") // null and empty mean different things here
    private Optional<String> plainListing(ArticleQuery query) {
        boolean listing = ready
                && query.text() == null
                && query.words() == null
                && query.fullText() == null
                && (query.ancestor() == null || query.ancestor().equals("/"))
                && (query.sort().isEmpty() || query.sort().equals(List.of(ArticleQuery.Sort.desc("postedDate"))))
                && query.filters().size() <= 1;
        if (!listing) {
            return null;
        }
        if (query.filters().isEmpty()) {
            return Optional.empty();
        }
        PropertyFilter filter = query.filters().get(0);
        if (filter.property().equals("category")
                && filter.operator() == PropertyFilter.Operator.EQ
                && filter.values().size() == 1
                && filter.values().get(0) instanceof String name) {
            return Optional.of(name);
        }
        return null;
    }

    /** The scheduled articles (posted after {@code now}), soonest first, at most {@code limit}. */
    public List<String> scheduled(boolean publishedOnly, String category, Instant now, int limit) {
        lock.readLock().lock();
        try {
            SlotOrder order = order(category);
            List<String> ids = new ArrayList<>();
            if (order == null) {
                return ids;
            }
            for (int i = order.firstPostedBy(now.toEpochMilli()) - 1; i >= 0 && ids.size() < limit; i--) {
                int slot = order.slot(i);
                if (!publishedOnly || entries.published(slot)) {
                    ids.add(entries.id(slot).toString());
                }
            }
            return ids;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The featured articles (scheduled ones too), newest first, at most {@code limit}. */
    public List<String> featured(boolean publishedOnly, String category, int limit) {
        lock.readLock().lock();
        try {
            Integer wanted = category == null ? null : categoryIndexes.get(category);
            List<String> ids = new ArrayList<>();
            if (category != null && wanted == null) {
                return ids;
            }
            for (int i = 0; i < featured.size() && ids.size() < limit; i++) {
                int slot = featured.slot(i);
                if ((!publishedOnly || entries.published(slot))
                        && (wanted == null || entries.category(slot) == wanted)) {
                    ids.add(entries.id(slot).toString());
                }
            }
            return ids;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The categories of listed articles (drafts' too), sorted as people read them (case aside); before
     * the index is read, as the repository answers (articles in the trash too).
     */
    public List<String> categories() throws RepositoryException {
        if (!ready) {
            return articles.categories();
        }
        lock.readLock().lock();
        try {
            TreeMap<String, String> sorted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (int i = 0; i < categoryNames.size(); i++) {
                if (byCategory.get(i).size() > 0) {
                    sorted.putIfAbsent(categoryNames.get(i), categoryNames.get(i));
                }
            }
            return List.copyOf(sorted.values());
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The category whose address is {@code slug} ({@code thong-bao} for "Thông báo"); when several
     * names fold to it (made before such names were refused), the one with the most articles.
     */
    public Optional<String> categoryBySlug(String slug) {
        lock.readLock().lock();
        try {
            String best = null;
            int most = 0;
            for (int i = 0; i < categoryNames.size(); i++) {
                int size = byCategory.get(i).size();
                if (size > most && Slugs.fromTitle(categoryNames.get(i)).equals(slug)) {
                    best = categoryNames.get(i);
                    most = size;
                }
            }
            return Optional.ofNullable(best);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Another category in use whose address is that of {@code name} ("Thông báo" for "Thong Bao"), if
     * any: two names on one address would leave one of them unreachable. Before the index is read,
     * the repository is asked.
     */
    public Optional<String> categoryNamedAlike(String name) {
        String slug = Slugs.fromTitle(name);
        List<String> inUse;
        try {
            inUse = categories();
        } catch (RepositoryException e) {
            throw new IllegalStateException("Cannot read the categories in use: " + e.getMessage(), e);
        }
        return inUse.stream()
                .filter(other -> !other.equals(name) && Slugs.fromTitle(other).equals(slug))
                .findFirst();
    }

    /** Articles listed (not in the trash, with a posted date). */
    public int size() {
        lock.readLock().lock();
        try {
            return entries.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The heap the index holds, in bytes (arrays only; the category names are few). */
    public long bytes() {
        lock.readLock().lock();
        try {
            long bytes = entries.bytes() + all.bytes() + featured.bytes();
            for (SlotOrder order : byCategory) {
                bytes += order.bytes();
            }
            return bytes;
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public void close() {
        closed = true;
        if (builder != null) {
            builder.interrupt();
        }
        save();
    }

    /** Reads the whole archive once; then the changes heard meanwhile, then it serves. */
    private void build() {
        long started = System.nanoTime();
        try {
            List<ArticleSummary> batch = new ArrayList<>();
            articles.forEachSummary(summary -> {
                if (closed) {
                    throw new IllegalStateException("closed");
                }
                batch.add(summary);
                if (batch.size() == 10_000) {
                    apply(batch, Set.of());
                    batch.clear();
                }
            });
            apply(batch, Set.of());
            while (true) {
                List<Set<String>> heard;
                synchronized (building) {
                    heard = heardWhileBuilding;
                    if (heard.isEmpty()) {
                        heardWhileBuilding = null;
                        ready = true;
                        settled = true;
                        break;
                    }
                    heardWhileBuilding = new ArrayList<>();
                }
                Set<String> ids = new HashSet<>();
                heard.forEach(ids::addAll);
                update(ids);
            }
            LOG.info(
                    "Archive index ready: {} articles in {} ms, {} KB",
                    size(),
                    (System.nanoTime() - started) / 1_000_000,
                    bytes() / 1024);
        } catch (RepositoryException | RuntimeException e) {
            if (!closed) {
                LOG.error("The archive index could not be read; listings keep asking the repository", e);
            }
        }
    }

    /** Heard from the repository: these nodes changed (empty: unknown which; the index is read again). */
    private void changed(Set<String> ids) {
        synchronized (building) {
            if (heardWhileBuilding != null) {
                heardWhileBuilding.add(ids);
                return;
            }
        }
        if (ids.isEmpty()) {
            rebuild();
            return;
        }
        try {
            update(ids);
        } catch (RepositoryException | RuntimeException e) {
            LOG.warn("Reading changed articles for the archive index failed ({}); reading it again", e.toString());
            rebuild();
        }
    }

    /** One update at a time, read and applied together: a later read is never overtaken by an earlier one. */
    private void update(Set<String> ids) throws RepositoryException {
        List<String> valid = ids.stream().filter(ArchiveIndex::isUuid).toList();
        synchronized (updating) {
            apply(articles.summaries(valid), Set.copyOf(valid));
        }
    }

    /** A bulk change whose nodes are unknown: listings ask the repository until the index is read again. */
    private void rebuild() {
        synchronized (building) {
            if (heardWhileBuilding != null) {
                return;
            }
            ready = false;
            settled = false;
            heardWhileBuilding = new ArrayList<>();
        }
        lock.writeLock().lock();
        try {
            BitSet everything = new BitSet();
            for (int i = 0; i < all.size(); i++) {
                everything.set(all.slot(i));
            }
            all.replace(everything, new int[0]);
            featured.replace(everything, new int[0]);
            byCategory.forEach(order -> order.replace(everything, new int[0]));
            everything.stream().forEach(entries::remove);
        } finally {
            lock.writeLock().unlock();
        }
        builder = new Thread(this::build, "news-archive-index");
        builder.setDaemon(true);
        builder.start();
    }

    /**
     * Puts {@code summaries} in the listings; {@code checked} are identifiers read for this batch: those
     * without a summary are gone (removed, or not an article) and leave the listings.
     */
    private void apply(List<ArticleSummary> summaries, Set<String> checked) {
        lock.writeLock().lock();
        try {
            BitSet changed = new BitSet();
            List<Integer> freed = new ArrayList<>();
            Set<String> present = new HashSet<>();
            List<Integer> listed = new ArrayList<>();
            for (ArticleSummary summary : summaries) {
                present.add(summary.id());
                if (!isUuid(summary.id())) {
                    continue;
                }
                UUID id = UUID.fromString(summary.id());
                int slot = entries.find(id);
                boolean listable = !summary.trashed() && summary.postedDate() != null;
                if (!listable) {
                    if (slot >= 0) {
                        changed.set(slot);
                        freed.add(slot);
                    }
                    continue;
                }
                int category = categoryIndex(summary.category());
                byte flags = (byte) ((summary.published() ? ArchiveEntries.PUBLISHED : 0)
                        | (summary.featured() ? ArchiveEntries.FEATURED : 0));
                long posted = summary.postedDate().toEpochMilli();
                if (seen != null && slot >= 0) {
                    seen.set(slot);
                }
                if (slot >= 0 && entries.holds(slot, posted, category, flags)) {
                    continue; // a change that moves nothing (a title, a body): no listing is copied
                }
                if (slot >= 0) {
                    changed.set(slot);
                    entries.set(slot, posted, category, flags);
                } else {
                    slot = entries.add(id, posted, category, flags);
                    if (seen != null) {
                        seen.set(slot);
                    }
                }
                listed.add(slot);
            }
            for (String id : checked) {
                if (!present.contains(id)) {
                    int slot = entries.find(UUID.fromString(id));
                    if (slot >= 0) {
                        changed.set(slot);
                        freed.add(slot);
                    }
                }
            }
            if (changed.isEmpty() && listed.isEmpty()) {
                return;
            }
            int[] added = listed.stream().mapToInt(Integer::intValue).toArray();
            all.replace(changed, added);
            featured.replace(
                    changed,
                    listed.stream()
                            .filter(entries::featured)
                            .mapToInt(Integer::intValue)
                            .toArray());
            for (int c = 0; c < byCategory.size(); c++) {
                int wanted = c;
                int[] mine = listed.stream()
                        .filter(s -> entries.category(s) == wanted)
                        .mapToInt(Integer::intValue)
                        .toArray();
                if (mine.length > 0 || byCategory.get(c).size() > 0 && !changed.isEmpty()) {
                    byCategory.get(c).replace(changed, mine);
                }
            }
            freed.forEach(entries::remove);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The number of {@code category}'s listing, made on first sight; -1 for none. */
    private int categoryIndex(String category) {
        if (category == null || category.isBlank()) {
            return -1;
        }
        Integer index = categoryIndexes.get(category);
        if (index == null) {
            index = categoryNames.size();
            categoryNames.add(category);
            categoryIndexes.put(category, index);
            byCategory.add(new SlotOrder(entries));
        }
        return index;
    }

    private SlotOrder order(String category) {
        if (category == null) {
            return all;
        }
        Integer index = categoryIndexes.get(category);
        return index == null ? null : byCategory.get(index);
    }

    private int published(SlotOrder order, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (entries.published(order.slot(i))) {
                n++;
            }
        }
        return n;
    }

    private static boolean isUuid(String id) {
        if (id == null || id.length() != 36) {
            return false;
        }
        try {
            UUID.fromString(id);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
