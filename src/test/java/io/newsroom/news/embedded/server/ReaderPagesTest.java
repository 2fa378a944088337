package io.newsroom.news.embedded.server;

import static io.newsroom.news.TestArticles.draft;
import static io.newsroom.news.TestArticles.hanoi;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsroom.news.article.Article;
import io.newsroom.news.article.ArticleDraft;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Category archives, breadcrumbs, related articles and the search page, in both languages. */
class ReaderPagesTest {
    private static TestSite site;
    private static NewsRuntime runtime;
    private static SiteServer server;
    private static Article blood;
    private static Article other;

    @BeforeAll
    static void start() throws Exception {
        site = TestSite.start(RuntimeConfig.forTests());
        runtime = site.runtime;
        blood = create("Hiến máu nhân đạo tại phường", "Thông báo", "Người dân tham gia hiến máu đông đủ.", 10);
        other = create("Lịch tiêm chủng tháng ba", "Thông báo", "Tiêm chủng cho trẻ.", 9);
        create("Giải bóng đá thiếu niên", "Thể thao", "Mười đội tham gia.", 8);
        for (int i = 0; i < 12; i++) {
            create("Tin thông báo số " + i, "Thông báo", null, 7 - i % 7);
        }
        server = site.serve();
    }

    private static Article create(String title, String category, String lead, int day) throws Exception {
        ArticleDraft d = draft(title, hanoi(2026, 3, day, 8, 0));
        d.setCategory(category);
        d.setLead(lead);
        // Each has a published English version (its own address), so the English lists have them too.
        d.getEnglish().setTitle("In English: " + title);
        Article created = runtime.articles().create(d, "t");
        runtime.publishing().publishEnglish(created.id(), "t");
        return created;
    }

    @AfterAll
    static void stop() throws Exception {
        site.close();
    }

    @Test
    void aCategoryHasItsArchiveInBothLanguagesAndArticlesLinkToIt() throws Exception {
        Document vi = page("/news/thong-bao");
        assertEquals("Thông báo", vi.selectFirst("h1").text());
        assertTrue(vi.select(".news-list__title").eachText().contains("Hiến máu nhân đạo tại phường"));
        assertFalse(vi.text().contains("Giải bóng đá thiếu niên"), "only that category");
        assertNotNull(vi.selectFirst(".news-list__next"), "paged like the archive");
        Document en = page("/en/news/thong-bao");
        assertEquals("en", en.selectFirst("html").attr("lang"));
        assertTrue(en.selectFirst(".news-list__title").attr("href").startsWith("/en/news/"));
        assertEquals(404, get("/news/khong-co-chuyen-muc").statusCode(), "an unknown category is not found");

        Document article = page("/news" + blood.path() + ".html");
        assertEquals(
                "/news/thong-bao",
                article.selectFirst(".news-article__category a").attr("href"));
        assertEquals(
                "/en/news/thong-bao",
                page("/en/news" + blood.path().substring(0, blood.path().lastIndexOf('/') + 1)
                                + blood.english().slug() + ".html")
                        .selectFirst(".news-article__category a")
                        .attr("href"));
    }

    @Test
    void theArticleHasBreadcrumbsAndRelatedArticles() throws Exception {
        Document article = page("/news" + blood.path() + ".html");
        assertEquals(
                List.of("Trang chủ", "Thông báo"),
                article.select(".news-breadcrumbs__link").eachText());
        assertEquals(
                "Hiến máu nhân đạo tại phường",
                article.selectFirst(".news-breadcrumbs [aria-current=page]").text());
        JsonNode trail = null;
        for (var script : article.select("script[type=application/ld+json]")) {
            JsonNode json = new ObjectMapper().readTree(script.data());
            if ("BreadcrumbList".equals(json.get("@type").asText())) {
                trail = json;
            }
        }
        assertNotNull(trail, "BreadcrumbList JSON-LD");
        assertEquals(3, trail.get("itemListElement").size());
        assertEquals(
                server.baseUrl() + "/news/thong-bao",
                trail.get("itemListElement").get(1).get("item").asText());

        String canonical = article.selectFirst("link[rel=canonical]").attr("href");
        String encoded = URLEncoder.encode(canonical, StandardCharsets.UTF_8);
        assertEquals(
                "https://www.facebook.com/sharer/sharer.php?u=" + encoded,
                article.selectFirst(".news-share__link--facebook").attr("href"));
        assertEquals(
                "https://sp.zalo.me/share?url=" + encoded,
                article.selectFirst(".news-share__link--zalo").attr("href"));
        assertTrue(
                article.select("script[src]").stream()
                        .noneMatch(s -> s.attr("src").startsWith("http")),
                "no third-party script");

        List<String> related = article.select(".news-related__title").eachText();
        assertEquals(4, related.size(), related.toString());
        assertTrue(related.contains("Lịch tiêm chủng tháng ba"));
        assertFalse(related.contains("Hiến máu nhân đạo tại phường"), "never itself");
        assertFalse(related.contains("Giải bóng đá thiếu niên"), "the same category only");
    }

    @Test
    void theSearchPageFindsWithOrWithoutAccentsAndMarksTheMatches() throws Exception {
        Document empty = page("/news/search");
        assertNotNull(empty.selectFirst(".news-search__hint"), "an empty search explains itself");
        // One search box on the search page (its own, with the words in it); the header's is on the other pages.
        assertEquals(1, empty.select("form[role=search]").size(), "one search box, not two");
        assertNotNull(empty.selectFirst("form.news-search input[name=q]"));
        assertNotNull(page("/").selectFirst("form.news-header__search input[name=q]"), "other pages: in the header");

        Document found = page("/news/search?q=" + URLEncoder.encode("hien mau", StandardCharsets.UTF_8));
        assertEquals(
                List.of("Hiến máu nhân đạo tại phường"),
                found.select(".news-list__title").eachText());
        assertEquals(List.of("Hiến", "máu", "hiến", "máu"), found.select("mark").eachText());
        assertEquals("noindex, follow", found.selectFirst("meta[name=robots]").attr("content"));

        Document none = page("/en/news/search?q=" + URLEncoder.encode("<b>xyz</b>", StandardCharsets.UTF_8));
        assertTrue(none.selectFirst(".news-search__none").text().contains("<b>xyz</b>"), "said back as text");
        assertNull(none.selectFirst(".news-search__none b"), "never as markup");

        Document paged = page("/news/search?q=" + URLEncoder.encode("thong bao", StandardCharsets.UTF_8) + "&page=2");
        assertEquals("Trang 2/2", paged.selectFirst(".news-list__position").text());
        assertTrue(paged.selectFirst(".news-list__previous").attr("href").contains("q=thong+bao")
                || paged.selectFirst(".news-list__previous").attr("href").contains("q=thong%20bao"));
    }

    private static Document page(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return Jsoup.parse(response.body());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return site.get(path);
    }
}
