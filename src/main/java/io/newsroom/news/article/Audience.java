package io.newsroom.news.article;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Who the site's pages are rendered for. Nobody sees the trash, nor an article before its posted date
 * (but editors).
 * <ul>
 * <li>{@link #READERS} of an instance where editors work too (the embedded runtime; the JSON endpoint on
 *     Magnolia's author): published articles only.</li>
 * <li>{@link #EDITORS} on Magnolia's author instance preview what they work on, as Magnolia's author shows
 *     all content: drafts too.</li>
 * <li>{@link #PUBLIC_INSTANCE} readers of a Magnolia public instance: what is there arrived by publishing
 *     and an unpublish removes it, so every article there is published, whatever activation status it
 *     arrived with (absent, {@code true} or {@code false}: the author may set its own status before or
 *     after the transport).</li>
 * </ul>
 */
public enum Audience {
    READERS,
    EDITORS,
    PUBLIC_INSTANCE;

    /**
     * Whether this audience sees {@code article} at {@code now}: readers not past its unpublish time
     * either (at once, before the schedule unpublishes it; editors on the author still see it).
     */
    public boolean sees(Article article, Instant now) {
        return mayEverSee(article) && article.isPostedBy(now) && (this == EDITORS || !article.isExpiredAt(now));
    }

    /** Whether this audience sees {@code article} once its posted date has come. */
    public boolean mayEverSee(Article article) {
        return !article.isTrashed() && (this != READERS || article.publication().published());
    }

    /** Who reads what this audience is shown: editors' readers are {@link #READERS}; the others are readers already. */
    public Audience readers() {
        return this == EDITORS ? READERS : this;
    }

    /** Whether this audience sees published articles only (drafts are not for it). */
    public boolean publishedOnly() {
        return this == READERS;
    }

    /** {@code query} narrowed to what this audience sees, whatever the posted date (snapshots keep the scheduled). */
    public ArticleQuery restrict(ArticleQuery query) {
        return publishedOnly() ? query.publishedOnly() : query.withPublication(Publication.Filter.ANY);
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

    /**
     * What this audience sees of {@code article} in {@code language} at {@code now}: the article as
     * {@link Article#inLanguage} gives it, when it has a version there and that version is published (or
     * this audience sees drafts). A translation's own state counts everywhere, also on a public instance:
     * it travels with the node, where the article's own activation status does not say what readers see.
     */
    public java.util.Optional<Article> inLanguage(Article article, String language, Instant now) {
        return article.inLanguage(language)
                .filter(shown -> sees(shown, now)
                        && (this == EDITORS
                                || !Article.isTranslatedLanguage(language)
                                || shown.publication().published()));
    }

    /**
     * {@code query} narrowed to what this audience sees at {@code now} in {@code language}: for English the
     * articles with an English version (published, but for editors) instead of the Vietnamese state.
     */
    public ArticleQuery visibleAt(ArticleQuery query, String language, Instant now) {
        if (!Article.isTranslatedLanguage(language)) {
            return visibleAt(query, now);
        }
        Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
        ArticleQuery inLanguage = this == EDITORS
                ? query.withFilter(new PropertyFilter(
                        Translation.property("title", language), PropertyFilter.Operator.NE, List.of("")))
                : query.withFilter(PropertyFilter.eq(Translation.property(Translation.PUBLISHED, language), true));
        return inLanguage
                .withPublication(Publication.Filter.ANY)
                .withFilter(new PropertyFilter("postedDate", PropertyFilter.Operator.LTE, List.of(minute)));
    }
}
