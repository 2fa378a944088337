package io.newsroom.news.embedded.server;

import static org.junit.jupiter.api.Assertions.*;

import io.newsroom.news.definitions.Messages;
import io.newsroom.news.pages.PageDrafts;
import io.newsroom.news.pages.SiteMenu;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.jcr.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A site builder's page changes are drafts until published: readers keep the published page, a signed
 * preview shows the draft, publishing gives readers the draft in the page's place, discarding takes the
 * draft back to what readers have. Read over HTTP from the real templates.
 */
class PageDraftsTest {
    private static TestSite site;
    private static NewsRuntime runtime;
    private static PageDrafts drafts;

    @BeforeAll
    static void start() throws Exception {
        site = TestSite.start(RuntimeConfig.forTests());
        runtime = site.runtime;
        drafts = runtime.pageDrafts();
        drafts.copyNewPages();
        site.serve();
    }

    @AfterAll
    static void stop() throws Exception {
        site.close();
    }

    @Test
    void aChangedBlockReachesReadersOnlyWhenThePageIsPublished() throws Exception {
        assertEquals(PageDrafts.State.PUBLISHED, drafts.state("/home"), "a fresh copy is what readers have");
        List<String> orderBefore = topPages();
        String heading = headingOfFirstAsideBlock();
        setDraftHeading("Tin mới của tuần");
        assertEquals(PageDrafts.State.CHANGED, drafts.state("/home"));
        assertTrue(site.get("/").body().contains(heading), "readers keep the published page");
        assertFalse(site.get("/").body().contains("Tin mới của tuần"));

        String preview = site.get(
                        runtime.previews().page("/home", Messages.VIETNAMESE).path())
                .body();
        assertTrue(preview.contains("Tin mới của tuần"), "the preview shows the draft");
        assertTrue(preview.contains("noindex"), "a preview is not for search engines");
        assertTrue(preview.contains("news-page__preview"), "and says it is a preview");
        String englishPreview = site.get(
                        runtime.previews().page("/home", Locale.ENGLISH).path())
                .body();
        assertTrue(englishPreview.contains("<html lang=\"en\">"));

        drafts.publish("/home", "nam");
        assertEquals(PageDrafts.State.PUBLISHED, drafts.state("/home"));
        assertTrue(site.get("/").body().contains("Tin mới của tuần"), "readers get the published draft");
        assertEquals(orderBefore, topPages(), "the page keeps its place in the site (and the menu)");
    }

    @Test
    void discardingTakesTheDraftBackToWhatReadersHave() throws Exception {
        drafts.publish("/home", "nam");
        String published = headingOfFirstAsideBlock();
        setDraftHeading("Một thay đổi sẽ bị bỏ");
        assertEquals(PageDrafts.State.CHANGED, drafts.state("/home"));
        drafts.discard("/home", "nam");
        assertEquals(PageDrafts.State.PUBLISHED, drafts.state("/home"));
        assertEquals(published, headingOfFirstAsideBlock());
    }

    @Test
    void aNewPageIsADraftUntilPublishedAndThenTakesItsPlaceInTheMenu() throws Exception {
        String path = runtime.sitePages().create("Trang hỏi đáp", "Questions", "hoi-dap", "news:pages/home", "nam");
        assertEquals(PageDrafts.State.NEW, drafts.state(path));
        assertEquals(404, site.get("/hoi-dap").statusCode(), "not for readers before it is published");
        assertTrue(runtime.menu().entries().stream().noneMatch(e -> e.path().equals(path)), "nor in the menu");
        HttpResponse<String> preview =
                site.get(runtime.previews().page(path, Messages.VIETNAMESE).path());
        assertEquals(200, preview.statusCode());
        assertTrue(preview.body().contains("Trang hỏi đáp"));

        drafts.publish(path, "nam");
        assertEquals(200, site.get("/hoi-dap").statusCode());
        List<SiteMenu.Entry> menu = runtime.menu().entries();
        assertEquals(path, menu.get(menu.size() - 1).path(), "a new page goes last in the menu");

        runtime.sitePages().delete(path, "nam");
        assertEquals(410, site.get("/hoi-dap").statusCode());
        assertFalse(
                runtime.adminContext().pages().pages().stream()
                        .anyMatch(p -> p.path().equals(path)),
                "its draft went too");
    }

    @Test
    void aContentPageShowsItsTextBlocksCleanedInTheReadersLanguage() throws Exception {
        String path = runtime.sitePages().create("Giờ làm việc", "Opening hours", null, "news:pages/content", "nam");
        assertEquals("/gio-lam-viec", path);
        String block = runtime.adminContext()
                .pages()
                .add(
                        path,
                        "main",
                        "news:components/text",
                        Map.of(
                                "heading", "Bộ phận một cửa",
                                "heading_en", "One-stop desk",
                                "body", "<p>Sáng thứ Hai đến thứ Bảy.</p><script>alert(1)</script>",
                                "body_en", "<p onclick=\"alert(2)\">Monday to Saturday mornings.</p>"),
                        "nam");
        assertTrue(block.startsWith(path + "/main/"));
        drafts.publish(path, "nam");

        String vi = site.get("/gio-lam-viec").body();
        assertTrue(vi.contains("<h1 class=\"news-page__title\">Giờ làm việc</h1>"), vi);
        assertTrue(vi.contains("<h2 class=\"news-text__heading\">Bộ phận một cửa</h2>"));
        assertTrue(vi.contains("<p>Sáng thứ Hai đến thứ Bảy.</p>"));
        assertFalse(vi.contains("alert(1)"), "a script written into the node never reaches the page");
        String en = site.get("/en/gio-lam-viec").body();
        assertTrue(en.contains("Opening hours") && en.contains("One-stop desk"), en);
        assertTrue(en.contains("<p>Monday to Saturday mornings.</p>"));
        assertFalse(en.contains("onclick"));
    }

    @Test
    void aPageBelowAnotherIsPublishedAfterItAndGoesWithIt() throws Exception {
        String parent = runtime.sitePages().create("Giới thiệu", "About", null, "news:pages/content", "nam");
        String child = runtime.sitePages()
                .create(parent, "Lịch sử phường", "Ward history", "lich-su", "news:pages/content", "nam");
        assertEquals("/gioi-thieu/lich-su", child);
        assertEquals(PageDrafts.State.NEW, drafts.state(child));
        assertThrows(PageDrafts.ParentNotPublished.class, () -> drafts.publish(child, "nam"), "its parent first");
        assertEquals(404, site.get("/gioi-thieu/lich-su").statusCode());

        drafts.publish(parent, "nam");
        assertEquals(200, site.get("/gioi-thieu/lich-su").statusCode(), "a parent brings its subpages");
        assertTrue(site.get("/en/gioi-thieu/lich-su").body().contains("Ward history"));
        assertTrue(runtime.menu().entries().stream().noneMatch(e -> e.path().equals(child)), "the menu is top-level");

        // The same address below the same parent is taken; the news section takes no pages (its addresses are
        // its categories').
        io.newsroom.news.article.ValidationException taken = assertThrows(
                io.newsroom.news.article.ValidationException.class,
                () -> runtime.sitePages().create(parent, "Lịch sử", null, "lich-su", "news:pages/content", "nam"));
        assertEquals("name", taken.errors().get(0).field());
        io.newsroom.news.article.ValidationException news = assertThrows(
                io.newsroom.news.article.ValidationException.class,
                () -> runtime.sitePages().create("/news", "Trang lạ", null, null, "news:pages/content", "nam"));
        assertEquals("parent", news.errors().get(0).field());

        // Deleting the parent takes its subpages; both addresses then answer 410.
        runtime.sitePages().delete(parent, "nam");
        assertEquals(410, site.get("/gioi-thieu").statusCode());
        assertEquals(410, site.get("/gioi-thieu/lich-su").statusCode());
    }

    @Test
    void aBlockMovesToAnotherAreaThatTakesItAndNowhereElse() throws Exception {
        String path = runtime.sitePages().create("Trang kéo thả", null, null, "news:pages/content", "nam");
        var pages = runtime.adminContext().pages();
        String first = pages.add(path, "main", "news:components/text", Map.of("body", "<p>Một</p>"), "nam");
        String list = pages.add(path, "main", "news:components/newsList", Map.of(), "nam");
        String moved = pages.moveTo(first, "aside", null, "nam");
        assertEquals(path + "/aside/0", moved);
        assertEquals(List.of(list), paths(path, "main"));
        assertEquals(List.of(moved), paths(path, "aside"));
        String back = pages.moveTo(moved, "main", list, "nam");
        assertEquals(List.of(back, list), paths(path, "main"), "dropped before the list");
        assertThrows(
                IllegalArgumentException.class,
                () -> pages.moveTo(list, "aside", null, "nam"),
                "a news list is not an aside block on this template");
        assertThrows(IllegalArgumentException.class, () -> pages.moveTo(list, "footer", null, "nam"));
        assertEquals(List.of(back, list), paths(path, "main"), "a refused move changes nothing");
    }

    private static List<String> paths(String page, String area) throws Exception {
        return runtime.adminContext().pages().areas(page).stream()
                .filter(a -> a.name().equals(area))
                .findFirst()
                .orElseThrow()
                .components()
                .stream()
                .map(c -> c.path())
                .toList();
    }

    @Test
    void aPreviewLinkOnlyWorksSignedAndForAPage() throws Exception {
        String link = runtime.previews().page("/home", Messages.VIETNAMESE).path();
        assertEquals(403, site.get(link.replace("sig=", "sig=x")).statusCode(), "a changed signature is refused");
        assertEquals(
                403,
                site.get(link.replace("page=%2Fhome", "page=%2Fnews")).statusCode(),
                "the signature is for one page");
        String gone = runtime.previews().page("/khong-co", Messages.VIETNAMESE).path();
        assertEquals(403, site.get(gone).statusCode(), "no such page: nothing to show");
    }

    private static List<String> topPages() throws Exception {
        return runtime.menu().entries().stream().map(SiteMenu.Entry::path).toList();
    }

    private static String headingOfFirstAsideBlock() throws Exception {
        Session session = runtime.repository().login(PageDrafts.WORKSPACE);
        try {
            return session.getNode("/home/aside/0").getProperty("heading").getString();
        } finally {
            session.logout();
        }
    }

    private static void setDraftHeading(String heading) throws Exception {
        Session session = runtime.repository().login(PageDrafts.WORKSPACE);
        try {
            session.getNode("/home/aside/0").setProperty("heading", heading);
            session.save();
        } finally {
            session.logout();
        }
    }
}
