package io.newsroom.news.embedded.admin;

import static io.newsroom.news.embedded.admin.AdminBrowserTest.click;
import static io.newsroom.news.embedded.admin.AdminBrowserTest.find;
import static io.newsroom.news.embedded.admin.AdminBrowserTest.type;
import static org.junit.jupiter.api.Assertions.*;

import io.newsroom.news.Browser;
import io.newsroom.news.article.Actor;
import io.newsroom.news.article.Role;
import io.newsroom.news.article.ValidationException;
import io.newsroom.news.embedded.server.DemoContentAccess;
import io.newsroom.news.embedded.server.NewsRuntime;
import io.newsroom.news.embedded.server.RuntimeConfig;
import io.newsroom.news.embedded.server.SiteServer;
import io.newsroom.news.pages.SiteMenu;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The site's menu, made from its pages: changed by a site builder, read by readers in both languages. */
class SiteMenuBrowserTest {
    private static NewsRuntime runtime;
    private static SiteServer server;
    private static ChromeDriver browser;
    private static WebDriverWait wait;

    @BeforeAll
    static void start() throws Exception {
        runtime = NewsRuntime.start(RuntimeConfig.forTests());
        DemoContentAccess.createPages(runtime);
        server = SiteServer.start(runtime, 0);
        AdminBrowserTest.serverFor(server);
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        server.close();
        runtime.close();
    }

    @Test
    void theMenuIsThePagesInTheirOrderAndTitlesAndOnlyASiteBuilderChangesIt() throws Exception {
        SiteMenu menu = runtime.menu();
        assertEquals(
                List.of(new SiteMenu.Link("Trang chủ", "/"), new SiteMenu.Link("Tin tức", "/news")),
                menu.links("vi"),
                "the demo's pages, the start page as /");
        assertEquals(
                List.of("Home", "News"),
                menu.links("en").stream().map(SiteMenu.Link::title).toList());
        assertThrows(
                ValidationException.class,
                () -> menu.set("/news", "x".repeat(SiteMenu.MAX_TITLE + 1), null, true, "admin"));
        assertThrows(
                Actor.NotAllowedException.class,
                () -> Actor.runAs(new Actor("nam", Role.EDITOR), () -> {
                    menu.move("/news", -1, "nam");
                    return null;
                }));
        assertEquals("Tin tức", menu.links("vi").get(1).title(), "refusals change nothing");

        signedIn();
        click(browser, "#nav-pages");
        AdminBrowserTest.clickInRow(browser, "#site-menu", "Tin tức", "menu-edit");
        type(browser, "menu-title-en", "Ward news");
        click(browser, "#menu-save");
        wait.until(d -> AdminBrowserTest.rowsOf(browser, "#site-menu").stream()
                .anyMatch(r -> r.contains("Tin tức") && r.contains("Ward news")));
        AdminBrowserTest.clickInRow(browser, "#site-menu", "Tin tức", "menu-up");
        wait.until(d -> AdminBrowserTest.rowsOf(browser, "#site-menu").get(0).contains("Tin tức"));

        browser.get(server.baseUrl() + "/en/");
        wait.until(d -> headerLinks().equals(List.of("Ward news", "Home")));
        browser.get(server.baseUrl() + "/");
        wait.until(d -> headerLinks().equals(List.of("Tin tức", "Trang chủ")));

        // Hidden from the menu: the page stays, the menu leaves it out.
        browser.get(AdminBrowserTest.admin() + "pages");
        AdminBrowserTest.clickInRow(browser, "#site-menu", "Trang chủ", "menu-edit");
        click(browser, "#menu-shown input");
        wait.until(d ->
                !Boolean.TRUE.equals(browser.executeScript("return document.querySelector('#menu-shown').checked")));
        click(browser, "#menu-save");
        wait.until(d -> AdminBrowserTest.rowsOf(browser, "#site-menu").stream()
                .anyMatch(r -> r.contains("Trang chủ") && r.contains("Ẩn")));
        browser.get(server.baseUrl() + "/");
        wait.until(d -> headerLinks().equals(List.of("Tin tức")));
    }

    @Test
    void aSiteBuilderMakesAPageGivesItABlockPutsItInTheMenuAndDeletesIt() throws Exception {
        signedIn();
        browser.get(AdminBrowserTest.admin() + "pages");
        click(browser, "#new-page");
        click(browser, "#new-page-create");
        wait.until(d -> errorOf("new-page-title").equals("Trường này là bắt buộc."));
        type(browser, "new-page-title", "Giới thiệu phường");
        type(browser, "new-page-title-en", "About the ward");
        type(browser, "new-page-address", "news");
        click(browser, "#new-page-create");
        wait.until(d -> errorOf("new-page-address").contains("/news đã được dùng"));
        assertFalse(runtime.sitePages().isGone("/gioi-thieu-phuong"));
        type(browser, "new-page-address", "");
        click(browser, "#new-page-create");
        // Made from the title, chosen, and ready for blocks.
        wait.until(d -> text(find(browser, "#page-select")).contains("/gioi-thieu-phuong"));
        wait.until(d -> text(find(browser, "#page-state")).startsWith("Chưa đăng"));
        assertEquals(404, status("/gioi-thieu-phuong"), "not for readers before it is published");

        // A block, its settings checked before they are saved.
        click(browser, "#add-main");
        type(browser, "field-maxItems", "50");
        click(browser, "#component-save");
        wait.until(d -> "Hãy chọn một số từ 1 đến 20.".equals(errorOf("field-maxItems")));
        type(browser, "field-maxItems", "3");
        click(browser, "#component-save");
        wait.until(d -> !browser.findElements(By.cssSelector("#area-main .component-row"))
                .isEmpty());
        assertEquals(404, status("/gioi-thieu-phuong"), "still a draft");

        // Previewed through its signed link, then published.
        click(browser, "#preview-page");
        String preview = find(browser, "#preview-link-vi").getDomAttribute("href");
        String shown = get(preview);
        assertTrue(shown.contains("news-featured") && shown.contains("Giới thiệu phường"), "the draft with its block");
        click(browser, "#preview-dialog-close");
        wait.until(d ->
                d.findElements(By.cssSelector("vaadin-dialog-overlay[opened]")).isEmpty());
        click(browser, "#publish-page");
        wait.until(d -> status("/gioi-thieu-phuong") == 200);
        wait.until(d -> text(find(browser, "#page-state")).startsWith("Đã đăng"));
        assertTrue(get("/gioi-thieu-phuong").contains("news-featured"), "the block is on the page");

        // In the menu, at the end; moved one place up.
        List<String> before = headerLinksOf("/en/");
        assertEquals("About the ward", before.get(before.size() - 1));
        int last = pagesInMenuOrder().size() - 1;
        assertEquals(last, pagesInMenuOrder().indexOf("/gioi-thieu-phuong"));
        AdminBrowserTest.clickInRow(browser, "#site-menu", "Giới thiệu phường", "menu-up");
        wait.until(d -> pagesInMenuOrder().indexOf("/gioi-thieu-phuong") == last - 1);

        // Deleted: gone from the menu, and its address says so (410) in the reader's language.
        click(browser, "#delete-page");
        click(browser, "#confirm-delete-page-button");
        wait.until(d -> status("/gioi-thieu-phuong") == 410);
        assertTrue(get("/gioi-thieu-phuong").contains("Trang này không còn nữa"));
        assertFalse(headerLinksOf("/").contains("Giới thiệu phường"));
        assertTrue(runtime.sitePages().isGone("/gioi-thieu-phuong"));
        assertFalse(runtime.sitePages().deletable("/home"), "the site's own pages stay");
    }

    @Test
    void aContentPageGetsATextBlockWrittenInTheRichTextEditor() throws Exception {
        signedIn();
        browser.get(AdminBrowserTest.admin() + "pages");
        click(browser, "#new-page");
        type(browser, "new-page-title", "Giờ tiếp dân");
        click(browser, "#new-page-template");
        WebElement content = wait.until(d -> d.findElements(By.cssSelector("vaadin-select-item")).stream()
                .filter(i -> i.getText().startsWith("Trang nội dung"))
                .findFirst()
                .orElse(null));
        browser.executeScript("arguments[0].click();", content);
        click(browser, "#new-page-create");
        wait.until(d -> text(find(browser, "#page-select")).contains("/gio-tiep-dan"));

        // The content page's first block is text; its text is required, then written in the editor.
        click(browser, "#add-main");
        wait.until(d -> d.findElements(By.cssSelector("#field-body .ql-editor")).stream()
                .anyMatch(WebElement::isDisplayed));
        click(browser, "#component-save");
        wait.until(d -> "Trường này là bắt buộc.".equals(errorOf("field-body")));
        WebElement editor = find(browser, "#field-body .ql-editor");
        editor.click();
        editor.sendKeys("Sáng thứ Hai đến thứ Sáu");
        click(browser, "#component-save");
        wait.until(d -> draftBody("/gio-tiep-dan").contains("<p>Sáng thứ Hai đến thứ Sáu</p>"));

        wait.until(d ->
                d.findElements(By.cssSelector("vaadin-dialog-overlay[opened]")).isEmpty());

        // Dragged from the main column to the aside (a text block may go there too).
        wait.until(
                d -> d.findElements(By.cssSelector("#area-main .component-row")).size() == 1);
        browser.executeScript("const source = document.querySelector('#area-main .component-row');"
                + "const target = document.querySelector('#area-aside .component-drop-end');"
                + "const data = new DataTransfer();"
                + "source.dispatchEvent(new DragEvent('dragstart', {bubbles: true, dataTransfer: data}));"
                + "target.dispatchEvent(new DragEvent('dragenter', {bubbles: true, cancelable: true, dataTransfer: data}));"
                + "target.dispatchEvent(new DragEvent('dragover', {bubbles: true, cancelable: true, dataTransfer: data}));"
                + "target.dispatchEvent(new DragEvent('drop', {bubbles: true, cancelable: true, dataTransfer: data}));"
                + "source.dispatchEvent(new DragEvent('dragend', {bubbles: true, dataTransfer: data}));");
        wait.until(d ->
                d.findElements(By.cssSelector("#area-aside .component-row")).size() == 1
                        && d.findElements(By.cssSelector("#area-main .component-row"))
                                .isEmpty());

        click(browser, "#publish-page");
        wait.until(d -> status("/gio-tiep-dan") == 200);
        org.jsoup.nodes.Document published = org.jsoup.Jsoup.parse(get("/gio-tiep-dan"));
        assertTrue(published.select(".news-page__aside").html().contains("Sáng thứ Hai đến thứ Sáu"), "in the aside");
        assertFalse(published.select(".news-page__main").html().contains("Sáng thứ Hai đến thứ Sáu"));

        // Gone again, so the menu of the other tests is the site's own.
        click(browser, "#delete-page");
        click(browser, "#confirm-delete-page-button");
        wait.until(d -> status("/gio-tiep-dan") == 410);
    }

    /** The formatted text of the first block of the page's draft copy (empty while there is none). */
    private static String draftBody(String page) {
        try {
            javax.jcr.Session session = runtime.repository().login(io.newsroom.news.pages.PageDrafts.WORKSPACE);
            try {
                javax.jcr.Node main = session.getNode(page + "/main");
                javax.jcr.NodeIterator blocks = main.getNodes();
                return blocks.hasNext() ? blocks.nextNode().getProperty("body").getString() : "";
            } finally {
                session.logout();
            }
        } catch (javax.jcr.RepositoryException e) {
            return "";
        }
    }

    /** Every top-level page in menu order, shown or hidden. */
    private static List<String> pagesInMenuOrder() {
        try {
            return runtime.menu().entries().stream().map(SiteMenu.Entry::path).toList();
        } catch (Exception e) {
            return List.of();
        }
    }

    /** Signed in as the administrator (once for the class: the session stays). */
    private static void signedIn() {
        browser.get(AdminBrowserTest.admin());
        find(browser, "vaadin-login-form, #articles");
        if (!browser.findElements(By.cssSelector("vaadin-login-form")).isEmpty()) {
            AdminBrowserTest.signIn(browser, "admin", RuntimeConfig.TEST_ADMIN_PASSWORD);
        }
        find(browser, "#articles");
    }

    private static String errorOf(String id) {
        return String.valueOf(find(browser, "#" + id).getDomProperty("errorMessage"));
    }

    private static String text(WebElement element) {
        return String.valueOf(element.getDomProperty("textContent"));
    }

    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();

    private static java.net.http.HttpResponse<String> fetch(String path) throws Exception {
        return HTTP.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.baseUrl() + path))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    private static int status(String path) {
        try {
            return fetch(path).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static String get(String path) throws Exception {
        return fetch(path).body();
    }

    /** The header's menu as a reader of {@code path} sees it (read from the served page). */
    private static List<String> headerLinksOf(String path) {
        try {
            return org.jsoup.Jsoup.parse(get(path)).select(".news-header__nav .news-header__link").stream()
                    .map(e -> e.text().strip())
                    .toList();
        } catch (Exception e) {
            return List.of();
        }
    }

    private static List<String> headerLinks() {
        return browser.findElements(By.cssSelector(".news-header__nav .news-header__link")).stream()
                .map(WebElement::getText)
                .map(String::strip)
                .toList();
    }
}
