package io.newsroom.news.article;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

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

    /** {@code query} narrowed to what this audience sees, whatever the posted date (snapshots keep the scheduled). */
    public ArticleQuery restrict(ArticleQuery query) {
        return this == READERS ? query.publishedOnly() : query.withPublication(Publication.Filter.ANY);
    }

    /**
     * {@code query} narrowed to what this audience sees at {@code now}. "Now" is taken to the minute, so
     * the statement (and the repository's cached total for it) stays the same for a minute.
     */
    public ArticleQuery visibleAt(ArticleQuery query, Instant now) {
        Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
        return restrict(query)
                .withFilter(new PropertyFilter("postedDate", PropertyFilter.Operator.LTE, List.of(minute)));
    }
}
