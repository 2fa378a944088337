package io.newsroom.news.publishing;

import static io.newsroom.news.TestArticles.draft;
import static io.newsroom.news.TestArticles.hanoi;
import static org.junit.jupiter.api.Assertions.*;

import io.newsroom.news.Eventually;
import io.newsroom.news.article.Article;
import io.newsroom.news.article.ArticleDraft;
import io.newsroom.news.article.ArticleRepository;
import io.newsroom.news.article.Publication;
import io.newsroom.news.embedded.server.NewsRuntime;
import io.newsroom.news.embedded.server.RuntimeConfig;
import java.time.Instant;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import javax.jcr.Node;
import javax.jcr.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FeaturedRanksTest {
    private NewsRuntime runtime;
    private ArticleRepository articles;

    @BeforeEach
    void start() throws Exception {
        runtime = NewsRuntime.start(RuntimeConfig.forTests());
        articles = runtime.articles();
    }

    @AfterEach
    void stop() {
        runtime.close();
    }

    private static Article a(String id, Long rank) {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        return new Article(
                id,
                "/2026/01/" + id,
                id,
                id,
                null,
                null,
                null,
                null,
                null,
                null,
                now,
                null,
                null,
                true,
                rank,
                null,
                null,
                null,
                now,
                now,
                1L,
                "t",
                new Publication(true, now, "t"),
                null,
                null);
    }

    private static List<String> ids(List<Article> articles) {
        return articles.stream().map(Article::id).toList();
    }

    private Article featured(String title, Long rank, int day) throws Exception {
        ArticleDraft d = draft(title, hanoi(2026, 1, day, 9, 0));
        d.setFeatured(true);
        d.setFeaturedRank(rank);
        return articles.create(d, "lan");
    }

    private List<String> siteOrderTitles() throws Exception {
        return FeaturedRanks.siteOrder(articles).stream()
                .map(a -> a.title() + "=" + a.featuredRank())
                .toList();
    }

    @Test
    void movesBeforeOrAfterTheTarget() {
        Article one = a("one", 1L);
        Article two = a("two", 2L);
        Article three = a("three", 3L);
        List<Article> order = List.of(one, two, three);
        assertEquals(List.of("three", "one", "two"), ids(FeaturedRanks.move(order, three, one, false)));
        assertEquals(List.of("two", "one", "three"), ids(FeaturedRanks.move(order, one, two, true)));
        assertEquals(
                List.of("one", "two", "three"), ids(FeaturedRanks.move(order, two, two, false)), "dropped on itself");
    }

    @Test
    void onlyChangedRanksAreWritten() {
        Article one = a("one", 1L);
        Article two = a("two", 2L);
        Article unranked = a("unranked", null);
        Map<Article, Long> ranks = FeaturedRanks.newRanks(List.of(two, one, unranked));
        assertEquals(Map.of(two, 1L, one, 2L, unranked, 3L), ranks);
        assertEquals(Map.of(), FeaturedRanks.newRanks(List.of(one, two)));
    }

    @Test
    void theChosenGoFirstInTheirOrderAndTheOthersKeepTheirs() {
        Article one = a("one", 1L);
        Article two = a("two", 2L);
        Article three = a("three", 3L);
        Article four = a("four", 4L);
        assertEquals(
                List.of(four, two, one, three),
                FeaturedRanks.withFirst(List.of(one, two, three, four), List.of("four", "two", "gone")));
        assertEquals(List.of(one, two), FeaturedRanks.withFirst(List.of(one, two), List.of()));
    }

    @Test
    void featuringGivesTheRankAfterEveryRankedArticle() {
        assertEquals(1L, FeaturedRanks.nextFreeRank(List.of()));
        assertEquals(8L, FeaturedRanks.nextFreeRank(List.of(a("a", 3L), a("b", null), a("c", 7L))));
    }

    @Test
    void aSaveThatTakesAnotherArticlesRankRenumbersWithTheSavedOneFirstAmongThem() throws Exception {
        featured("Một", 1L, 1);
        Article two = featured("Hai", 2L, 2);
        featured("Ba", 3L, 3);
        assertEquals(List.of("Một=1", "Hai=2", "Ba=3"), siteOrderTitles());

        Article saved = featured("Mới", 2L, 4);

        assertEquals(List.of("Một=1", "Mới=2", "Hai=3", "Ba=4"), siteOrderTitles(), "renumbered in the save itself");
        assertEquals(
                2,
                runtime.module().featuredRanks().takeRenumberedHere(),
                "the saving thread is told how many moved (Hai, Ba)");
        assertEquals(0, runtime.module().featuredRanks().takeRenumberedHere());
        Article renumbered = articles.findById(two.id()).orElseThrow();
        assertEquals("lan", renumbered.lastModifiedBy(), "stamped with the editor whose save caused it");
        assertEquals(2L, articles.findById(saved.id()).orElseThrow().featuredRank());
    }

    @Test
    void aSaveMadeOutsideTheRepositoryIsRenumberedWhenObservationReportsIt() throws Exception {
        featured("Một", 1L, 1);
        featured("Hai", 2L, 2);
        Article three = featured("Ba", 3L, 3);
        // As Magnolia's own content app saves: straight to the node, no module code on the way.
        Session session = runtime.repository().login("news");
        try {
            Node node = session.getNodeByIdentifier(three.id());
            node.setProperty("featuredRank", 1L);
            node.setProperty("mgnl:lastModified", Calendar.getInstance());
            session.save();
        } finally {
            session.logout();
        }
        Eventually.await(
                () -> siteOrderTitles().equals(List.of("Ba=1", "Một=2", "Hai=3")),
                "the content app's save renumbered by the observation listener, the saved one first; now "
                        + siteOrderTitles());
    }

    @Test
    void storingAnOrderIsOneSaveAndLeavesAnArticleSavedMeanwhileAlone() throws Exception {
        Article one = featured("Một", 1L, 1);
        Article two = featured("Hai", 2L, 2);
        Article three = featured("Ba", 3L, 3);
        ArticleDraft edit = two.toDraft();
        edit.setTitle("Hai (sửa)");
        articles.update(two.id(), two.version(), edit, "nam");

        int stored = runtime.module().featuredRanks().store(List.of(two, three, one), "lan");

        assertEquals(2, stored, "the one edited since it was read keeps its rank");
        assertEquals("Hai (sửa)", articles.findById(two.id()).orElseThrow().title(), "its edit is not overwritten");
        assertEquals(List.of("Ba=1", "Hai (sửa)=2", "Một=3"), siteOrderTitles());
    }
}
