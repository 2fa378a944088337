package io.newsroom.news.embedded.admin;

import io.newsroom.news.article.Article;
import io.newsroom.news.article.ArticleQuery;
import io.newsroom.news.article.ArticleRepository;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.jcr.RepositoryException;

/**
 * A page of articles sorted by their view counts. Counts live apart from the articles, so the
 * repository cannot sort by them: the matching ids are taken from the index, ordered by the
 * counter's totals in memory, and only the page's articles are read.
 */
public final class ViewsOrder {

    private ViewsOrder() {}

    public static List<Article> page(
            ArticleRepository articles,
            Map<String, Long> totals,
            ArticleQuery query,
            boolean descending,
            long offset,
            int limit)
            throws RepositoryException {
        if (descending && isUnfiltered(query)) {
            Optional<List<Article>> mostRead = mostReadPage(articles, totals, offset, limit);
            if (mostRead.isPresent()) {
                return mostRead.get();
            }
        }
        List<String> ids = new ArrayList<>(articles.ids(query));
        Comparator<String> byViews = Comparator.comparingLong((String id) -> totals.getOrDefault(id, 0L));
        ids.sort((descending ? byViews.reversed() : byViews).thenComparing(Comparator.naturalOrder()));
        List<Article> page = new ArrayList<>(limit);
        for (int i = (int) Math.min(offset, ids.size()); i < ids.size() && page.size() < limit; i++) {
            Optional<Article> article = articles.findById(ids.get(i));
            article.ifPresent(page::add);
        }
        return page;
    }

    /**
     * The common case, most read first over all articles, straight from the counters: only
     * articles with views can lead, so the page comes without listing every article. Empty when
     * the page reaches past the articles that have views.
     */
    private static Optional<List<Article>> mostReadPage(
            ArticleRepository articles, Map<String, Long> totals, long offset, int limit) throws RepositoryException {
        List<Map.Entry<String, Long>> viewed = new ArrayList<>();
        for (Map.Entry<String, Long> entry : totals.entrySet()) {
            if (entry.getValue() > 0) {
                viewed.add(entry);
            }
        }
        viewed.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        List<Article> page = new ArrayList<>(limit);
        long seen = 0;
        for (Map.Entry<String, Long> entry : viewed) {
            Optional<Article> article = articles.findById(entry.getKey());
            if (article.isEmpty()) {
                continue; // counted once, deleted since
            }
            if (seen++ >= offset) {
                page.add(article.get());
                if (page.size() == limit) {
                    return Optional.of(page);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isUnfiltered(ArticleQuery query) {
        return query.text() == null
                && query.fullText() == null
                && query.ancestor() == null
                && query.filters().isEmpty();
    }
}
