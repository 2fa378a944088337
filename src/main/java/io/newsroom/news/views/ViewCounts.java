package io.newsroom.news.views;

/**
 * How many times an article was viewed, by its identifier. Counting itself lives in this package
 * too; templates reach it through {@code newsfn.views(article)}.
 */
@FunctionalInterface
public interface ViewCounts {
    /** Nothing counted yet: every article has zero views (never a made-up number). */
    ViewCounts NONE = articleId -> 0L;

    long views(String articleId);
}
