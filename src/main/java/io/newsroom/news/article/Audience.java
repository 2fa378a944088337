package io.newsroom.news.article;

import java.time.Instant;

/**
 * Who the site's pages are rendered for. Readers see published articles whose posted date has come.
 * Editors on Magnolia's author instance preview what they work on, as Magnolia's author shows all
 * content: drafts too. Nobody sees the trash.
 */
public enum Audience {
    READERS,
    EDITORS;

    /** Whether this audience sees {@code article} at {@code now}. */
    public boolean sees(Article article, Instant now) {
        return this == READERS ? article.isVisibleAt(now) : !article.isTrashed() && article.isPostedBy(now);
    }

    /** {@code query} narrowed to what this audience sees (the posted date is the caller's). */
    public ArticleQuery restrict(ArticleQuery query) {
        return this == READERS ? query.publishedOnly() : query.withPublication(Publication.Filter.ANY);
    }
}
