package io.newsroom.news.article;

/**
 * An update named a version that is no longer the stored one: somebody else saved the article
 * meanwhile. Nothing was written; the caller reloads and decides.
 */
public class ConflictException extends Exception {
    private final String articleId;
    private final long expectedVersion;
    private final long currentVersion;

    public ConflictException(String articleId, long expectedVersion, long currentVersion) {
        super("Article " + articleId + " was changed by someone else (version " + currentVersion
                + ", the edit started from " + expectedVersion + ")");
        this.articleId = articleId;
        this.expectedVersion = expectedVersion;
        this.currentVersion = currentVersion;
    }

    public String articleId() {
        return articleId;
    }

    public long expectedVersion() {
        return expectedVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
