package io.newsroom.news.article;

import static io.newsroom.news.TestArticles.draft;
import static io.newsroom.news.TestArticles.hanoi;
import static org.junit.jupiter.api.Assertions.*;

import io.newsroom.news.embedded.server.NewsRuntime;
import io.newsroom.news.embedded.server.RuntimeConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Listing, paging, sorting and filtering against a real Jackrabbit index. */
class ArticleQueryTest {
    private static NewsRuntime runtime;
    private static ArticleRepository articles;

    @BeforeAll
    static void seed() throws Exception {
        runtime = NewsRuntime.start(RuntimeConfig.forTests());
        articles = runtime.articles();
        for (int i = 1; i <= 25; i++) {
            ArticleDraft d = draft(String.format("Tin số %02d", i), hanoi(2024, 1 + (i % 12), 1 + i, 8, 0));
            d.setCategory(i % 3 == 0 ? "Thông báo" : "Tin hoạt động");
            d.setFeatured(i % 5 == 0);
            d.setLead(i == 7 ? "Có chữ ĐẶC BIỆT ở đây" : "Tóm tắt thường");
            articles.create(d, "t");
        }
        for (String hostile : List.of(
                "O'Brien's \"quoted\" title",
                "Tin 100% chính_xác",
                "a') or @title=('x",
                "] | //element(*) [",
                "back\\slash")) {
            ArticleDraft d = draft(hostile, hanoi(2023, 6, 1, 8, 0));
            d.setCategory(hostile);
            articles.create(d, "t");
        }
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void newestFirstWithPagingAndTotal() throws Exception {
        ResultPage<Article> first = articles.list(ArticleQuery.newest(10));
        ResultPage<Article> second = articles.list(ArticleQuery.newest(10).page(10, 10));
        assertEquals(30, first.total());
        assertEquals(10, first.items().size());
        assertEquals(10, second.items().size());
        List<Article> both = new ArrayList<>(first.items());
        both.addAll(second.items());
        for (int i = 1; i < both.size(); i++) {
            assertFalse(both.get(i).postedDate().isAfter(both.get(i - 1).postedDate()), "sorted newest first at " + i);
        }
        assertEquals(20, both.stream().map(Article::id).distinct().count(), "pages do not overlap");
        assertEquals(
                0, articles.list(ArticleQuery.newest(10).page(100, 10)).items().size());
    }

    @Test
    void sortsByTitleIgnoringCase() throws Exception {
        List<String> titles = articles
                .list(ArticleQuery.newest(5)
                        .withCategory("Tin hoạt động")
                        .withSort(List.of(ArticleQuery.Sort.asc("title"))))
                .items()
                .stream()
                .map(Article::title)
                .toList();
        assertEquals(List.of("Tin số 01", "Tin số 02", "Tin số 04", "Tin số 05", "Tin số 07"), titles);
    }

    @Test
    void filtersByCategoryFeaturedAndText() throws Exception {
        assertEquals(8, articles.count(ArticleQuery.newest(1).withCategory("Thông báo")));
        assertEquals(5, articles.count(ArticleQuery.newest(1).featuredOnly()));
        assertEquals(4, articles.count(ArticleQuery.newest(1).featuredOnly().withCategory("Tin hoạt động")));
        List<Article> special =
                articles.list(ArticleQuery.newest(10).withText("đặc biệt")).items();
        assertEquals(List.of("Tin số 07"), special.stream().map(Article::title).toList());
        assertEquals(25, articles.count(ArticleQuery.newest(1).withText("TIN SỐ")));
    }

    @Test
    void hostileTextMatchesLiterallyAndNeverBreaksTheQuery() throws Exception {
        assertTitles(ArticleQuery.newest(10).withText("O'Brien's \"quoted\""), "O'Brien's \"quoted\" title");
        assertTitles(ArticleQuery.newest(10).withText("100%"), "Tin 100% chính_xác");
        assertTitles(ArticleQuery.newest(10).withText("%"), "Tin 100% chính_xác");
        assertTitles(ArticleQuery.newest(10).withText("_"), "Tin 100% chính_xác");
        assertTitles(ArticleQuery.newest(10).withText("a') or @title=('x"), "a') or @title=('x");
        assertTitles(ArticleQuery.newest(10).withText("] | //element(*) ["), "] | //element(*) [");
        assertTitles(ArticleQuery.newest(10).withText("back\\slash"), "back\\slash");
        assertTitles(ArticleQuery.newest(10).withText("')]"));
    }

    @Test
    void hostileFilterValuesMatchLiterally() throws Exception {
        for (String hostile : List.of("O'Brien's \"quoted\" title", "a') or @title=('x", "] | //element(*) [")) {
            assertTitles(ArticleQuery.newest(10).withCategory(hostile), hostile);
        }
        assertTitles(ArticleQuery.newest(10).withCategory("' or '1'='1"));
        assertTitles(ArticleQuery.newest(10).withFullText("\" AND ( OR * ~ ["));
        assertTitles(ArticleQuery.newest(10).withFullText("quoted, TITLE"), "O'Brien's \"quoted\" title");
    }

    @Test
    void unknownPropertiesAndBadPathsAreRefusedNotRun() {
        assertThrows(
                IllegalArgumentException.class,
                () -> articles.list(ArticleQuery.newest(5).withFilter(PropertyFilter.eq("title] | //*[@x", "y"))));
        assertThrows(
                IllegalArgumentException.class,
                () -> articles.list(ArticleQuery.newest(5).withSort(List.of(ArticleQuery.Sort.asc("nope")))));
        assertThrows(
                IllegalArgumentException.class,
                () -> articles.list(ArticleQuery.newest(5).withAncestor("/2024']")));
        assertThrows(IllegalArgumentException.class, () -> ArticleQuery.newest(0));
        assertThrows(
                IllegalArgumentException.class, () -> ArticleQuery.newest(5).page(-1, 5));
    }

    @Test
    void ancestorLimitsToAFolder() throws Exception {
        assertEquals(5, articles.count(ArticleQuery.newest(1).withAncestor("/2023")));
        assertEquals(25, articles.count(ArticleQuery.newest(1).withAncestor("/2024")));
    }

    @Test
    void listsTheCategoriesInUse() throws Exception {
        List<String> categories = articles.categories();
        assertTrue(categories.containsAll(List.of("Thông báo", "Tin hoạt động", "O'Brien's \"quoted\" title")));
        assertEquals(7, categories.size(), categories.toString());
    }

    private static void assertTitles(ArticleQuery query, String... expected) throws Exception {
        assertEquals(
                List.of(expected),
                articles.list(query).items().stream().map(Article::title).toList(),
                articles.statement(query));
    }
}
