package io.newsroom.news.embedded.server;

import static io.newsroom.news.TestArticles.draft;
import static io.newsroom.news.TestArticles.hanoi;
import static org.junit.jupiter.api.Assertions.*;

import io.newsroom.news.article.Article;
import io.newsroom.news.article.ArticleQuery;
import io.newsroom.news.embedded.demo.DemoContent;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The on-disk repository (Derby) keeps what was saved across a restart. */
class PersistenceTest {

    @Test
    void aSecondStartFindsWhatTheFirstSaved(@TempDir Path data) throws Exception {
        RuntimeConfig config = RuntimeConfig.forTests().withDataFolder(data);
        Article saved;
        try (NewsRuntime first = NewsRuntime.start(config)) {
            saved = first.articles()
                    .create(draft("Bài viết còn lại sau khi khởi động lại", hanoi(2024, 4, 30, 7, 0)), "e");
        }
        try (NewsRuntime second = NewsRuntime.start(config)) {
            assertEquals(saved, second.articles().findById(saved.id()).orElseThrow());
            assertEquals(1, second.articles().count(ArticleQuery.newest(1)), "the index survived too");
        }
    }

    @Test
    void anUnpublishTimeThatCameWhileTheSiteWasDownIsCarriedOutAtTheNextStart(@TempDir Path data) throws Exception {
        RuntimeConfig config = RuntimeConfig.forTests().withDataFolder(data);
        java.time.Instant unpublishAt = java.time.Instant.now().plusSeconds(2);
        Article saved;
        try (NewsRuntime first = NewsRuntime.start(config)) {
            io.newsroom.news.article.ArticleDraft d = draft(
                    "Thông báo có hạn đến cuối buổi", java.time.Instant.now().minusSeconds(3600));
            d.setUnpublishDate(unpublishAt);
            d.setPublishOnCreate(true);
            saved = first.articles().create(d, "e");
            assertTrue(saved.isVisibleAt(unpublishAt.minusMillis(1)), "visible until its time");
            assertFalse(saved.isVisibleAt(unpublishAt), "and from then on not");
        }
        // Down while its time comes.
        while (!java.time.Instant.now().isAfter(unpublishAt)) {
            Thread.sleep(50);
        }
        try (NewsRuntime second = NewsRuntime.start(config)) {
            long deadline = System.nanoTime() + 20_000_000_000L;
            Article read = second.articles().findById(saved.id()).orElseThrow();
            while (read.publication().published() && System.nanoTime() < deadline) {
                Thread.sleep(50);
                read = second.articles().findById(saved.id()).orElseThrow();
            }
            assertFalse(read.publication().published(), "unpublished at start");
            assertNull(read.unpublishDate(), "its time cleared, so publishing it again stands");
            assertEquals(NewsRuntime.SCHEDULER, read.publication().lastActivatedBy());
        }
    }

    @Test
    void demoContentIsCreatedOnTheFirstStartOnly(@TempDir Path data) throws Exception {
        RuntimeConfig config = RuntimeConfig.forTests().withDataFolder(data);
        int created;
        try (NewsRuntime first = NewsRuntime.start(config)) {
            created = DemoContent.createOnFirstStart(
                    first.repository(), first.articles(), first.config().siteZone());
            assertTrue(created >= 12, "at least 12 demo articles, got " + created);
            assertEquals(created, first.articles().count(ArticleQuery.newest(1)));
            assertTrue(first.articles().count(ArticleQuery.newest(1).featuredOnly()) >= 3);
            assertTrue(first.articles().categories().size() >= 4);
            Article one = first.articles().list(ArticleQuery.newest(1)).items().get(0);
            assertTrue(first.articles().delete(one.id()));
        }
        try (NewsRuntime second = NewsRuntime.start(config)) {
            assertEquals(
                    0,
                    DemoContent.createOnFirstStart(
                            second.repository(),
                            second.articles(),
                            second.config().siteZone()));
            assertEquals(
                    created - 1,
                    second.articles().count(ArticleQuery.newest(1)),
                    "a deleted demo article stays deleted");
        }
    }
}
