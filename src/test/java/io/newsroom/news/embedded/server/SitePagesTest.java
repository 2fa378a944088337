package io.newsroom.news.embedded.server;

import static io.newsroom.news.TestArticles.draft;
import static io.newsroom.news.TestArticles.hanoi;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsroom.news.article.Article;
import io.newsroom.news.article.ArticleDraft;
import io.newsroom.news.article.ArticleQuery;
import io.newsroom.news.definitions.LightModule;
import io.newsroom.news.embedded.demo.DemoContent;
import io.newsroom.news.pages.WebsitePages;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.jcr.Node;
import javax.jcr.Session;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.NodeList;

/**
 * The embedded site over real HTTP: pages rendered from the light module's templates by
 * FreeMarker, checked with an HTML parser.
 */
class SitePagesTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path moduleCopy;

    private static NewsRuntime runtime;
    private static SiteServer server;
    private static Article seed;
    private static Article hostile;

    @BeforeAll
    static void start() throws Exception {
        // A copy of the light module with one deliberately broken component template added.
        Path source = Path.of("light-modules/news");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path target = moduleCopy.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        Files.writeString(
                moduleCopy.resolve("templates/components/broken.yaml"),
                "renderType: freemarker\ntemplateScript: /news/templates/components/broken.ftl\n");
        Files.writeString(
                moduleCopy.resolve("templates/components/broken.ftl"),
                "[#ftl output_format=\"HTML\"]<p class=\"broken\">${content.noSuchProperty.deeper}</p>");

        runtime = NewsRuntime.start(RuntimeConfig.forTests(), LightModule.at(moduleCopy), Clock.systemUTC());
        ArticleDraft d = draft("Đảng bộ phường quán triệt nghị quyết", hanoi(2020, 10, 27, 10, 28));
        d.setLead("Tóm tắt của bài.");
        d.setBody("<p>Nội dung <img src=\"/x.png\" alt=\"x\" onerror=\"alert(1)\"></p><script>alert(2)</script>");
        d.setCategory("Tin hoạt động");
        d.setAuthor("Ban biên tập");
        d.setFeatured(true);
        d.setFeaturedRank(1L);
        // Its English version at the same address name, so /en plus its address is its English page.
        d.getEnglish().setTitle("Ward party committee studies the resolution");
        d.getEnglish().setSlug("dang-bo-phuong-quan-triet-nghi-quyet");
        seed = runtime.articles().create(d, "t");
        runtime.publishing().publishEnglish(seed.id(), "t");
        ArticleDraft evil = draft("<script>alert('x')</script> & \"quoted\"", hanoi(2020, 10, 20, 9, 0));
        evil.setFeatured(true);
        evil.setFeaturedRank(2L);
        hostile = runtime.articles().create(evil, "t");
        for (int i = 0; i < 12; i++) {
            runtime.articles().create(draft("Bản tin lưu trữ " + i, hanoi(2019, 1 + i, 5, 8, 0)), "t");
        }
        runtime.articles().create(draft("Bài hẹn giờ tương lai", Instant.now().plusSeconds(86_400)), "t");
        DemoContent.createPages(runtime.repository());
        server = SiteServer.start(runtime, 0);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        runtime.close();
    }

    static HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static Document page(String path, String... headers) throws Exception {
        HttpResponse<String> response = get(path, headers);
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return Jsoup.parse(response.body());
    }

    static String articleUrl(Article a) {
        return "/news" + a.path() + ".html";
    }

    @Test
    void articlePageShowsTheMetaLineExactlyInBothLanguages() throws Exception {
        Document vi = page(articleUrl(seed));
        assertEquals(
                "Ngày đăng 27/10/2020 | 10:28 | Lượt xem: 0",
                vi.selectFirst(".news-article__meta").text());
        assertEquals(
                "2020-10-27T10:28:00+07:00",
                vi.selectFirst(".news-article__meta time").attr("datetime"));
        assertEquals("vi", vi.selectFirst("html").attr("lang"));
        Document en = page("/en" + articleUrl(seed));
        assertEquals(
                "Posted 27/10/2020 | 10:28 | Views: 0",
                en.selectFirst(".news-article__meta").text());
        // The address decides, as in Magnolia: an English browser gets the Vietnamese page (and a hint).
        Document byHeader = page(articleUrl(seed), "Accept-Language", "en-GB,en;q=0.8");
        assertEquals(
                "Ngày đăng 27/10/2020 | 10:28 | Lượt xem: 0",
                byHeader.selectFirst(".news-article__meta").text());
    }

    @Test
    void articlePageCarriesStructuredDataAndOpenGraph() throws Exception {
        Document doc = page(articleUrl(seed));
        assertEquals(
                "Đảng bộ phường quán triệt nghị quyết",
                doc.selectFirst("h1.news-article__title").text());
        assertEquals("Tóm tắt của bài.", doc.selectFirst(".news-article__lead").text());
        assertEquals("Tin hoạt động", doc.selectFirst(".news-article__category").text());
        JsonNode ld = new ObjectMapper()
                .readTree(doc.selectFirst("script[type=application/ld+json]").data());
        assertEquals("NewsArticle", ld.get("@type").asText());
        assertEquals("Đảng bộ phường quán triệt nghị quyết", ld.get("headline").asText());
        assertEquals("2020-10-27T10:28:00+07:00", ld.get("datePublished").asText());
        assertEquals("article", doc.selectFirst("meta[property=og:type]").attr("content"));
        assertEquals(
                "Đảng bộ phường quán triệt nghị quyết",
                doc.selectFirst("meta[property=og:title]").attr("content"));
        assertTrue(doc.selectFirst("meta[property=og:url]").attr("content").endsWith(articleUrl(seed)));
        assertEquals(
                doc.selectFirst("link[rel=canonical]").attr("href"),
                doc.selectFirst("meta[property=og:url]").attr("content"));
    }

    @Test
    void bodyIsSanitizedAndTitlesAreEscaped() throws Exception {
        Document doc = page(articleUrl(seed));
        Element body = doc.selectFirst(".news-article__body");
        assertEquals(1, body.select("img").size());
        assertTrue(body.select("[onerror]").isEmpty());
        assertTrue(body.select("script").isEmpty());

        HttpResponse<String> raw = get(articleUrl(hostile));
        assertFalse(raw.body().contains("<script>alert('x')"), "the title must be escaped");
        Document evil = Jsoup.parse(raw.body());
        assertEquals(
                "<script>alert('x')</script> & \"quoted\"",
                evil.selectFirst("h1").text());
        for (Element script : evil.select("script")) {
            assertTrue(
                    script.attr("type").equals("application/ld+json")
                            || script.attr("src").contains("/js/views.js")
                            || script.attr("src").contains("/js/site.js"),
                    "no script but the structured data, the view beacon and the site's own: " + script);
        }
        JsonNode ld = new ObjectMapper()
                .readTree(evil.selectFirst("script[type=application/ld+json]").data());
        assertEquals(
                "<script>alert('x')</script> & \"quoted\"", ld.get("headline").asText());
        assertFalse(evil.selectFirst("script[type=application/ld+json]").data().contains("</script"));
    }

    @Test
    void homeShowsTheFeaturedBlockWithoutFutureArticles() throws Exception {
        Document vi = page("/");
        Element block = vi.selectFirst(".news-featured");
        assertEquals(
                "Tin tức nổi bật", block.selectFirst(".news-featured__heading").text());
        List<String> titles = block.select(".news-featured__title").eachText();
        assertEquals("Đảng bộ phường quán triệt nghị quyết", titles.get(0));
        assertFalse(vi.text().contains("Bài hẹn giờ tương lai"));
        assertEquals(
                "Featured news",
                page("/en/").selectFirst(".news-featured__heading").text());
        assertTrue(page("/").selectFirst(".news-featured__title").attr("href").startsWith("/news/2020/10/"));
        assertTrue(
                page("/en/").selectFirst(".news-featured__title").attr("href").startsWith("/en/news/2020/10/"));
    }

    @Test
    void theArticlePageBlockLeavesOutTheArticleShown() throws Exception {
        Document doc = page(articleUrl(seed));
        List<String> related =
                doc.select(".news-page__aside .news-featured__title").eachText();
        assertFalse(related.contains(seed.title()), related.toString());
        assertTrue(related.contains(hostile.title()));
    }

    @Test
    void archiveIsPagedNewestFirst() throws Exception {
        Document first = page("/news");
        List<String> titles = first.select(".news-list__title").eachText();
        assertEquals(10, titles.size());
        assertEquals(seed.title(), titles.get(0));
        assertEquals("2", first.selectFirst("a.news-list__next").attr("href").replace("?page=", ""));
        assertNull(first.selectFirst("a.news-list__previous"));
        Document second = page("/news?page=2");
        assertEquals(4, second.select(".news-list__title").size(), "14 visible articles, 10 per page");
        assertNotNull(second.selectFirst("a.news-list__previous"));
        for (String bad : List.of("abc", "-5", "0", "99999999999")) {
            assertEquals(
                    10, page("/news?page=" + bad).select(".news-list__title").size(), bad);
        }
        assertEquals(4, page("/news?page=7").select(".news-list__title").size(), "past the end: the last page");
    }

    @Test
    void unknownPagesAndArticlesAreLocalized404s() throws Exception {
        for (String missing :
                List.of("/nope", "/news/2020/10/nope.html", "/news/article.html", "/news/2099/01/x.html")) {
            HttpResponse<String> response = get(missing);
            assertEquals(404, response.statusCode(), missing);
            assertTrue(Jsoup.parse(response.body()).text().contains("Không tìm thấy"), missing);
        }
        HttpResponse<String> en = get("/en/nope");
        assertEquals(404, en.statusCode());
        assertTrue(Jsoup.parse(en.body()).text().contains("Page not found"));
        HttpResponse<String> future = get("/news"
                + runtime.articles().list(ArticleQuery.newest(1)).items().get(0).path() + ".html");
        assertEquals(404, future.statusCode(), "a scheduled article is not shown before its time");
    }

    @Test
    void malformedAddressesAre400NotErrors() throws Exception {
        for (String bad : List.of("/news/%3Cscript%3E", "/" + "x".repeat(400), "/news/'%5D", "/news/a%20b")) {
            HttpResponse<String> response = get(bad);
            assertEquals(400, response.statusCode(), bad);
            assertTrue(response.body().contains("news-error"), bad);
        }
        // Jetty refuses some addresses itself, before any servlet: a 400 or a closed connection, never a 500.
        try {
            HttpResponse<String> nul = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(server.baseUrl() + "/a%00b"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(400, nul.statusCode());
        } catch (IOException closedByJetty) {
            assertTrue(closedByJetty.getMessage() != null);
        }
        HttpResponse<String> post = HTTP.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode());
    }

    @Test
    void aBrokenOrMisconfiguredComponentDoesNotTakeThePageDown() throws Exception {
        Session session = runtime.repository().login(WebsitePages.WORKSPACE);
        try {
            Node main = session.getNode("/news/main");
            Node broken = main.addNode("broken", "mgnl:component");
            broken.setProperty("mgnl:template", "news:components/broken");
            Node unknown = main.addNode("unknown", "mgnl:component");
            unknown.setProperty("mgnl:template", "news:components/doesNotExist");
            Node odd = main.addNode("odd", "mgnl:component");
            odd.setProperty("mgnl:template", "news:components/featuredNews");
            odd.setProperty("maxItems", "abc");
            odd.setProperty("layout", "carousel");
            session.save();
            Document doc = page("/news");
            assertTrue(doc.select(".broken").isEmpty());
            assertEquals(10, doc.select(".news-list__title").size(), "the list before them still renders");
            assertEquals(2, doc.select(".news-featured").size(), "the odd block renders with defaults, the aside too");
            assertEquals(5, doc.select(".news-page__main .news-featured__title").size());
            main.getNode("broken").remove();
            main.getNode("unknown").remove();
            main.getNode("odd").remove();
            session.save();
        } finally {
            session.logout();
        }
    }

    @Test
    void feedIsRss2() throws Exception {
        HttpResponse<String> response = get("/news/feed.xml");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/rss+xml"));
        var factory = DocumentBuilderFactory.newInstance();
        var xml = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
        assertEquals("rss", xml.getDocumentElement().getTagName());
        assertEquals("2.0", xml.getDocumentElement().getAttribute("version"));
        var channel = (org.w3c.dom.Element) xml.getElementsByTagName("channel").item(0);
        for (String required : List.of("title", "link", "description")) {
            assertEquals(1, children(channel, required).size(), "channel/" + required);
        }
        NodeList items = channel.getElementsByTagName("item");
        assertEquals(14, items.getLength(), "visible articles only");
        for (int i = 0; i < items.getLength(); i++) {
            var item = (org.w3c.dom.Element) items.item(i);
            String link = children(item, "link").get(0).getTextContent();
            assertTrue(link.startsWith("http://localhost:"), link);
            DateTimeFormatter.RFC_1123_DATE_TIME.parse(
                    children(item, "pubDate").get(0).getTextContent());
            assertFalse(children(item, "guid").get(0).getTextContent().isBlank());
        }
        assertEquals(
                hostile.title(),
                children((org.w3c.dom.Element) items.item(1), "title").get(0).getTextContent());
    }

    @Test
    void stylesheetIsServedAndNothingElseIs() throws Exception {
        HttpResponse<String> css = get("/.resources/news/webresources/css/news.css");
        assertEquals(200, css.statusCode());
        assertTrue(css.body().contains(".news-featured"));
        assertEquals(404, get("/.resources/news/webresources/css/missing.css").statusCode());
        int climbing = get("/.resources/news/webresources/%2e%2e/module.yaml").statusCode();
        assertTrue(climbing == 400 || climbing == 404, "status " + climbing);
    }

    private static List<org.w3c.dom.Element> children(org.w3c.dom.Element parent, String name) {
        List<org.w3c.dom.Element> out = new ArrayList<>();
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof org.w3c.dom.Element e && e.getTagName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }
}
