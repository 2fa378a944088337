package io.newsroom.news;

import io.newsroom.news.article.ArticleDraft;
import io.newsroom.news.embedded.server.RuntimeConfig;
import java.time.Instant;
import java.time.LocalDateTime;

/** Small builders the tests share. */
public final class TestArticles {
    private TestArticles() {}

    /** A wall-clock time in the site's default zone (Hanoi). */
    public static Instant hanoi(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute)
                .atZone(RuntimeConfig.DEFAULT_ZONE)
                .toInstant();
    }

    /** A published article's draft (readers see it once posted); {@link #unpublished} for a draft. */
    public static ArticleDraft draft(String title, Instant posted) {
        ArticleDraft d = new ArticleDraft();
        d.setTitle(title);
        d.setPostedDate(posted);
        d.setPublishOnCreate(true);
        return d;
    }

    /** An article that stays a draft when created. */
    public static ArticleDraft unpublished(String title, Instant posted) {
        ArticleDraft d = draft(title, posted);
        d.setPublishOnCreate(false);
        return d;
    }
}
