package io.newsroom.news.publishing;

import io.newsroom.news.article.Article;
import java.time.Instant;

/**
 * One kept state of an article.
 *
 * @param name    Jackrabbit's version name ({@code 1.0}, {@code 1.1}, ...): stable, shown to editors
 * @param created when it was kept
 * @param user    who kept it (published, or chose "Save version")
 * @param comment what they wrote, or null
 * @param content the article as it was then (its id the article's; its path unknown)
 */
public record ArticleVersion(String name, Instant created, String user, String comment, Article content) {
    /** Magnolia's version comment property ({@code mgnl:versionable}). */
    public static final String COMMENT = "mgnl:comment";
}
