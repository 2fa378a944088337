package io.newsroom.news.admin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.jcr.RepositoryException;

import io.newsroom.news.article.Article;
import io.newsroom.news.article.ArticleQuery;
import io.newsroom.news.article.ArticleRepository;

/**
 * A page of articles sorted by their view counts. Counts live apart from the articles, so the
 * repository cannot sort by them: the matching ids are taken from the index, ordered by the
 * counter's totals in memory, and only the page's articles are read.
 */
final class ViewsOrder {

    private ViewsOrder() {
    }

    static List<Article> page(ArticleRepository articles, Map<String, Long> totals, ArticleQuery query,
                              boolean descending, long offset, int limit) throws RepositoryException {
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
}
