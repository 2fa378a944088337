package io.newsroom.news.publishing;

import io.newsroom.news.archive.ArchiveIndex;
import io.newsroom.news.article.Article;
import io.newsroom.news.article.ArticleQuery;
import io.newsroom.news.article.ArticleRepository;
import io.newsroom.news.featured.ArticleCache;
import io.newsroom.news.featured.FeaturedSelector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.jcr.RepositoryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The featured block's order: rank 1, 2, 3..., unranked last, then newest. The rules of changing it
 * live here, for every way an article is saved: moving one article before or after another, the
 * rank a newly featured article gets, and renumbering when two featured articles share a rank.
 * <p>
 * Renumbering runs after every change to the articles ({@link #renumberAfterChanges}): in this JVM's
 * writer thread right after a save made through the repository (the admin app, the API), and on the
 * observation thread after a save made elsewhere (Magnolia's own content app, another cluster node).
 * Among articles that share a rank, the one saved last goes first (the editor just chose that
 * place); then every featured article gets 1, 2, 3... in one save.
 */
public final class FeaturedRanks {
    /** At most this many featured articles are reordered or renumbered at once. */
    public static final int LIMIT = 500;

    private static final Logger LOG = LoggerFactory.getLogger(FeaturedRanks.class);
    /** The block's order, and among equal ranks the latest save first. */
    private static final Comparator<Article> LATEST_SAVE_FIRST_AMONG_EQUAL_RANKS = Comparator.comparing(
                    (Article a) -> a.featuredRank() == null ? Long.MAX_VALUE : a.featuredRank())
            .thenComparing(Article::version, Comparator.reverseOrder());

    private final ArticleRepository articles;
    /** Set while this thread renumbers: the renumbering's own save must not start another one. */
    private final ThreadLocal<Boolean> renumbering = ThreadLocal.withInitial(() -> false);
    /** How many articles the last renumbering on this thread changed, for the editor who caused it. */
    private final ThreadLocal<Integer> renumberedHere = ThreadLocal.withInitial(() -> 0);

    private final ArchiveIndex archive;
    private final ArticleCache cache;

    public FeaturedRanks(ArticleRepository articles, ArchiveIndex archive, ArticleCache cache) {
        this.articles = articles;
        this.archive = archive;
        this.cache = cache;
    }

    /**
     * Every featured article (up to {@link #LIMIT}) in the featured block's order: named by the
     * archive index once it is read (no query after every change, which costs a sort of the whole
     * archive), by a query before.
     */
    public List<Article> siteOrder() throws RepositoryException {
        if (!archive.ready()) {
            return siteOrder(articles);
        }
        List<Article> featured = new ArrayList<>(cache.articles(archive.featured(false, null, LIMIT)));
        featured.removeIf(article -> !article.featured() || article.isTrashed());
        featured.sort(FeaturedSelector.BY_RANK_THEN_NEWEST);
        return featured;
    }

    /** Renumbers after every change the repository hears of, made here or elsewhere. */
    public void renumberAfterChanges() {
        articles.onChange(() -> {
            try {
                renumberShared();
            } catch (RepositoryException | RuntimeException e) {
                LOG.warn("Renumbering the featured order failed; the next save tries again: {}", e.toString());
            }
        });
    }

    /**
     * When featured articles share a rank, gives every featured article its place 1, 2, 3... (the one
     * saved last first among those sharing); how many changed. Nothing when no rank is shared.
     */
    public int renumberShared() throws RepositoryException {
        if (renumbering.get()) {
            return 0;
        }
        renumbering.set(true);
        try {
            int changed = articles.exclusively(() -> {
                List<Article> featured = siteOrder();
                if (!sharesRank(featured)) {
                    return 0;
                }
                List<Article> order = new ArrayList<>(featured);
                order.sort(LATEST_SAVE_FIRST_AMONG_EQUAL_RANKS.thenComparing(FeaturedSelector.BY_RANK_THEN_NEWEST));
                Article lastSaved = order.stream()
                        .max(Comparator.comparingLong(Article::version))
                        .orElseThrow();
                return articles.setFeaturedRanks(newRanks(order), lastSaved.lastModifiedBy());
            });
            renumberedHere.set(changed);
            return changed;
        } finally {
            renumbering.set(false);
        }
    }

    /** How many articles the last renumbering on this thread changed (0 when none since the last call); then 0. */
    public int takeRenumberedHere() {
        int n = renumberedHere.get();
        renumberedHere.set(0);
        return n;
    }

    /** Stores the order {@code order} as ranks 1, 2, 3... in one save; how many articles changed. */
    public int store(List<Article> order, String user) throws RepositoryException {
        return articles.setFeaturedRanks(newRanks(order), user);
    }

    /** Every featured article (up to {@link #LIMIT}) in the order the featured block shows them. */
    public static List<Article> siteOrder(ArticleRepository articles) throws RepositoryException {
        return siteOrder(articles, ArticleQuery.newest(1));
    }

    /** The featured articles {@code filter} matches (up to {@link #LIMIT}), in the featured block's order. */
    public static List<Article> siteOrder(ArticleRepository articles, ArticleQuery filter) throws RepositoryException {
        List<Article> featured = new ArrayList<>(articles.items(filter.featuredOnly()
                .withSort(List.of(ArticleQuery.Sort.desc("postedDate")))
                .page(0, LIMIT)));
        featured.sort(FeaturedSelector.BY_RANK_THEN_NEWEST);
        return featured;
    }

    /** {@code order} with {@code dragged} moved before (or after) {@code target}. */
    public static List<Article> move(List<Article> order, Article dragged, Article target, boolean after) {
        if (target != null && target.id().equals(dragged.id())) {
            return List.copyOf(order);
        }
        List<Article> moved = new ArrayList<>(order);
        moved.removeIf(a -> a.id().equals(dragged.id()));
        int at = indexOf(moved, target);
        if (at < 0) {
            moved.add(dragged);
        } else {
            moved.add(after ? at + 1 : at, dragged);
        }
        return moved;
    }

    /** {@code order} with the articles of {@code ids} first, in that order, the others after them in theirs. */
    public static List<Article> withFirst(List<Article> order, List<String> ids) {
        List<Article> first = new ArrayList<>();
        for (String id : ids) {
            order.stream().filter(a -> a.id().equals(id)).findFirst().ifPresent(first::add);
        }
        List<Article> rest = new ArrayList<>(order);
        rest.removeAll(first);
        first.addAll(rest);
        return first;
    }

    /** The ranks to store for {@code order}: only for articles whose rank changes. */
    public static Map<Article, Long> newRanks(List<Article> order) {
        Map<Article, Long> changes = new LinkedHashMap<>();
        for (int i = 0; i < order.size(); i++) {
            long rank = i + 1L;
            Article a = order.get(i);
            if (a.featuredRank() == null || a.featuredRank() != rank) {
                changes.put(a, rank);
            }
        }
        return changes;
    }

    /** The rank after every ranked one: where a newly featured article goes (1 when none is ranked). */
    public static long nextFreeRank(List<Article> featured) {
        long max = 0;
        for (Article a : featured) {
            if (a.featuredRank() != null) {
                max = Math.max(max, a.featuredRank());
            }
        }
        return max + 1;
    }

    private static boolean sharesRank(List<Article> featured) {
        for (int i = 1; i < featured.size(); i++) {
            Long rank = featured.get(i).featuredRank();
            // siteOrder sorts by rank: a shared rank sits next to itself.
            if (rank != null && Objects.equals(rank, featured.get(i - 1).featuredRank())) {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(List<Article> list, Article target) {
        if (target == null) {
            return -1;
        }
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).id().equals(target.id())) {
                return i;
            }
        }
        return -1;
    }
}
