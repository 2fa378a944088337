package io.newsroom.news.embedded.admin;

import io.newsroom.news.article.Article;
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

    /**
     * What readers see, the one model the admin speaks of: a draft (nothing); visible (a save of a published
     * article is live at once, as WordPress's "Update": the embedded site has no author/public split, so
     * there is no "changed since publishing" state to show); scheduled for its posted date; past its
     * unpublish date; featured with a closed window.
     */
    enum State {
        DRAFT,
        VISIBLE,
        SCHEDULED,
        EXPIRED,
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
        if (article.isExpiredAt(now)) {
            return State.EXPIRED;
        }
        if (article.featured()
                && article.featuredUntil() != null
                && !article.featuredUntil().isAfter(now)) {
            return State.FEATURED_EXPIRED;
        }
        return State.VISIBLE;
    }

    /** The state as the editor reads it, with its time: "Hẹn giờ đăng 27/10/2026 10:28", "Đang hiển thị, gỡ lúc ...". */
    static String describe(Article article, Instant now, AdminContext admin) {
        State state = state(article, now);
        return switch (state) {
            case SCHEDULED -> admin.text("news.admin.state.scheduledAt", posted(article, admin.zone()));
            case VISIBLE ->
                article.unpublishDate() == null
                        ? admin.text("news.admin.state.visible")
                        : admin.text(
                                "news.admin.state.visibleUntil",
                                POSTED.format(article.unpublishDate().atZone(admin.zone())));
            default -> admin.text(stateKey(state));
        };
    }

    /** After a save or publish: what readers now see of {@code article}, named by its title. */
    static String notice(Article article, Instant now, AdminContext admin) {
        return switch (state(article, now)) {
            case DRAFT -> admin.text("news.admin.notice.draft", article.title());
            case SCHEDULED -> admin.text("news.admin.notice.scheduled", article.title(), posted(article, admin.zone()));
            case EXPIRED -> admin.text("news.admin.notice.expired", article.title());
            default -> admin.text("news.admin.notice.live", article.title());
        };
    }

    static String stateKey(State state) {
        return switch (state) {
            case DRAFT -> "news.admin.state.draft";
            case VISIBLE -> "news.admin.state.visible";
            case EXPIRED -> "news.admin.state.expired";
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
