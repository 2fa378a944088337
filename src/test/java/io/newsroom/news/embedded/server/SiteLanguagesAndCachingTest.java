package io.newsroom.news.embedded.server;

import static io.newsroom.news.TestArticles.draft;
import static io.newsroom.news.TestArticles.hanoi;
import static org.junit.jupiter.api.Assertions.*;

import io.newsroom.news.article.Article;
import java.net.http.HttpResponse;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The language is in the address (Magnolia's way), every visible string of a page in its language,
 * caches get what they need (no variation by browser language, ETag and 304, Cache-Control), and
 * search engines get a sitemap, robots.txt, alternates, one h1 and Open Graph on every page.
 */
class SiteLanguagesAndCachingTest {
    private static TestSite site;
    private static NewsRuntime runtime;
    private static SiteServer server;
    private static Article article;

    @BeforeAll
    static void start() throws Exception {
        site = TestSite.start(RuntimeConfig.forTests());
        runtime = site.runtime;
        // The category with its English name, as an editor gives it on the Categories screen.
        runtime.categories()
                .create(new io.newsroom.news.categories.Categories.Draft("Thông báo", "Notices", null, null), "t");
        var d = draft("Thông báo lịch tiêm chủng", hanoi(2026, 1, 10, 9, 30));
        d.setCategory("Thông báo");
        d.setFeatured(true);
        d.setFeaturedRank(1L);
        d.getEnglish().setTitle("Vaccination schedule notice");
        article = runtime.articles().create(d, "t");
        runtime.publishing().publishEnglish(article.id(), "t");
        server = site.serve();
    }

    @AfterAll
    static void stop() throws Exception {
        site.close();
    }

    /** The test article's English version has its own address, made from its English title. */
    private static String englishPath() {
        return "/en/news/2026/01/vaccination-schedule-notice.html";
    }

    @Test
    void theAddressDecidesTheLanguageNeverTheBrowser() throws Exception {
        HttpResponse<String> english = get("/", "Accept-Language", "en-GB,en;q=0.9");
        assertEquals("vi", Jsoup.parse(english.body()).selectFirst("html").attr("lang"));
        assertFalse(
                english.headers().firstValue("Vary").orElse("").contains("Accept-Language"), "nothing varies by it");
        assertEquals(english.body(), get("/", "Accept-Language", "vi").body(), "the same page for every browser");
        Document hint = Jsoup.parse(english.body());
        assertEquals(
                "/en/",
                hint.selectFirst("[data-news-language-hint] a").attr("href"),
                "an English browser may be offered English");
        assertTrue(
                hint.selectFirst("[data-news-language-hint]").hasAttr("hidden"),
                "shown by the script only, never a switch");
        assertNull(page("/en/").selectFirst("[data-news-language-hint]"), "no hint on the English page");
    }

    @Test
    void englishPagesSayEverythingInEnglish() throws Exception {
        Document en = page("/en/");
        assertEquals("Hoa Sen Ward news", en.title());
        assertTrue(
                en.select(".news-page__aside h2").eachText().contains("Announcements"),
                en.select("h2").eachText().toString());
        assertFalse(
                en.text().contains("Thông báo") && !en.text().contains("Thông báo lịch"), "no Vietnamese heading left");
        assertEquals(
                "/en/news/feed.xml",
                en.selectFirst("link[type=application/rss+xml]").attr("href"));
        assertEquals("/en/news/feed.xml", en.selectFirst(".news-footer__feed").attr("href"));
        Document vi = page("/");
        assertTrue(vi.select(".news-page__aside h2").eachText().contains("Thông báo"));
        assertEquals("/news/feed.xml", vi.selectFirst(".news-footer__feed").attr("href"));
        assertEquals("News | Hoa Sen Ward news", page("/en/news").title());
    }

    @Test
    void theEnglishFeedLinksToEnglishPages() throws Exception {
        Document feed = Jsoup.parse(get("/en/news/feed.xml").body(), "", Parser.xmlParser());
        assertTrue(
                feed.selectFirst("channel > link").text().endsWith("/en/"),
                feed.selectFirst("channel > link").text());
        assertEquals("en", feed.selectFirst("channel > language").text());
        assertTrue(
                feed.selectFirst("item > link").text().contains("/en/news/2026/01/"),
                feed.selectFirst("item > link").text());
        Document vi = Jsoup.parse(get("/news/feed.xml").body(), "", Parser.xmlParser());
        assertFalse(vi.selectFirst("item > link").text().contains("/en/"));
    }

    @Test
    void everyPageNamesItsLanguagesOneH1AndOpenGraph() throws Exception {
        for (String path :
                List.of("/", "/en/", "/news", "/en/news", "/news" + article.path() + ".html", englishPath())) {
            Document doc = page(path);
            assertEquals(
                    1, doc.select("h1").size(), path + ": " + doc.select("h1").eachText());
            assertNotNull(doc.selectFirst("meta[property=og:title]"), path);
            assertNotNull(doc.selectFirst("link[rel=canonical]"), path);
            assertEquals(
                    List.of("vi", "en", "x-default"),
                    doc.select("link[rel=alternate][hreflang]").eachAttr("hreflang"),
                    path);
            String english = doc.selectFirst("link[rel=alternate][hreflang=en]").attr("href");
            assertTrue(english.startsWith(server.baseUrl() + "/en/"), path + " -> " + english);
            assertEquals(
                    doc.selectFirst("link[rel=alternate][hreflang=vi]").attr("href"),
                    doc.selectFirst("link[rel=alternate][hreflang=x-default]").attr("href"),
                    "the default is Vietnamese");
        }
        assertNotNull(page("/").selectFirst("meta[name=description]"));
    }

    @Test
    void everyPageNamesTheSitesIconAndItIsServed() throws Exception {
        for (String path : List.of("/", "/news", "/news" + article.path() + ".html", "/en/news")) {
            String icon = page(path).selectFirst("link[rel=icon]").attr("href");
            HttpResponse<String> answer = get(icon);
            assertEquals(200, answer.statusCode(), path + " names " + icon);
            assertEquals(
                    "image/svg+xml", answer.headers().firstValue("Content-Type").orElse(""), icon);
        }
    }

    @Test
    void aBrowserWhereAnEditorSignedInGetsPagesNoCacheKeeps() throws Exception {
        for (String path : List.of("/", "/news", "/news" + article.path() + ".html")) {
            HttpResponse<String> page = get(path, "Cookie", "news-editor=1");
            assertEquals(200, page.statusCode(), path);
            assertEquals(
                    "private, no-store",
                    page.headers().firstValue("Cache-Control").orElse(""),
                    path);
        }
    }

    @Test
    void pagesAndFeedsAnswerWithCachingHeadersAnd304() throws Exception {
        for (String path :
                List.of("/", "/en/news", "/news/feed.xml", "/en/news/feed.xml", "/news" + article.path() + ".html")) {
            HttpResponse<String> first = get(path);
            assertEquals(200, first.statusCode(), path);
            // Browsers ask again every time (a cheap 304); shared caches may keep a page a minute.
            assertEquals(
                    "public, max-age=0, must-revalidate, s-maxage=60",
                    first.headers().firstValue("Cache-Control").orElse(""),
                    path);
            String etag = first.headers().firstValue("ETag").orElseThrow();
            HttpResponse<String> again = get(path, "If-None-Match", etag);
            assertEquals(304, again.statusCode(), path);
            assertEquals("", again.body());
            assertEquals(200, get(path, "If-None-Match", "\"something-else\"").statusCode(), path);
        }
    }

    @Test
    void webResourcesAreLinkedByFingerprintAndKeptForAYear() throws Exception {
        String css = page("/").selectFirst("link[rel=stylesheet]").attr("href");
        assertTrue(css.matches("/\\.resources/news/webresources/css/news\\.css\\?v=[A-Za-z0-9_-]{10}"), css);
        HttpResponse<String> fingerprinted = get(css);
        assertEquals(
                "public, max-age=31536000, immutable",
                fingerprinted.headers().firstValue("Cache-Control").orElse(""));
        HttpResponse<String> stale = get("/.resources/news/webresources/css/news.css?v=0123456789");
        assertEquals(
                "public, max-age=3600",
                stale.headers().firstValue("Cache-Control").orElse(""),
                "another version: not for a year");
        assertEquals(fingerprinted.body(), stale.body());
    }

    @Test
    void searchEnginesGetASitemapInBothLanguagesAndRobotsTxt() throws Exception {
        HttpResponse<String> response = get("/sitemap.xml");
        assertEquals(200, response.statusCode());
        Document sitemap = Jsoup.parse(response.body(), "", Parser.xmlParser());
        List<String> locations = sitemap.select("url > loc").eachText();
        String articleUrl = server.baseUrl() + "/news" + article.path() + ".html";
        assertTrue(locations.contains(articleUrl), locations.toString());
        assertTrue(locations.contains(server.baseUrl() + englishPath()), locations.toString());
        assertTrue(locations.contains(server.baseUrl() + "/") && locations.contains(server.baseUrl() + "/en/"));
        assertTrue(
                sitemap.select("url").stream()
                        .filter(u -> u.selectFirst("loc").text().equals(articleUrl))
                        .allMatch(u -> u.selectFirst("lastmod") != null
                                && u.select("*|link").size() == 2),
                "lastmod and alternates");
        assertEquals(404, get("/sitemap-2.xml").statusCode(), "one file is enough here");

        String robots = get("/robots.txt").body();
        assertTrue(robots.contains("Disallow: /admin/"));
        assertTrue(robots.contains("Sitemap: " + server.baseUrl() + "/sitemap.xml"), robots);
    }

    private static Document page(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertEquals(200, response.statusCode(), path);
        return Jsoup.parse(response.body());
    }

    private static HttpResponse<String> get(String path, String... headers) throws Exception {
        return site.get(path, headers);
    }
}
