package io.newsroom.news.featured;

import io.newsroom.news.archive.ArchiveIndex;
import io.newsroom.news.article.Article;
import io.newsroom.news.article.ArticleQuery;
import io.newsroom.news.article.ArticleRepository;
import io.newsroom.news.article.Audience;
import io.newsroom.news.article.PropertyFilter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.jcr.RepositoryException;

/**
 * Keeps the featured and latest selections in memory so a page view runs no query. A snapshot
 * (per category) is read on first use and again after the {@code news} workspace changed, as
 * {@link ArticleRepository#onChange} reports it: at once for writes made through it, by JCR
 * observation for everybody else (Magnolia's content app, another instance, an import). Scheduled articles are part of the
 * snapshot and appear when their time comes, without another read.
 */
public final class ArticleCache {
    /** Newest visible articles kept per snapshot: enough for the largest block plus the excluded one. */
    public static final int LATEST_DEPTH = 50;

    static final int FEATURED_DEPTH = 500;
    static final int SCHEDULED_DEPTH = 200;
    private static final int MAX_CATEGORIES = 200;
    /** Articles kept between snapshots: a few blocks' worth of each of many categories. */
    private static final int MAX_KNOWN = 5_000;

    private static final String ALL = "";

    private record Entry(long generation, ArticleSnapshot snapshot) {}

    private final ArticleRepository articles;
    private final Clock clock;
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong reads = new AtomicLong();
    private final Map<String, Entry> byCategory = new ConcurrentHashMap<>();
    /** Articles read for snapshots, by id, until they change; guarded by this. */
    private final Map<String, Article> known = new HashMap<>();

    private final Audience audience;
    private final ArchiveIndex archive;

    /** A cache of what {@code audience} sees: readers the published articles, editors on an author instance drafts too. */
    public ArticleCache(ArticleRepository articles, ArchiveIndex archive, Clock clock, Audience audience) {
        this.articles = articles;
        this.archive = archive;
        this.clock = clock;
        this.audience = audience;
        articles.onNodesChanged(this::forget);
        articles.onChange(this::invalidate);
    }

    /**
     * The articles of {@code ids} that exist, in that order: those read since they last changed come
     * from memory, the others from the repository. After an edit a snapshot reads one node, not the
     * hundreds it lists.
     */
    public synchronized List<Article> articles(List<String> ids) throws RepositoryException {
        List<String> missing = ids.stream().filter(id -> !known.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            if (known.size() + missing.size() > MAX_KNOWN) {
                known.clear();
            }
            for (Article article : articles.findAllById(missing)) {
                known.put(article.id(), article);
            }
        }
        List<Article> found = new ArrayList<>(ids.size());
        for (String id : ids) {
            Article article = known.get(id);
            if (article != null) {
                found.add(article);
            }
        }
        return found;
    }

    /** These nodes changed: their articles are read again when next needed (all of them when unknown). */
    private synchronized void forget(Set<String> ids) {
        if (ids.isEmpty()) {
            known.clear();
        } else {
            known.keySet().removeAll(ids);
        }
    }

    /** The snapshot for {@code category} ({@code null}: all), read from the repository only when stale. */
    public ArticleSnapshot snapshot(String category) {
        return snapshot(null, category);
    }

    /**
     * The snapshot of {@code language}'s readers: for English, the articles with an English version as
     * that version shows them (its title, its address, its state); null: the site's language.
     */
    public ArticleSnapshot snapshot(String language, String category) {
        boolean translated = Article.isTranslatedLanguage(language);
        String key = (translated ? language + "\u0000" : "") + (category == null ? ALL : category);
        long current = generation.get();
        Entry entry = byCategory.get(key);
        if (entry != null && entry.generation() == current) {
            return entry.snapshot();
        }
        synchronized (this) {
            entry = byCategory.get(key);
            current = generation.get();
            if (entry != null && entry.generation() == current) {
                return entry.snapshot();
            }
            ArticleSnapshot snapshot = read(translated ? language : null, category);
            if (byCategory.size() >= MAX_CATEGORIES) {
                byCategory.clear();
            }
            byCategory.put(key, new Entry(current, snapshot));
            return snapshot;
        }
    }

    public void invalidate() {
        generation.incrementAndGet();
    }

    /** How many times snapshots were read from the repository (for tests and benchmarks). */
    public long repositoryReads() {
        return reads.get();
    }

    private ArticleSnapshot read(String language, String category) {
        reads.incrementAndGet();
        Instant now = clock.instant();
        try {
            if (language != null) {
                return inLanguage(language, category, now);
            }
            return archive.ready() ? fromIndex(category, now) : fromQueries(category, now);
        } catch (RepositoryException e) {
            throw new IllegalStateException("Cannot read articles for the featured selection: " + e.getMessage(), e);
        }
    }

    /** The index names the articles; only those are read (a hundred nodes, whatever the archive's size). */
    private ArticleSnapshot fromIndex(String category, Instant now) throws RepositoryException {
        // Drafts never reach readers: for them only published articles are in a snapshot.
        boolean publishedOnly = audience.publishedOnly();
        return new ArticleSnapshot(
                articles(archive.featured(publishedOnly, category, FEATURED_DEPTH)),
                articles(archive.page(publishedOnly, category, now, 0, LATEST_DEPTH)
                        .ids()),
                articles(archive.scheduled(publishedOnly, category, now, SCHEDULED_DEPTH)),
                now);
    }

    /**
     * A translated language's snapshot: the index's English listings once it is read (queries before), each
     * article as its translation shows it; one whose translation readers may not see is left out.
     */
    private ArticleSnapshot inLanguage(String language, String category, Instant now) throws RepositoryException {
        boolean publishedOnly = audience.publishedOnly() || audience == Audience.PUBLIC_INSTANCE;
        List<Article> featured;
        List<Article> latest;
        List<Article> scheduled;
        if (archive.ready()) {
            featured = articles(archive.featured(publishedOnly, category, language, FEATURED_DEPTH));
            latest = articles(archive.page(publishedOnly, category, language, now, 0, LATEST_DEPTH)
                    .ids());
            scheduled = articles(archive.scheduled(publishedOnly, category, language, now, SCHEDULED_DEPTH));
        } else {
            ArticleQuery base = audience.visibleAt(ArticleQuery.newest(LATEST_DEPTH), language, now);
            if (category != null) {
                base = base.withCategory(category);
            }
            featured = articles.items(base.featuredOnly().page(0, FEATURED_DEPTH));
            latest = articles.items(base);
            scheduled = List.of(); // until the index is read: what is due shows at the next change
        }
        return new ArticleSnapshot(
                translated(featured, language, publishedOnly),
                translated(latest, language, publishedOnly),
                translated(scheduled, language, publishedOnly),
                now);
    }

    private static List<Article> translated(List<Article> articles, String language, boolean publishedOnly) {
        List<Article> shown = new ArrayList<>(articles.size());
        for (Article article : articles) {
            article.inLanguage(language)
                    .filter(a -> !publishedOnly || a.publication().published())
                    .ifPresent(shown::add);
        }
        return shown;
    }

    /** Before the index is read at start: three queries. */
    private ArticleSnapshot fromQueries(String category, Instant now) throws RepositoryException {
        ArticleQuery base = audience.restrict(ArticleQuery.newest(LATEST_DEPTH));
        if (category != null) {
            base = base.withCategory(category);
        }
        List<Article> featured = articles.items(base.featuredOnly().page(0, FEATURED_DEPTH));
        List<Article> latest = articles.items(
                base.withFilter(new PropertyFilter("postedDate", PropertyFilter.Operator.LTE, List.of(now))));
        List<Article> scheduled = articles.items(
                base.withFilter(new PropertyFilter("postedDate", PropertyFilter.Operator.GT, List.of(now)))
                        .withSort(List.of(ArticleQuery.Sort.asc("postedDate")))
                        .page(0, SCHEDULED_DEPTH));
        return new ArticleSnapshot(featured, latest, scheduled, now);
    }
}
