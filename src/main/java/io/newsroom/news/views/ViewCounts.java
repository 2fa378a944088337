package io.newsroom.news.views;

import java.util.Map;

/**
 * How many times an article was viewed, by its identifier. Counting itself lives in this package
 * too; templates reach it through {@code newsfn.views(article)}.
 */
@FunctionalInterface
public interface ViewCounts {
    /** Nothing counted yet: every article has zero views (never a made-up number). */
    ViewCounts NONE = articleId -> 0L;

    long views(String articleId);

    /**
     * The most viewed articles, identifier to views, most first: over the last {@code days} days
     * including today, or all time for 0.
     */
    default Map<String, Long> mostRead(int days, int limit) {
        return Map.of();
    }
}
