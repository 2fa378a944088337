package io.newsroom.news.article;

import java.time.Instant;

/**
 * Where an article stands in the newsroom's review: a reporter submits a draft, an editor sends it back
 * with a comment or publishes it. Kept on the article node beside Magnolia's activation properties, so
 * an export carries it; the review itself is the embedded admin app's (Magnolia has its own workflow).
 *
 * @param submittedBy who asked for the review (the reporter), and when
 * @param reviewedBy  who sent it back or published it, and when; null while it waits
 * @param comment     the editor's reason for sending it back; null otherwise
 */
public record Review(
        Status status, String submittedBy, Instant submittedAt, String reviewedBy, Instant reviewedAt, String comment) {
    public static final String STATUS = "reviewStatus";
    public static final String SUBMITTED_BY = "reviewSubmittedBy";
    public static final String SUBMITTED_AT = "reviewSubmittedAt";
    public static final String REVIEWED_BY = "reviewedBy";
    public static final String REVIEWED_AT = "reviewedAt";
    public static final String COMMENT = "reviewComment";
    /** The longest comment an editor may write when sending an article back. */
    public static final int MAX_COMMENT = 2000;

    /** The steps, stored by their lower-case name. */
    public enum Status {
        /** Waiting for an editor. */
        SUBMITTED("news.review.status.submitted"),
        /** Sent back to the reporter with a comment. */
        RETURNED("news.review.status.returned"),
        /** Published (or scheduled) by an editor. */
        APPROVED("news.review.status.approved");

        private final String messageKey;

        Status(String messageKey) {
            this.messageKey = messageKey;
        }

        /** Its label's key, written out so that the bundle check finds it in use. */
        public String messageKey() {
            return messageKey;
        }

        public String stored() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** The status stored as {@code value}; null for a value this version does not know. */
        public static Status of(String value) {
            for (Status status : values()) {
                if (status.stored().equals(value)) {
                    return status;
                }
            }
            return null;
        }
    }
}
