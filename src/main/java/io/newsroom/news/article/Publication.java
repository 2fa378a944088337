package io.newsroom.news.article;

import java.time.Instant;

/**
 * Whether readers may see an article, stored with Magnolia's own properties of the
 * {@code mgnl:activatable} mixin the article type has: {@code mgnl:activationStatus},
 * {@code mgnl:lastActivated}, {@code mgnl:lastActivatedBy}. An article stored before publication
 * existed (no status) counts as published, so nothing disappears on an upgrade or an import.
 *
 * @param published     published (its edits are live on save), or a draft readers do not see
 * @param lastActivated when it was last published or unpublished; null when never
 */
public record Publication(boolean published, Instant lastActivated, String lastActivatedBy) {
    public static final String STATUS = "mgnl:activationStatus";
    public static final String LAST_ACTIVATED = "mgnl:lastActivated";
    public static final String LAST_ACTIVATED_BY = "mgnl:lastActivatedBy";

    /** A new article: nobody has published it. */
    public static final Publication DRAFT = new Publication(false, null, null);

    /** Magnolia's mark of a node whose deletion is pending: the article is in the trash. */
    public static final String DELETED = "mgnl:deleted";

    public static final String DELETED_BY = "mgnl:deletedBy";

    /**
     * Which articles a query lists: outside the trash all, the published or the drafts; or the trash.
     */
    public enum Filter {
        ANY,
        PUBLISHED,
        DRAFTS,
        TRASH
    }

    /**
     * Where this publication stands at {@code now} for content posted at {@code postedDate} and last changed
     * at {@code lastModified}: a draft, scheduled, published, or published and changed since.
     */
    public State stateAt(Instant now, Instant postedDate, Instant lastModified) {
        if (!published) {
            return State.DRAFT;
        }
        if (postedDate == null || postedDate.isAfter(now)) {
            return State.SCHEDULED;
        }
        if (lastActivated != null && lastModified != null && lastModified.isAfter(lastActivated)) {
            return State.MODIFIED;
        }
        return State.PUBLISHED;
    }

    /** What an editor reads of an article's state. */
    public enum State {
        DRAFT,
        SCHEDULED,
        PUBLISHED,
        MODIFIED
    }
}
