package io.newsroom.news.embedded.admin;

import io.newsroom.news.article.Article;
import io.newsroom.news.article.Publication;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * What the grid shows of an article: its posted time as editors read it and its state, which
 * says why readers do or do not see it.
 */
final class ArticleRow {
    static final DateTimeFormatter POSTED = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.ROOT);

    /** A draft; published and visible; published and edited since; scheduled for later; featured with a closed window. */
    enum State {
        DRAFT,
        VISIBLE,
        MODIFIED,
        SCHEDULED,
        FEATURED_EXPIRED
    }

    private ArticleRow() {}

    static String posted(Article article, ZoneId zone) {
        return article.postedDate() == null
                ? ""
                : POSTED.format(article.postedDate().atZone(zone));
    }

    static State state(Article article, Instant now) {
        switch (article.state(now)) {
            case DRAFT -> {
                return State.DRAFT;
            }
            case SCHEDULED -> {
                return State.SCHEDULED;
            }
            default -> {}
        }
        if (article.featured()
                && article.featuredUntil() != null
                && !article.featuredUntil().isAfter(now)) {
            return State.FEATURED_EXPIRED;
        }
        return article.state(now) == Publication.State.MODIFIED ? State.MODIFIED : State.VISIBLE;
    }

    static String stateKey(State state) {
        return switch (state) {
            case DRAFT -> "news.admin.state.draft";
            case VISIBLE -> "news.admin.state.visible";
            case MODIFIED -> "news.admin.state.modified";
            case SCHEDULED -> "news.admin.state.scheduled";
            case FEATURED_EXPIRED -> "news.admin.state.featuredExpired";
        };
    }

    /** "editor, 27/10/2026 10:28" for who did something when; empty when nobody did. */
    static String stamp(String user, Instant when, ZoneId zone) {
        if (when == null) {
            return "";
        }
        return (user == null ? "" : user + ", ") + POSTED.format(when.atZone(zone));
    }

    /** "★ 3" for a featured article with rank 3, "★" without rank, empty when not featured. */
    static String featured(Article article) {
        if (!article.featured()) {
            return "";
        }
        return article.featuredRank() == null ? "★" : "★ " + article.featuredRank();
    }
}
