package io.newsroom.news.embedded.admin;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.newsroom.news.article.Article;

class FeaturedOrderTest {
    private static Article a(String id, Long rank) {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        return new Article(id, "/2026/01/" + id, id, id, null, null, null, null, null, null, now, null, null, true, rank, null, null,
                now, now, 1L, "t", new io.newsroom.news.article.Publication(true, now, "t"), null);
    }

    private static List<String> ids(List<Article> articles) {
        return articles.stream().map(Article::id).toList();
    }

    @Test
    void movesBeforeOrAfterTheTarget() {
        Article one = a("one", 1L);
        Article two = a("two", 2L);
        Article three = a("three", 3L);
        List<Article> order = List.of(one, two, three);
        assertEquals(List.of("three", "one", "two"), ids(FeaturedOrder.move(order, three, one, false)));
        assertEquals(List.of("two", "one", "three"), ids(FeaturedOrder.move(order, one, two, true)));
        assertEquals(List.of("one", "two", "three"), ids(FeaturedOrder.move(order, two, two, false)), "dropped on itself");
    }

    @Test
    void onlyChangedRanksAreWritten() {
        Article one = a("one", 1L);
        Article two = a("two", 2L);
        Article unranked = a("unranked", null);
        Map<Article, Long> ranks = FeaturedOrder.newRanks(List.of(two, one, unranked));
        assertEquals(Map.of(two, 1L, one, 2L, unranked, 3L), ranks);
        assertEquals(Map.of(), FeaturedOrder.newRanks(List.of(one, two)));
    }

    @org.junit.jupiter.api.Test
    void featuringGivesTheRankAfterEveryRankedArticle() {
        org.junit.jupiter.api.Assertions.assertEquals(1L, FeaturedOrder.nextFreeRank(java.util.List.of()));
        org.junit.jupiter.api.Assertions.assertEquals(8L, FeaturedOrder.nextFreeRank(java.util.List.of(
                a("a", 3L), a("b", null), a("c", 7L))));
    }

    @Test
    void aSharedRankIsRenumberedWithTheJustSavedArticleFirstAmongThem() {
        Article one = a("one", 1L);
        Article two = a("two", 2L);
        Article three = a("three", 3L);
        Article saved = a("saved", 2L);
        // Site order as the block shows it: by rank, then newest; the saved one took rank 2.
        Map<Article, Long> ranks = FeaturedOrder.renumberFor(List.of(one, two, saved, three), saved);
        assertEquals(Map.of(two, 3L, three, 4L), ranks, "the saved one keeps the rank it took");
        assertEquals(Map.of(), FeaturedOrder.renumberFor(List.of(one, two, three), a("alone", 4L)), "no shared rank, nothing to do");
        assertEquals(Map.of(), FeaturedOrder.renumberFor(List.of(one, two), a("unranked", null)));
    }
}
