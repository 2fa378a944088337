package io.newsroom.news.article;

import java.util.List;

/** One page of a listing and how many articles match in all. */
public record ArticlePage(List<Article> items, long total, long offset, int limit) {
    public ArticlePage {
        items = List.copyOf(items);
    }
}
