package io.newsroom.news.publishing;

import static io.newsroom.news.TestArticles.hanoi;
import static io.newsroom.news.TestArticles.unpublished;
import static org.junit.jupiter.api.Assertions.*;

import io.newsroom.news.article.Article;
import io.newsroom.news.article.ArticleDraft;
import io.newsroom.news.article.ArticleNotFoundException;
import io.newsroom.news.article.ArticleRepository;
import io.newsroom.news.article.ConflictException;
import io.newsroom.news.embedded.server.NewsRuntime;
import io.newsroom.news.embedded.server.RuntimeConfig;
import java.util.List;
import javax.jcr.Node;
import javax.jcr.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Versions in Jackrabbit's version storage, through a copy in the mgnlVersion workspace, as Magnolia keeps them. */
class ArticleVersionsTest {
    private static NewsRuntime runtime;
    private static ArticleRepository articles;
    private static ArticleVersions versions;

    @BeforeAll
    static void start() throws Exception {
        runtime = NewsRuntime.start(RuntimeConfig.forTests());
        articles = runtime.articles();
        versions = runtime.publishing().versions().orElseThrow();
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void everyPublishKeepsAVersionWithWhoAndAComment() throws Exception {
        Article a = articles.create(unpublished("Phiên bản đầu", hanoi(2021, 1, 5, 9, 0)), "nam");
        assertEquals(List.of(), versions.history(a.id()), "a draft nobody published has no history");

        runtime.publishing().publish(a.id(), "lan", "Bản đầu tiên");
        Article edited = articles.update(a.id(), a.version(), withTitle(a, "Phiên bản hai"), "nam");
        runtime.publishing().publish(a.id(), "lan");

        List<ArticleVersion> history = versions.history(a.id());
        assertEquals(2, history.size());
        ArticleVersion newest = history.get(0);
        ArticleVersion oldest = history.get(1);
        assertEquals("Phiên bản hai", newest.content().title());
        assertEquals("Phiên bản đầu", oldest.content().title());
        assertEquals("lan", oldest.user());
        assertEquals("Bản đầu tiên", oldest.comment());
        assertNull(newest.comment());
        assertEquals(a.id(), oldest.content().id());
        assertEquals(edited.name(), newest.content().name());
        assertNotEquals(oldest.name(), newest.name());
        assertTrue(newest.created().compareTo(oldest.created()) >= 0);
    }

    @Test
    void theArticleNodeCarriesNoVersionDataSoTheNewsWorkspaceExportsAsBefore() throws Exception {
        Article a = articles.create(unpublished("Không dấu vết phiên bản", hanoi(2021, 2, 5, 9, 0)), "nam");
        runtime.publishing().publish(a.id(), "lan");
        versions.save(a.id(), "lan", "thêm");
        Session news = runtime.repository().login("news");
        try {
            Node node = news.getNodeByIdentifier(a.id());
            assertFalse(node.isNodeType("mix:versionable"));
            assertFalse(node.hasProperty("jcr:versionHistory"));
            assertFalse(node.hasNode(ArticleVersions.META));
        } finally {
            news.logout();
        }
        Session store = runtime.repository().login(ArticleVersions.WORKSPACE);
        try {
            Node copy = store.getNodeByIdentifier(a.id());
            assertEquals("/" + a.id(), copy.getPath(), "the copy lives at the root, named by the article's id");
            assertTrue(copy.isNodeType("mix:versionable"));
            assertEquals(2, copy.getVersionHistory().getAllVersions().getSize() - 1);
            // Magnolia's restore reads the serialized Rule of the version's metadata
            // (BaseVersionManager.getUsedFilter).
            javax.jcr.version.Version last = copy.getVersionHistory()
                    .getVersion(versions.history(a.id()).get(0).name());
            String rule = last.getFrozenNode()
                    .getNode(ArticleVersions.META)
                    .getProperty("Rule")
                    .getString();
            try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(
                    java.util.Base64.getDecoder().decode(rule)))) {
                info.magnolia.cms.util.Rule read = (info.magnolia.cms.util.Rule) in.readObject();
                assertTrue(read.isAllowed("news:article"), "the versioned node's type");
                assertTrue(read.isAllowed("mgnl:reserve"), "and Magnolia's system type");
                assertFalse(read.isAllowed("mgnl:page"));
            }
        } finally {
            store.logout();
        }
    }

    @Test
    void restoringMakesANewCurrentStateAndKeepsTheOneItReplaced() throws Exception {
        Article a = articles.create(unpublished("Tiêu đề gốc", hanoi(2021, 3, 5, 9, 0)), "nam");
        runtime.publishing().publish(a.id(), "lan");
        String original = versions.history(a.id()).get(0).name();
        Article current = articles.update(a.id(), a.version(), withTitle(a, "Tiêu đề đã sửa"), "nam");

        Article restored =
                runtime.publishing().restoreVersion(a.id(), current.version(), original, "lan", "Trước khi khôi phục");

        assertEquals("Tiêu đề gốc", restored.title());
        assertEquals(current.path(), restored.path(), "the address stays");
        List<ArticleVersion> history = versions.history(a.id());
        assertEquals("Tiêu đề đã sửa", history.get(0).content().title(), "the replaced text is kept");
        assertEquals("Trước khi khôi phục", history.get(0).comment());
        assertThrows(
                ConflictException.class,
                () -> runtime.publishing().restoreVersion(a.id(), current.version(), original, "lan", null),
                "a restore from a stale form is a conflict like any save");
    }

    @Test
    void onlyTheNewestVersionsAreKept() throws Exception {
        try (NewsRuntime small = NewsRuntime.start(withMaxVersions(3))) {
            ArticleRepository repo = small.articles();
            Article a = repo.create(unpublished("Giới hạn", hanoi(2021, 4, 5, 9, 0)), "nam");
            for (int i = 1; i <= 5; i++) {
                Article now = repo.findById(a.id()).orElseThrow();
                repo.update(a.id(), now.version(), withTitle(now, "Lần " + i), "nam");
                small.publishing().versions().orElseThrow().save(a.id(), "nam", null);
            }
            List<ArticleVersion> history =
                    small.publishing().versions().orElseThrow().history(a.id());
            assertEquals(
                    List.of("Lần 5", "Lần 4", "Lần 3"),
                    history.stream().map(v -> v.content().title()).toList());
        }
    }

    @Test
    void deletingForEverForgetsTheHistory() throws Exception {
        Article a = articles.create(unpublished("Xoá hẳn", hanoi(2021, 5, 5, 9, 0)), "nam");
        runtime.publishing().publish(a.id(), "lan");
        assertEquals(1, versions.history(a.id()).size());
        articles.delete(a.id());
        assertEquals(List.of(), versions.history(a.id()));
        assertFalse(versions.articlesWithHistory().contains(a.id()));
    }

    @Test
    void versionsOfANeverSavedIdAreRefused() {
        assertThrows(
                ArticleNotFoundException.class, () -> versions.save("00000000-0000-0000-0000-000000000000", "x", null));
    }

    static RuntimeConfig withMaxVersions(int max) {
        RuntimeConfig c = RuntimeConfig.forTests();
        return new RuntimeConfig(
                c.port(),
                c.dataFolder(),
                c.inMemory(),
                c.siteZone(),
                c.demoContent(),
                c.exportTo(),
                c.importFrom(),
                c.countViews(),
                c.viewsPerMinute(),
                c.adminPassword(),
                c.trustedProxies(),
                c.baseUrl(),
                c.logLevel(),
                c.resetAdminPassword(),
                max,
                c.previewLifetime(),
                c.maxUploadMb(),
                c.cluster());
    }

    private static ArticleDraft withTitle(Article a, String title) {
        ArticleDraft d = a.toDraft();
        d.setTitle(title);
        return d;
    }
}
