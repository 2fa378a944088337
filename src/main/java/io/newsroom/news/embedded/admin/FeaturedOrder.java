package io.newsroom.news.embedded.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.newsroom.news.article.Article;

/**
 * Reordering featured articles by drag and drop: the new order, and the rank each article gets
 * from it (1, 2, 3...), so the featured block shows them in that order.
 */
final class FeaturedOrder {

    private FeaturedOrder() {
    }

    /** {@code order} with {@code dragged} moved before (or after) {@code target}. */
    static List<Article> move(List<Article> order, Article dragged, Article target, boolean after) {
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

    /** The ranks to store: only for articles whose rank changes. */
    static Map<Article, Long> newRanks(List<Article> order) {
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

    /** At most this many featured articles are reordered or renumbered at once. */
    static final int LIMIT = 500;

    /** Every featured article (up to {@link #LIMIT}) in the order the featured block shows them. */
    static List<Article> siteOrder(io.newsroom.news.article.ArticleRepository articles) throws javax.jcr.RepositoryException {
        return siteOrder(articles, io.newsroom.news.article.ArticleQuery.newest(1));
    }

    /** The featured articles {@code filter} matches (up to {@link #LIMIT}), in the featured block's order. */
    static List<Article> siteOrder(io.newsroom.news.article.ArticleRepository articles, io.newsroom.news.article.ArticleQuery filter)
            throws javax.jcr.RepositoryException {
        List<Article> featured = new ArrayList<>(articles.items(filter.featuredOnly()
                .withSort(List.of(io.newsroom.news.article.ArticleQuery.Sort.desc("postedDate"))).page(0, LIMIT)));
        featured.sort(io.newsroom.news.featured.FeaturedSelector.BY_RANK_THEN_NEWEST);
        return featured;
    }

    /**
     * The ranks that make the order unique again once {@code saved} took a rank another featured
     * article already has: {@code saved} goes first among them (the editor just chose that place),
     * and every featured article gets 1, 2, 3... in site order. Empty when no rank is shared.
     */
    static Map<Article, Long> renumberFor(List<Article> siteOrder, Article saved) {
        Long rank = saved.featuredRank();
        if (!saved.featured() || rank == null
                || siteOrder.stream().noneMatch(a -> !a.id().equals(saved.id()) && rank.equals(a.featuredRank()))) {
            return Map.of();
        }
        List<Article> order = new ArrayList<>(siteOrder);
        order.removeIf(a -> a.id().equals(saved.id()));
        int at = 0;
        while (at < order.size() && order.get(at).featuredRank() != null && order.get(at).featuredRank() < rank) {
            at++;
        }
        order.add(at, saved);
        return newRanks(order);
    }

    /** The rank after every ranked one: where a newly featured article goes (1 when none is ranked). */
    static long nextFreeRank(List<Article> featured) {
        long max = 0;
        for (Article a : featured) {
            if (a.featuredRank() != null) {
                max = Math.max(max, a.featuredRank());
            }
        }
        return max + 1;
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
