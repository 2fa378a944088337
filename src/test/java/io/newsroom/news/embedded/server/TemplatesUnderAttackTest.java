package io.newsroom.news.embedded.server;

import static io.newsroom.news.TestArticles.draft;
import static org.junit.jupiter.api.Assertions.*;

import io.newsroom.news.article.Article;
import io.newsroom.news.article.ArticleDraft;
import io.newsroom.news.pages.WebsitePages;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import javax.jcr.Node;
import javax.jcr.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every template, rendered with hostile text in every value it prints (article fields, component
 * settings, the address), prints it as text: FreeMarker's HTML auto-escaping in each file, includes
 * too, and addresses percent-encoded. Also: Magnolia's stored rich text links render as addresses.
 */
class TemplatesUnderAttackTest {
    private static final String ATTACK = "\"'><script>alert('x')</script><img src=x onerror=alert(1)>";
    private static TestSite site;
    private static NewsRuntime runtime;
    private static SiteServer server;
    private static Article hostile;

    @BeforeAll
    static void start() throws Exception {
        site = TestSite.start(RuntimeConfig.forTests());
        runtime = site.runtime;
        ArticleDraft d = draft("Tiêu đề " + ATTACK, Instant.now().minusSeconds(60));
        d.setLead("Tóm tắt " + ATTACK);
        d.setCategory("Mục " + ATTACK);
        d.setAuthor("Tác giả " + ATTACK);
        d.setBody("<p>Nội dung</p><script>alert('body')</script><a href=\"javascript:alert(1)\">x</a>");
        d.setFeatured(true);
        hostile = runtime.articles().create(d, "t");
        // Its English version is as hostile, at the same address name (so /en plus its address shows it).
        ArticleDraft english = hostile.toDraft();
        english.getEnglish().setTitle("Tiêu đề " + ATTACK);
        english.getEnglish().setLead("Tóm tắt " + ATTACK);
        english.getEnglish().setBody(d.getBody());
        english.getEnglish().setSlug(hostile.name());
        hostile = runtime.articles().update(hostile.id(), hostile.version(), english, "t");
        runtime.publishing().publishEnglish(hostile.id(), "t");
        Session website = runtime.repository().login(WebsitePages.WORKSPACE);
        try {
            // Component settings as a site builder (or whoever got into the dialog) typed them.
            for (String component : List.of("/home/main/0", "/home/main/1", "/home/aside/0", "/home/aside/1")) {
                Node node = website.getNode(component);
                node.setProperty("heading", "Khối " + ATTACK);
                node.setProperty("layout", ATTACK);
                node.setProperty("period", ATTACK);
            }
            website.save();
        } finally {
            website.logout();
        }
        server = site.serve();
    }

    @AfterAll
    static void stop() throws Exception {
        site.close();
    }

    @Test
    void hostileTextIsPrintedAsTextOnEveryPage() throws Exception {
        for (String path : List.of(
                "/", "/en/", "/news", "/news" + hostile.path() + ".html", "/en/news" + hostile.path() + ".html")) {
            HttpResponse<String> page = get(path);
            assertEquals(200, page.statusCode(), path);
            String html = page.body();
            assertTrue(html.contains("Tiêu đề"), path + " shows the article");
            assertFalse(html.contains("<script>alert"), path + ": " + excerpt(html, "<script>alert"));
            assertFalse(html.contains("<img src=x"), path + ": " + excerpt(html, "<img src=x"));
            assertFalse(html.contains("'><"), path + ": an attribute was broken out of: " + excerpt(html, "'><"));
            assertFalse(html.contains("javascript:"), path + ": " + excerpt(html, "javascript:"));
            assertTrue(html.contains("&lt;script&gt;alert("), path + " shows the text escaped");
        }
    }

    @Test
    void theLanguageSwitchEncodesTheAddressItLinksTo() {
        String link = runtime.newsFunctions().switchLanguage("/news/\"><script>alert(1)</script>", "", "en");
        assertEquals("/en/news/%22%3E%3Cscript%3Ealert%281%29%3C/script%3E", link);
        assertEquals("/news/a%20b", runtime.newsFunctions().switchLanguage("/en/news/a b", "", "vi"));
    }

    @Test
    void storedMagnoliaLinksInAnImportedBodyRenderAsAddresses() throws Exception {
        Article article = runtime.articles()
                .create(draft("Tin nhập từ Magnolia", Instant.now().minusSeconds(30)), "t");
        String homeId;
        Session website = runtime.repository().login(WebsitePages.WORKSPACE);
        try {
            homeId = website.getNode("/home").getIdentifier();
        } finally {
            website.logout();
        }
        Session news = runtime.repository().login("news");
        try {
            // As Magnolia's rich text field stored it, and an import brought it here unchanged.
            news.getNodeByIdentifier(article.id())
                    .setProperty(
                            "body",
                            "<p><a href=\"${link:{uuid:{" + homeId
                                    + "},repository:{website},path:{/old-home}}}\">Trang chủ</a> và <a href=\"${link:{uuid:{"
                                    + hostile.id()
                                    + "},repository:{news},path:{/gone}}}\">tin khác</a> và <a href=\"${link:{uuid:{"
                                    + "00000000-0000-0000-0000-000000000000},repository:{website},path:{/removed/page}}}\">trang đã xoá</a></p>");
            news.save();
        } finally {
            news.logout();
        }
        String html = get("/news" + article.path() + ".html").body();
        assertTrue(html.contains("<a href=\"/home.html\">Trang chủ</a>"), html);
        assertTrue(
                html.contains("<a href=\"/news" + hostile.path() + ".html\">tin khác</a>"),
                "articles link to their page");
        assertTrue(
                html.contains("<a href=\"/removed/page.html\">trang đã xoá</a>"),
                "the stored path when the node is gone");
        assertFalse(html.contains("${link:"));
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return site.get(path);
    }

    private static String excerpt(String html, String needle) {
        int at = html.indexOf(needle);
        return at < 0 ? "" : html.substring(Math.max(0, at - 80), Math.min(html.length(), at + 80));
    }
}
