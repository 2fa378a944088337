package io.newsroom.news.admin;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.newsroom.news.article.Article;

/**
 * What the grid shows of an article: its posted time as editors read it and its state, which
 * says why readers do or do not see it.
 */
final class ArticleRow {
    static final DateTimeFormatter POSTED = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.ROOT);

    /** Visible, scheduled for later, or featured with a window that has closed. */
    enum State { VISIBLE, SCHEDULED, FEATURED_EXPIRED }

    private ArticleRow() {
    }

    static String posted(Article article, ZoneId zone) {
        return article.postedDate() == null ? "" : POSTED.format(article.postedDate().atZone(zone));
    }

    static State state(Article article, Instant now) {
        if (!article.isVisibleAt(now)) {
            return State.SCHEDULED;
        }
        if (article.featured() && article.featuredUntil() != null && !article.featuredUntil().isAfter(now)) {
            return State.FEATURED_EXPIRED;
        }
        return State.VISIBLE;
    }

    static String stateKey(State state) {
        return switch (state) {
            case VISIBLE -> "news.admin.state.visible";
            case SCHEDULED -> "news.admin.state.scheduled";
            case FEATURED_EXPIRED -> "news.admin.state.featuredExpired";
        };
    }

    /** "★ 3" for a featured article with rank 3, "★" without rank, empty when not featured. */
    static String featured(Article article) {
        if (!article.featured()) {
            return "";
        }
        return article.featuredRank() == null ? "★" : "★ " + article.featuredRank();
    }
}
