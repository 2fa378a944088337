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
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
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
 * <p>Cost: about 39 bytes an article for the entries and their id table, 4 per listing it is in (all,
 * its category, featured): 47 bytes, 46.8 MB measured at a million articles ({@code SiteBenchmark}).
 * The listings themselves are {@link ArchiveListings}; this class decides when they change.
 */
public final class ArchiveIndex implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ArchiveIndex.class);
    private static final int BUILD_ATTEMPTS = 3;

    private final ArticleRepository articles;
    private final ArchiveListings listings = new ArchiveListings();
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
    private volatile Thread builder;

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
        listings.load(contents);
        heardWhileBuilding = null;
        ready = true;
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
            readArchive(this::applyInOrder);
            int gone;
            synchronized (updating) {
                gone = listings.removeUnseen(seen);
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

    /** Every article's summary, ten thousand at a time; stops (with an exception) once the index is closed. */
    private void readArchive(Consumer<List<ArticleSummary>> each) throws RepositoryException {
        List<ArticleSummary> batch = new ArrayList<>();
        articles.forEachSummary(summary -> {
            if (closed) {
                throw new IllegalStateException("closed");
            }
            batch.add(summary);
            if (batch.size() == 10_000) {
                each.accept(batch);
                batch.clear();
            }
        });
        each.accept(batch);
    }

    private void applyInOrder(List<ArticleSummary> batch) {
        synchronized (updating) {
            listings.apply(batch, Set.of(), seen);
        }
    }

    /** Keeps the index in its file for the next start (when it matches the repository and the host has a place for it). */
    private void save() {
        // Only an index known to match the repository is kept: one loaded from an older file and closed before
        // its check ended holds part of the archive (a start served 810,000 of a million for a minute from such
        // a file). The older file stays and the next start checks it again.
        if (snapshot == null || !settled) {
            return;
        }
        try {
            listings.write(snapshot);
        } catch (IOException e) {
            LOG.warn(
                    "The archive index could not be kept in {} ({}); the next start reads the repository",
                    snapshot,
                    e.toString());
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
        return listings.page(publishedOnly, category, now, offset, limit);
    }

    /**
     * The same in {@code language}: for English, only articles with an English version (published, for
     * {@code publishedOnly}); the site's own language (or null) as above.
     */
    public ArchivePage page(
            boolean publishedOnly, String category, String language, Instant now, long offset, int limit) {
        return listings.page(publishedOnly, category, language, now, offset, limit);
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
        return Optional.of(listings.byState(state, category.orElse(null), query.offset(), query.limit()));
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
        return listings.scheduled(publishedOnly, category, now, limit);
    }

    /** The same in {@code language} (English: articles with an English version, published for {@code publishedOnly}). */
    public List<String> scheduled(boolean publishedOnly, String category, String language, Instant now, int limit) {
        return listings.scheduled(publishedOnly, category, language, now, limit);
    }

    /** The featured articles (scheduled ones too), newest first, at most {@code limit}. */
    public List<String> featured(boolean publishedOnly, String category, int limit) {
        return listings.featured(publishedOnly, category, limit);
    }

    /** The same in {@code language} (English: articles with an English version, published for {@code publishedOnly}). */
    public List<String> featured(boolean publishedOnly, String category, String language, int limit) {
        return listings.featured(publishedOnly, category, language, limit);
    }

    /**
     * The categories of listed articles (drafts' too), sorted as people read them (case aside); before
     * the index is read, as the repository answers (articles in the trash too).
     */
    public List<String> categories() throws RepositoryException {
        return ready ? listings.categories() : articles.categories();
    }

    /**
     * The category whose address is {@code slug} ({@code thong-bao} for "Thông báo"); when several
     * names fold to it (made before such names were refused), the one with the most articles.
     */
    public Optional<String> categoryBySlug(String slug) {
        return listings.categoryBySlug(slug);
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
        return listings.size();
    }

    /** The heap the index holds, in bytes (arrays only; the category names are few). */
    public long bytes() {
        return listings.bytes();
    }

    @Override
    public void close() {
        closed = true;
        Thread reading = builder;
        if (reading != null) {
            reading.interrupt();
            // The reader stops at its next article; waiting for it keeps its repository session from being
            // closed under it by the shutdown that follows (Jackrabbit warned of concurrent use).
            try {
                reading.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        save();
    }

    /** Reads the whole archive once; then the changes heard meanwhile, then it serves. */
    private void build() {
        // A read of the whole archive can meet a failure that a second read does not (a cluster node's
        // write the journal has not brought yet): a few tries before listings keep asking the repository.
        for (int attempt = 1; !closed; attempt++) {
            try {
                buildOnce();
                return;
            } catch (RepositoryException | RuntimeException e) {
                if (closed) {
                    return;
                }
                listings.clear();
                if (attempt == BUILD_ATTEMPTS) {
                    LOG.error("The archive index could not be read; listings keep asking the repository", e);
                    synchronized (building) {
                        // Changes are applied as they come again (the next bulk change reads it all again).
                        heardWhileBuilding = null;
                    }
                    return;
                }
                LOG.warn("Reading the archive index failed ({}); reading it again", e.toString());
                if (!pause(attempt * 1000L)) {
                    return;
                }
            }
        }
    }

    private void buildOnce() throws RepositoryException {
        long started = System.nanoTime();
        readArchive(batch -> listings.apply(batch, Set.of(), null));
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
    }

    /** False when interrupted (the index is closing). */
    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
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
        List<String> valid = ids.stream().filter(ArchiveListings::isUuid).toList();
        synchronized (updating) {
            listings.apply(articles.summaries(valid), Set.copyOf(valid), seen);
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
        listings.clear();
        builder = new Thread(this::build, "news-archive-index");
        builder.setDaemon(true);
        builder.start();
    }
}
