package io.newsroom.news.embedded.server;

import static io.newsroom.news.Eventually.await;
import static io.newsroom.news.TestArticles.draft;
import static io.newsroom.news.TestArticles.hanoi;
import static org.junit.jupiter.api.Assertions.*;

import io.newsroom.news.article.Actor;
import io.newsroom.news.article.Article;
import io.newsroom.news.article.ArticleDraft;
import io.newsroom.news.article.AuditTrail;
import io.newsroom.news.article.Role;
import io.newsroom.news.article.ValidationException;
import io.newsroom.news.categories.Categories;
import io.newsroom.news.categories.Categories.Category;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Categories as managed content, against the real repository and the served site. */
class ManagedCategoriesTest {
    private static final Actor REPORTER = new Actor("lan", Role.REPORTER);
    private TestSite site;
    private Categories categories;

    @BeforeEach
    void start() throws Exception {
        site = TestSite.start(RuntimeConfig.forTests());
        categories = site.runtime.categories();
    }

    @AfterEach
    void stop() throws Exception {
        site.close();
    }

    private Article create(String title, String category, int day) throws Exception {
        ArticleDraft d = draft(title, hanoi(2026, 3, day, 8, 0));
        d.setCategory(category);
        return site.runtime.articles().create(d, "t");
    }

    @Test
    void aRenameMovesTheArticlesAndTheOldAddressRedirects() throws Exception {
        Article notice = create("Lịch tiếp dân tháng ba", "Thông báo", 3);
        create("Giải bóng đá thiếu niên", "Thể thao", 4);
        categories.startFrom(site.runtime.articles()::categories);
        assertEquals(List.of("Thể thao", "Thông báo"), names(), "made from the categories articles had");
        categories.startFrom(() -> {
            throw new AssertionError("the articles are read only while no category is managed");
        });
        site.serve();
        await(() -> status("/news/thong-bao") == 200, "the category page");

        Category thongBao = categories.byName("Thông báo").orElseThrow();
        Category renamed = categories.update(
                thongBao.id(),
                new Categories.Draft("Thông báo phường", "Ward notices", "Tin của UBND phường", null),
                "bien.tap");
        assertEquals("thong-bao-phuong", renamed.slug());
        assertEquals(List.of("thong-bao"), renamed.formerSlugs());
        assertEquals("Ward notices", renamed.name("en"));
        assertEquals(
                "Thông báo phường",
                site.runtime.articles().findById(notice.id()).orElseThrow().category(),
                "the article follows");
        assertEquals(
                notice.version(),
                site.runtime.articles().findById(notice.id()).orElseThrow().version());

        HttpResponse<String> old = site.get("/news/thong-bao?page=2");
        assertEquals(301, old.statusCode());
        assertEquals(
                "/news/thong-bao-phuong", old.headers().firstValue("Location").orElseThrow());
        assertEquals(301, site.get("/en/news/thong-bao").statusCode());
        assertEquals(
                "/en/news/thong-bao-phuong",
                site.get("/en/news/thong-bao").headers().firstValue("Location").orElseThrow());
        await(() -> status("/news/thong-bao-phuong") == 200, "the new address");
        // English readers read its English name, on its page and on its articles.
        String english = site.get("/en/news/thong-bao-phuong").body();
        assertTrue(english.contains("<h1 class=\"news-page__title\">Ward notices</h1>"), english);
        assertTrue(site.get("/news/thong-bao-phuong").body().contains(">Thông báo phường</h1>"));
        assertEquals(404, status("/news/khong-co"), "an address no category had");

        // A form opened before the rename cannot put the old name back.
        Article current = site.runtime.articles().findById(notice.id()).orElseThrow();
        ArticleDraft stale = current.toDraft();
        stale.setCategory("Thông báo");
        ValidationException refused = assertThrows(
                ValidationException.class,
                () -> site.runtime.articles().update(current.id(), current.version(), stale, "lan"));
        assertEquals("news.validation.unknownCategory", refused.errors().get(0).messageKey());

        List<AuditTrail.Action> trail = site.runtime.audit().find(AuditTrail.Filter.ALL, 5).stream()
                .map(AuditTrail.Entry::action)
                .toList();
        assertTrue(trail.contains(AuditTrail.Action.CATEGORY_SAVE), trail.toString());
    }

    @Test
    void namesAreCheckedAndACategoryInUseIsDeletedOnlyByMovingItsArticles() throws Exception {
        Category sport = categories.create(new Categories.Draft("Thể thao", "Sport", null, null), "bien.tap");
        Category news = categories.create(new Categories.Draft("Tin hoạt động", null, null, null), "bien.tap");
        assertEquals(
                "news.validation.required",
                assertThrows(
                                ValidationException.class,
                                () -> categories.create(new Categories.Draft("  ", null, null, null), "b"))
                        .errors()
                        .get(0)
                        .messageKey());
        ValidationException taken = assertThrows(
                ValidationException.class,
                () -> categories.create(new Categories.Draft("The Thao", null, null, null), "b"));
        assertEquals("news.admin.categories.taken", taken.errors().get(0).messageKey(), "same address");
        assertThrows(
                ValidationException.class,
                () -> categories.create(
                        new Categories.Draft("x".repeat(Categories.MAX_NAME + 1), null, null, null), "b"));
        assertEquals(2, categories.list().size(), "refusals add nothing");
        assertThrows(
                Actor.NotAllowedException.class,
                () -> Actor.runAs(
                        REPORTER, () -> categories.create(new Categories.Draft("Văn hoá", null, null, null), "lan")),
                "categories are an editor's");

        Article match = create("Trận chung kết", "Thể thao", 5);
        ArticleDraft unknown = draft("Bài chuyên mục lạ", hanoi(2026, 3, 6, 8, 0));
        unknown.setCategory("Chuyên mục lạ");
        assertEquals(
                "news.validation.unknownCategory",
                assertThrows(
                                ValidationException.class,
                                () -> site.runtime.articles().create(unknown, "t"))
                        .errors()
                        .get(0)
                        .messageKey());

        ValidationException inUse =
                assertThrows(ValidationException.class, () -> categories.delete(sport.id(), null, "bien.tap"));
        assertEquals("news.admin.categories.inUse", inUse.errors().get(0).messageKey());
        assertEquals(List.of(1L), inUse.errors().get(0).arguments());
        assertEquals(2, categories.list().size(), "still there");

        categories.delete(sport.id(), news.id(), "bien.tap");
        assertEquals(List.of("Tin hoạt động"), names());
        assertEquals(
                "Tin hoạt động",
                site.runtime.articles().findById(match.id()).orElseThrow().category());
        assertEquals(
                List.of("the-thao"),
                categories.byName("Tin hoạt động").orElseThrow().formerSlugs());
        String last = categories.byName("Tin hoạt động").orElseThrow().id();
        assertThrows(ValidationException.class, () -> categories.delete(last, null, "bien.tap"), "in use now");
    }

    private List<String> names() throws Exception {
        return categories.list().stream().map(Category::name).toList();
    }

    private int status(String path) {
        try {
            return site.get(path).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }
}
