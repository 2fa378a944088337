package io.newsroom.news.article;

import java.util.List;

/** One page of a listing and how many items match in all. */
public record ResultPage<T>(List<T> items, long total, long offset, int limit) {
    public ResultPage {
        items = List.copyOf(items);
    }
}
