package io.newsroom.news.embedded.admin;

import static io.newsroom.news.TestArticles.hanoi;
import static org.junit.jupiter.api.Assertions.*;

import io.newsroom.news.article.Article;
import io.newsroom.news.article.Publication;
import io.newsroom.news.embedded.server.RuntimeConfig;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ArticleRowTest {
    private static final Instant NOW = hanoi(2026, 5, 1, 12, 0);

    private static Article article(Instant posted, boolean featured, Long rank, Instant until) {
        return new Article(
                "id",
                "/2026/05/a",
                "a",
                "A",
                null,
                null,
                null,
                null,
                null,
                null,
                posted,
                null,
                null,
                featured,
                rank,
                null,
                until,
                null,
                NOW,
                NOW,
                NOW.toEpochMilli(),
                "t",
                new Publication(true, NOW, "t"),
                null,
                null);
    }

    @Test
    void postedIsShownInTheSiteZone() {
        assertEquals(
                "27/10/2020 10:28",
                ArticleRow.posted(article(hanoi(2020, 10, 27, 10, 28), false, null, null), RuntimeConfig.DEFAULT_ZONE));
    }

    @Test
    void stateSaysWhyReadersSeeItOrNot() {
        assertEquals(ArticleRow.State.VISIBLE, ArticleRow.state(article(NOW.minusSeconds(60), false, null, null), NOW));
        assertEquals(ArticleRow.State.SCHEDULED, ArticleRow.state(article(NOW.plusSeconds(60), true, 1L, null), NOW));
        assertEquals(
                ArticleRow.State.FEATURED_EXPIRED,
                ArticleRow.state(article(NOW.minusSeconds(600), true, 1L, NOW.minusSeconds(60)), NOW));
        assertEquals(
                ArticleRow.State.VISIBLE,
                ArticleRow.state(article(NOW.minusSeconds(600), false, null, NOW.minusSeconds(60)), NOW),
                "an old window of an article no longer featured does not matter");
    }

    @Test
    void featuredShowsTheRank() {
        assertEquals("★ 3", ArticleRow.featured(article(NOW, true, 3L, null)));
        assertEquals("★", ArticleRow.featured(article(NOW, true, null, null)));
        assertEquals("", ArticleRow.featured(article(NOW, false, 3L, null)));
    }
}
