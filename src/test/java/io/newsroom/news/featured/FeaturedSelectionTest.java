package io.newsroom.news.featured;

import static io.newsroom.news.TestArticles.draft;
import static io.newsroom.news.TestArticles.hanoi;
import static org.junit.jupiter.api.Assertions.*;

import io.newsroom.news.MutableClock;
import io.newsroom.news.article.Article;
import io.newsroom.news.article.ArticleDraft;
import io.newsroom.news.definitions.LightModule;
import io.newsroom.news.embedded.server.NewsRuntime;
import io.newsroom.news.embedded.server.RuntimeConfig;
import io.newsroom.news.templating.ArticleView;
import io.newsroom.news.templating.FeaturedBlock;
import io.newsroom.news.templating.NewsFunctions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.jcr.Node;
import javax.jcr.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The featured block's selection rules and its cache, against a real repository and a hand-moved clock. */
class FeaturedSelectionTest {
    private static final Instant NOW = hanoi(2026, 6, 15, 12, 0);
    private MutableClock clock;
    private NewsRuntime runtime;
    private NewsFunctions newsfn;

    @BeforeEach
    void start() throws Exception {
        clock = new MutableClock(NOW);
        runtime = NewsRuntime.start(RuntimeConfig.forTests(), LightModule.locate(), clock);
        newsfn = runtime.newsFunctions();
    }

    @AfterEach
    void stop() {
        runtime.close();
    }

    private Article article(String title, Instant posted, Long rank, String category) throws Exception {
        ArticleDraft d = draft(title, posted);
        d.setFeatured(rank != null);
        d.setFeaturedRank(rank == null || rank < 0 ? null : rank);
        d.setCategory(category);
        return runtime.articles().create(d, "t");
    }

    private List<String> titles(Map<String, Object> settings, String exclude) {
        FeaturedBlock block = newsfn.featuredBlock(settings, exclude);
        return block.getItems().stream().map(ArticleView::getTitle).toList();
    }

    /**
     * JCR observation reports the test's own writes a moment later and rightly invalidates the
     * cache once more; wait until that has happened before counting repository reads.
     */
    private long settledReads(Map<String, Object> settings) throws InterruptedException {
        long before;
        long after = -1;
        do {
            before = after;
            titles(settings, null);
            Thread.sleep(300);
            titles(settings, null);
            after = runtime.cache().repositoryReads();
        } while (after != before);
        return after;
    }

    @Test
    void featuredByRankThenNewestThenFilledWithLatest() throws Exception {
        article("rank 2", NOW.minus(Duration.ofDays(3)), 2L, null);
        article("rank 1 old", NOW.minus(Duration.ofDays(30)), 1L, null);
        article("unranked new", NOW.minus(Duration.ofDays(1)), -1L, null);
        article("unranked older", NOW.minus(Duration.ofDays(2)), -1L, null);
        article("plain newest", NOW.minus(Duration.ofHours(1)), null, null);
        article("plain older", NOW.minus(Duration.ofDays(10)), null, null);

        assertEquals(
                List.of("rank 1 old", "rank 2", "unranked new", "unranked older", "plain newest", "plain older"),
                titles(Map.of("maxItems", 6L), null));
        assertEquals(
                List.of("rank 1 old", "rank 2", "unranked new", "unranked older"),
                titles(Map.of("maxItems", 6L, "fillWithLatest", false), null));
        assertEquals(List.of("rank 1 old", "rank 2"), titles(Map.of("maxItems", 2L), null));
    }

    @Test
    void futureArticlesAndClosedWindowsAreLeftOutUntilTheirTime() throws Exception {
        article("visible", NOW.minus(Duration.ofDays(1)), 5L, null);
        Article scheduled = article("scheduled", NOW.plus(Duration.ofHours(2)), 1L, null);
        ArticleDraft expired = draft("window closed", NOW.minus(Duration.ofDays(5)));
        expired.setFeatured(true);
        expired.setFeaturedRank(0L);
        expired.setFeaturedUntil(NOW.minus(Duration.ofDays(1)));
        runtime.articles().create(expired, "t");
        ArticleDraft later = draft("window opens later", NOW.minus(Duration.ofDays(5)));
        later.setFeatured(true);
        later.setFeaturedRank(0L);
        later.setFeaturedFrom(NOW.plus(Duration.ofDays(1)));
        runtime.articles().create(later, "t");

        Map<String, Object> featuredOnly = Map.of("maxItems", 10L, "fillWithLatest", false);
        assertEquals(List.of("visible"), titles(featuredOnly, null));
        long reads = settledReads(featuredOnly);

        clock.advance(Duration.ofHours(3));
        assertEquals(List.of("scheduled", "visible"), titles(featuredOnly, null), "appears on time");
        assertEquals(reads, runtime.cache().repositoryReads(), "without another repository read");

        clock.advance(Duration.ofDays(1));
        assertEquals(List.of("window opens later", "scheduled", "visible"), titles(featuredOnly, null));
        assertNotNull(scheduled.id());
    }

    @Test
    void neverTheArticleOnThePageAndNoDuplicates() throws Exception {
        Article shown = article("shown on the page", NOW.minus(Duration.ofDays(1)), 1L, null);
        article("other featured", NOW.minus(Duration.ofDays(2)), 2L, null);
        article("plain", NOW.minus(Duration.ofDays(3)), null, null);
        assertEquals(List.of("other featured", "plain"), titles(Map.of("maxItems", 5L), shown.id()));
        assertEquals(List.of("other featured", "plain"), titles(Map.of("maxItems", 5L), shown.path()));
        List<String> all = titles(Map.of("maxItems", 5L), null);
        assertEquals(all.stream().distinct().toList(), all);
        assertEquals(3, all.size());
    }

    @Test
    void categoryLimitsBothFeaturedAndFill() throws Exception {
        article("notice featured", NOW.minus(Duration.ofDays(1)), 1L, "Thông báo");
        article("activity featured", NOW.minus(Duration.ofDays(1)), 1L, "Tin hoạt động");
        article("notice plain", NOW.minus(Duration.ofDays(2)), null, "Thông báo");
        article("activity plain", NOW.minus(Duration.ofDays(2)), null, "Tin hoạt động");
        assertEquals(List.of("notice featured", "notice plain"), titles(Map.of("category", "Thông báo"), null));
    }

    @Test
    void badSettingsAreClampedNotFatal() throws Exception {
        for (int i = 0; i < 25; i++) {
            article("tin " + i, NOW.minus(Duration.ofHours(i + 1)), null, null);
        }
        assertEquals(5, titles(Map.of("maxItems", "abc"), null).size(), "not a number: the default");
        assertEquals(1, titles(Map.of("maxItems", -5L), null).size(), "below the range: the minimum");
        assertEquals(20, titles(Map.of("maxItems", 10000L), null).size(), "above the range: the maximum");
        FeaturedBlock odd = newsfn.featuredBlock(Map.of("layout", "carousel", "showImage", "maybe"), null);
        assertEquals("lead", odd.getLayout(), "an unknown layout: the default, the portal layout");
        assertTrue(odd.isShowImage());
    }

    @Test
    void theCacheFollowsEditsThroughTheRepositoryAndDirectJcrWrites() throws Exception {
        Article a = article("first title", NOW.minus(Duration.ofDays(1)), 1L, null);
        assertEquals(List.of("first title"), titles(Map.of(), null));

        ArticleDraft edit = a.toDraft();
        edit.setTitle("edited title");
        runtime.articles().update(a.id(), a.version(), edit, "t");
        assertEquals(List.of("edited title"), titles(Map.of(), null), "no stale block after an edit");

        article("added later", NOW.minus(Duration.ofHours(1)), 0L, null);
        assertEquals(List.of("added later", "edited title"), titles(Map.of(), null), "no stale block after an add");

        // A change that bypasses ArticleRepository (Magnolia's content app, an import) arrives by observation.
        Session session = runtime.repository().login("news");
        try {
            Node node = session.getNodeByIdentifier(a.id());
            node.setProperty("title", "changed in JCR");
            session.save();
        } finally {
            session.logout();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        List<String> seen = titles(Map.of(), null);
        while (!seen.contains("changed in JCR") && System.nanoTime() < deadline) {
            Thread.sleep(20);
            seen = titles(Map.of(), null);
        }
        assertEquals(List.of("added later", "changed in JCR"), seen);
    }

    @Test
    void repeatedRendersRunNoQuery() throws Exception {
        article("one", NOW.minus(Duration.ofDays(1)), 1L, null);
        long reads = settledReads(Map.of());
        for (int i = 0; i < 100; i++) {
            titles(Map.of("maxItems", 3L), null);
        }
        assertEquals(reads, runtime.cache().repositoryReads());
    }
}
