package io.newsroom.news.embedded.admin;

import static io.newsroom.news.TestArticles.unpublished;
import static io.newsroom.news.embedded.admin.AdminBrowserTest.admin;
import static io.newsroom.news.embedded.admin.AdminBrowserTest.click;
import static io.newsroom.news.embedded.admin.AdminBrowserTest.find;
import static io.newsroom.news.embedded.admin.AdminBrowserTest.type;
import static org.junit.jupiter.api.Assertions.*;

import io.newsroom.news.Browser;
import io.newsroom.news.article.Article;
import io.newsroom.news.article.ArticleDraft;
import io.newsroom.news.definitions.Messages;
import io.newsroom.news.embedded.server.DemoContentAccess;
import io.newsroom.news.embedded.server.NewsRuntime;
import io.newsroom.news.embedded.server.RuntimeConfig;
import io.newsroom.news.embedded.server.SiteServer;
import io.newsroom.news.pages.PageDrafts;
import io.newsroom.news.publishing.ArticleVersion;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.jcr.Node;
import javax.jcr.PropertyType;
import javax.jcr.Session;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** An editor's publishing work in the real browser: versions, compare, restore and previews. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EditorialBrowserTest {
    private static NewsRuntime runtime;
    private static SiteServer server;
    private static ChromeDriver browser;
    private static WebDriverWait wait;

    @BeforeAll
    static void start() throws Exception {
        runtime = NewsRuntime.start(RuntimeConfig.forTests());
        DemoContentAccess.createPages(runtime);
        server = SiteServer.start(runtime, 0);
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
    }

    @BeforeEach
    void thisServer() {
        AdminBrowserTest.serverFor(server);
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
    @Order(1)
    void signIn() {
        AdminBrowserTest.signIn(browser, "admin", RuntimeConfig.TEST_ADMIN_PASSWORD);
        assertNotNull(find(browser, "#articles"));
    }

    @Test
    @Order(2)
    void publishingKeepsAVersionThatCanBeComparedAndRestored() throws Exception {
        ArticleDraft d = unpublished("Tiêu đề ban đầu", Instant.now().minus(Duration.ofHours(1)));
        d.setBody("<p>Đoạn giữ nguyên</p><p>Đoạn sẽ bị sửa</p>");
        Article article = runtime.articles().create(d, "nam");
        browser.get(admin() + "article?id=" + article.id());
        wait.until(e -> find(browser, "#versions-empty").isDisplayed());

        click(browser, "#publish");
        wait.until(e -> history(article).size() == 1);
        String first = history(article).get(0).name();
        wait.until(e -> !browser.findElements(By.id("version-compare-" + first)).isEmpty());

        // Someone changes the article; the editor reloads and compares the published version with it.
        ArticleDraft change = article.toDraft();
        change.setTitle("Tiêu đề đã đổi");
        change.setLead(LONG_LEAD);
        change.setBody("<p>Đoạn giữ nguyên</p><p>Đoạn mới viết lại</p>");
        saveAsAnotherEditor(article, change);
        browser.navigate().refresh();
        click(browser, "#version-compare-" + first.replace(".", "\\."));
        WebElement fields = find(browser, "#compare-fields");
        wait.until(e ->
                fields.getText().contains("Tiêu đề ban đầu") && fields.getText().contains("Tiêu đề đã đổi"));
        assertEquals(
                "Đoạn sẽ bị sửa",
                text(find(browser, "#compare-body .news-diff__removed")).substring(2));
        assertEquals(
                "Đoạn mới viết lại",
                text(find(browser, "#compare-body .news-diff__added")).substring(2));
        assertTrue(text(find(browser, "#compare-body .news-diff__same")).contains("Đoạn giữ nguyên"));
        // Word by word: only the words that changed are marked, the shared "Đoạn" is not.
        assertEquals(List.of("sẽ", "bị", "sửa"), texts("#compare-body .news-diff__removed .news-diff__word-removed"));
        assertEquals(List.of("mới", "viết", "lại"), texts("#compare-body .news-diff__added .news-diff__word-added"));
        // The whole long lead, in the admin's own font (not monospace), nothing cut with "…".
        assertTrue(text(fields).contains(LONG_LEAD), "the whole lead: " + text(fields));
        assertFalse(text(fields).contains("…"));
        Object font = browser.executeScript(
                "return getComputedStyle(document.querySelector('#compare-body .news-diff__added')).fontFamily");
        assertFalse(String.valueOf(font).contains("monospace"), String.valueOf(font));
        click(browser, "#compare-dialog-close");

        // Restore, after a confirmation: the old text is current again, the replaced one a version.
        click(browser, "#version-restore-" + first.replace(".", "\\."));
        click(browser, "#confirm-restore-button");
        wait.until(e -> title(article).equals("Tiêu đề ban đầu"));
        wait.until(e -> "Tiêu đề ban đầu".equals(find(browser, "#title input").getDomProperty("value")));
        List<ArticleVersion> history = history(article);
        assertEquals(2, history.size());
        assertEquals("Tiêu đề đã đổi", history.get(0).content().title(), "nothing is lost");
        assertEquals(
                "<p>Đoạn giữ nguyên</p><p>Đoạn sẽ bị sửa</p>",
                runtime.articles().findById(article.id()).orElseThrow().body());

        // "Save version" with a comment.
        click(browser, "#save-version");
        type(browser, "version-comment", "Bản gửi lãnh đạo duyệt");
        click(browser, "#save-version-button");
        wait.until(e -> history(article).size() == 3);
        assertEquals("Bản gửi lãnh đạo duyệt", history(article).get(0).comment());
        wait.until(e -> find(browser, "#versions-grid").getText().contains("Bản gửi lãnh đạo duyệt")
                || cells().contains("Bản gửi lãnh đạo duyệt"));
    }

    @Test
    @Order(3)
    void thePreviewShowsTheUnsavedFormInANewTabAndSavesNothing() throws Exception {
        Article article = runtime.articles()
                .create(unpublished("Bài trước khi sửa", Instant.now().minus(Duration.ofHours(1))), "nam");
        browser.get(admin() + "article?id=" + article.id());
        wait.until(e -> "Bài trước khi sửa".equals(find(browser, "#title input").getDomProperty("value")));
        type(browser, "title", "Tiêu đề chưa lưu để xem trước");
        click(browser, "#preview");
        String vi = find(browser, "#preview-link-vi").getDomAttribute("href");
        String en = find(browser, "#preview-link-en").getDomAttribute("href");
        assertEquals("_blank", find(browser, "#preview-link-vi").getDomAttribute("target"));

        String editor = browser.getWindowHandle();
        browser.switchTo().newWindow(WindowType.TAB);
        try {
            browser.get(server.baseUrl() + vi);
            wait.until(e -> browser.getPageSource().contains("Tiêu đề chưa lưu để xem trước"));
            assertTrue(find(browser, ".news-article__preview").isDisplayed(), "the page says it is a preview");
            browser.get(server.baseUrl() + en);
            wait.until(e -> "en".equals(find(browser, "html").getDomAttribute("lang")));
            assertTrue(browser.getPageSource().contains("Tiêu đề chưa lưu để xem trước"));
        } finally {
            browser.close();
            browser.switchTo().window(editor);
        }
        assertEquals("Bài trước khi sửa", title(article), "a preview saves nothing");
        click(browser, "#preview-dialog-close");
        click(browser, "#save");
        wait.until(e -> title(article).equals("Tiêu đề chưa lưu để xem trước"));
    }

    @Test
    @Order(4)
    void aScheduledArticleIsPreviewedFromTheGrid() throws Exception {
        ArticleDraft later = unpublished("Tin hẹn giờ trong bảng", Instant.now().plus(Duration.ofDays(3)));
        later.setPublishOnCreate(true);
        runtime.articles().create(later, "nam");
        browser.get(admin());
        type(browser, "search", "hẹn giờ trong bảng");
        wait.until(e -> AdminBrowserTest.matchCount(browser).startsWith("1 "));
        AdminBrowserTest.fromRowMenu(browser, "preview");
        String link = find(browser, "#preview-link-vi").getDomAttribute("href");
        String grid = browser.getWindowHandle();
        browser.switchTo().newWindow(WindowType.TAB);
        try {
            browser.get(server.baseUrl() + link);
            wait.until(e -> browser.getPageSource().contains("Tin hẹn giờ trong bảng"));
        } finally {
            browser.close();
            browser.switchTo().window(grid);
        }
        click(browser, "#preview-dialog-close");
    }

    @Test
    @Order(5)
    void bulkActionsChangeEachSelectedArticleAfterOneConfirmationAndSayWhatHappened() throws Exception {
        List<Article> seeded = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            seeded.add(runtime.articles()
                    .create(unpublished("Tin hàng loạt " + i, Instant.now().minus(Duration.ofHours(i))), "nam"));
        }
        runtime.publishing().publish(seeded.get(2).id(), "lan");
        browser.get(admin());
        type(browser, "search", "hàng loạt");
        wait.until(e -> AdminBrowserTest.matchCount(browser).startsWith("3 "));
        assertNotNull(
                find(browser, "#bulk-publish").getDomAttribute("disabled"), "nothing to do before a row is chosen");
        selectRows(3);
        wait.until(e -> text(find(browser, "#bulk-selected")).equals("Đã chọn 3 bài"));

        click(browser, "#bulk-publish");
        wait.until(e -> find(browser, "vaadin-dialog-overlay").getText().contains("Đăng 3 bài viết?"));
        click(browser, "#confirm-bulk-button");
        WebElement result = find(browser, "#bulk-result-grid");
        wait.until(e -> cells().contains("Vốn đã như vậy"));
        assertEquals(2, cells().split("\\|Xong", -1).length - 1, "two published, one already was: " + cells());
        for (Article a : seeded) {
            assertTrue(runtime.articles()
                    .findById(a.id())
                    .orElseThrow()
                    .publication()
                    .published());
        }
        assertNotNull(result);
        click(browser, "#bulk-result-close");

        // Another article already leads the featured block (not in this search's rows).
        ArticleDraft leading =
                unpublished("Tin đang dẫn đầu khối nổi bật", Instant.now().minus(Duration.ofDays(2)));
        leading.setPublishOnCreate(true);
        leading.setFeatured(true);
        leading.setFeaturedRank(1L);
        Article leader = runtime.articles().create(leading, "nam");
        selectRows(2);
        click(browser, "#bulk-feature");
        click(browser, "#confirm-bulk-button");
        wait.until(e -> seeded.stream().filter(a -> fresh(a).featured()).count() == 2);
        // As "Feature" on one row: the articles featured together go first in the block.
        wait.until(e -> seeded.stream()
                .map(EditorialBrowserTest::fresh)
                .filter(Article::featured)
                .map(Article::featuredRank)
                .sorted()
                .toList()
                .equals(List.of(1L, 2L)));
        assertEquals(3L, fresh(leader).featuredRank(), "the one that led comes after them");
        click(browser, "#bulk-result-close");

        selectRows(3);
        click(browser, "#bulk-trash");
        wait.until(e -> find(browser, "vaadin-dialog-overlay").getText().contains("3 bài viết vào thùng rác"));
        click(browser, "#confirm-bulk-button");
        wait.until(e -> seeded.stream().allMatch(a -> fresh(a).isTrashed()));
        click(browser, "#bulk-result-close");
        wait.until(e -> AdminBrowserTest.matchCount(browser).startsWith("0 "));
    }

    @Test
    @Order(6)
    void comingBackFromTheEditorShowsTheListAsItWasLeft() throws Exception {
        for (int i = 1; i <= 3; i++) {
            runtime.articles()
                    .create(
                            unpublished(
                                    "Tin quay lại danh sách " + i, Instant.now().minus(Duration.ofHours(i))),
                            "nam");
        }
        browser.get(admin());
        type(browser, "search", "quay lai danh sach");
        wait.until(e -> AdminBrowserTest.matchCount(browser).startsWith("3 "));
        WebElement sorter = wait.until(d -> d.findElements(By.cssSelector("vaadin-grid-sorter")).stream()
                .filter(x -> x.getText().equals("Tiêu đề"))
                .findFirst()
                .orElse(null));
        sorter.click();
        sorter.click();
        wait.until(e -> browser.getCurrentUrl().contains("sort=title.desc")
                && browser.getCurrentUrl().contains("q=quay"));
        click(browser, "vaadin-button.edit");
        wait.until(e -> browser.getCurrentUrl().contains("article?id="));
        click(browser, "#back");
        wait.until(e -> AdminBrowserTest.matchCount(browser).startsWith("3 "));
        assertEquals(
                "quay lai danh sach", find(browser, "#search input").getDomProperty("value"), "the search is kept");
        assertTrue(browser.getCurrentUrl().contains("sort=title.desc"), browser.getCurrentUrl());
        wait.until(e -> cells().indexOf("Tin quay lại danh sách 3") < cells().indexOf("Tin quay lại danh sách 1"));
        // A reload of that address shows the same list.
        browser.navigate().refresh();
        wait.until(e -> AdminBrowserTest.matchCount(browser).startsWith("3 "));
        assertEquals("quay lai danh sach", find(browser, "#search input").getDomProperty("value"));
    }

    @Test
    @Order(7)
    void theRichTextEditorSpeaksTheEditorsLanguage() {
        browser.get(admin() + "article");
        find(browser, "#body .ql-editor");
        wait.until(e -> "In đậm".equals(find(browser, "#body button.ql-bold").getDomAttribute("title")));
        assertEquals("Liên kết", find(browser, "#body button.ql-link").getDomAttribute("aria-label"));
        Object enterLink = browser.executeScript("""
                const t = document.querySelector('#body .ql-tooltip');
                t.setAttribute('data-mode', 'link');
                return getComputedStyle(t, '::before').content;""");
        assertEquals("\"Địa chỉ liên kết:\"", enterLink);
    }

    @Test
    @Order(8)
    void thePhoneLayoutFitsIn390PixelsAndItsRowMenuWorks() throws Exception {
        Article draft = runtime.articles()
                .create(unpublished("Tin trên điện thoại", Instant.now().minus(Duration.ofHours(1))), "nam");
        Dimension wide = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            wait.until(e -> ((Number) browser.executeScript("return window.innerWidth")).intValue() <= 400);
            browser.get(admin());
            type(browser, "search", "tin tren dien thoai");
            wait.until(e -> AdminBrowserTest.matchCount(browser).startsWith("1 "));
            WebElement menu = find(browser, "vaadin-menu-bar.row-menu");
            assertTrue(
                    browser.findElements(By.cssSelector("vaadin-button.toggle-published"))
                            .isEmpty(),
                    "a menu, not a row of buttons");
            assertFits("the list");
            for (String id : List.of("sign-out", "language", "new-article", "search")) {
                Number right = (Number) browser.executeScript(
                        "return document.getElementById(arguments[0]).getBoundingClientRect().right", id);
                assertTrue(right.doubleValue() <= 390, id + " is on the screen: " + right);
            }
            browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", menu);
            menu.findElement(By.cssSelector("vaadin-menu-bar-button")).click();
            WebElement publish =
                    wait.until(e -> e.findElements(By.cssSelector("vaadin-menu-bar-item.toggle-published")).stream()
                            .filter(WebElement::isDisplayed)
                            .findFirst()
                            .orElse(null));
            browser.executeScript("arguments[0].click();", publish);
            wait.until(e -> fresh(draft).publication().published());

            browser.get(admin() + "article?id=" + draft.id());
            wait.until(e ->
                    "Tin trên điện thoại".equals(find(browser, "#title input").getDomProperty("value")));
            assertFits("the editor");
            Number saveRight = (Number)
                    browser.executeScript("return document.querySelector('#save').getBoundingClientRect().right");
            assertTrue(saveRight.doubleValue() <= 390, "the save button is on the screen: " + saveRight);
        } finally {
            browser.manage().window().setSize(wide);
        }
    }

    /** Nothing runs off the right edge: the page never scrolls sideways. */
    private static void assertFits(String what) {
        Number overflow = (Number) browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertTrue(overflow.intValue() <= 0, what + " is wider than the screen by " + overflow + " px");
    }

    @Test
    @Order(9)
    void theAdminSearchFindsArticlesWithOrWithoutAccents() throws Exception {
        runtime.articles()
                .create(
                        unpublished(
                                "Hiến máu tình nguyện tại phường Đống Đa",
                                Instant.now().minus(Duration.ofHours(2))),
                        "nam");
        browser.get(admin());
        for (String search : List.of("hien mau dong da", "HIẾN MÁU", "hien ma")) {
            type(browser, "search", search);
            wait.until(e ->
                    AdminBrowserTest.matchCount(browser).startsWith("1 ") && cells().contains("Hiến máu tình nguyện"));
        }
    }

    @Test
    @Order(10)
    void aSiteBuilderChangesTheHomePagesBlocksInFormsMadeFromTheDialogs() throws Exception {
        for (int i = 0; i < 4; i++) {
            ArticleDraft d = unpublished("Tin trang chủ " + i, Instant.now().minus(Duration.ofHours(i + 1)));
            d.setPublishOnCreate(true);
            d.setFeatured(true);
            d.setFeaturedRank(i + 1L);
            runtime.articles().create(d, "nam");
        }
        browser.get(admin() + "pages");
        wait.until(e -> find(browser, "#area-main").getText().contains("Tin tức nổi bật"));
        // In editors' words: the area's name and the block's settings as the dialog labels them.
        assertEquals("Nội dung chính", text(find(browser, "#area-main h3")));
        assertEquals("Cột bên", text(find(browser, "#area-aside h3")));
        String firstBlock = find(browser, "#area-main .component-row").getText();
        assertTrue(firstBlock.contains("Bố cục: Bài đầu lớn, sau đó là danh sách · Số bài: 5"), firstBlock);
        WebElement mainBlock = browser.findElements(By.cssSelector("#area-main .component-row"))
                .get(0);
        mainBlock.findElement(By.cssSelector("vaadin-button.component-edit")).click();

        // Bad input: refused on the field, in the editor's language; nothing saved.
        type(browser, "field-maxItems", "nhiều");
        click(browser, "#component-save");
        wait.until(e -> "Hãy nhập một số nguyên."
                .equals(find(browser, "#field-maxItems").getDomProperty("errorMessage")));
        assertEquals(
                5,
                home().select(".news-page__main .news-featured__item").size(),
                "nothing saved: still the five the demo asks for");
        // Out of the dialog's range (its regexValidator): refused with the dialog's own message.
        for (String outside : List.of("50", "0")) {
            type(browser, "field-maxItems", outside);
            click(browser, "#component-save");
            wait.until(e -> "Hãy chọn một số từ 1 đến 20."
                    .equals(find(browser, "#field-maxItems").getDomProperty("errorMessage")));
        }
        assertEquals(5L, storedMaxItems(), "nothing saved");
        // The category is chosen from the categories articles have, not typed.
        assertEquals("vaadin-combo-box", find(browser, "#field-category").getTagName());

        type(browser, "field-maxItems", "2");
        type(browser, "field-heading_en", "Top stories");
        click(browser, "#field-layout");
        WebElement list = wait.until(e -> e.findElements(By.cssSelector("vaadin-select-item")).stream()
                .filter(i -> !String.valueOf(i.getDomAttribute("id")).startsWith("value-")
                        && i.getText().equals("Danh sách"))
                .findFirst()
                .orElse(null));
        browser.executeScript("arguments[0].click();", list);
        click(browser, "#component-save");
        wait.until(e -> home().select(".news-page__main .news-featured__item").size() == 2);
        assertNotNull(home().selectFirst(".news-page__main .news-featured--list"), "the layout the form chose");
        assertEquals(
                "Top stories",
                Jsoup.parse(get(runtime.previews()
                                .page("/home", java.util.Locale.ENGLISH)
                                .path()))
                        .selectFirst(".news-page__main .news-featured__heading")
                        .text());

        // Stored as Magnolia stores component properties: typed values on the mgnl:component node (of the
        // page's draft copy, which publishing copies as it is).
        Session website = runtime.repository().login(PageDrafts.WORKSPACE);
        try {
            Node block = website.getNode("/home/main/0");
            assertEquals(PropertyType.LONG, block.getProperty("maxItems").getType());
            assertEquals(2L, block.getProperty("maxItems").getLong());
            assertEquals("list", block.getProperty("layout").getString());
            assertEquals("Top stories", block.getProperty("heading_en").getString());
        } finally {
            website.logout();
        }

        // Add a block to the aside, move it to the top, then remove it after a confirmation.
        int asideBefore = home().select(".news-page__aside section").size();
        int rowsBefore = browser.findElements(By.cssSelector("#area-aside .component-row"))
                .size();
        // A cancelled add adds nothing, on the page or in the list.
        click(browser, "#add-aside");
        wait.until(e ->
                e.findElements(By.cssSelector("#component-cancel")).stream().anyMatch(WebElement::isDisplayed));
        browser.findElements(By.cssSelector("#component-cancel")).stream()
                .filter(WebElement::isDisplayed)
                .findFirst()
                .orElseThrow()
                .click();
        wait.until(
                e -> e.findElements(By.cssSelector("#component-form")).stream().noneMatch(WebElement::isDisplayed));
        assertEquals(asideBefore, home().select(".news-page__aside section").size(), "nothing added to the page");
        assertEquals(
                rowsBefore,
                browser.findElements(By.cssSelector("#area-aside .component-row"))
                        .size());
        click(browser, "#add-aside");
        wait.until(
                e -> e.findElements(By.cssSelector("#component-save")).stream().anyMatch(WebElement::isDisplayed));
        WebElement save = browser.findElements(By.cssSelector("#component-save")).stream()
                .filter(WebElement::isDisplayed)
                .findFirst()
                .orElseThrow();
        save.click();
        try {
            wait.until(e -> home().select(".news-page__aside section").size() == asideBefore + 1);
        } catch (RuntimeException e) {
            Files.write(Path.of("target", "pages-debug.png"), browser.getScreenshotAs(OutputType.BYTES));
            throw new AssertionError(
                    "aside: " + home().select(".news-page__aside section").size() + " vs " + asideBefore, e);
        }
        // Read in one step: the area re-renders, so rows found before may be stale.
        String added = (String) wait.until(e -> browser.executeScript(
                "const rows = document.querySelectorAll('#area-aside .component-row');"
                        + "return rows.length === arguments[0] ? rows[rows.length - 1].getAttribute('data-path') : null;",
                asideBefore + 1));
        for (int i = 0; i < asideBefore; i++) {
            moveUp("#area-aside", added);
            int expected = asideBefore - 1 - i;
            wait.until(e -> indexOfRow("#area-aside", added) == expected);
        }
        removeFirstAsideBlock();
        wait.until(e -> home().select(".news-page__aside section").size() == asideBefore);
        // Undo puts it back where it was (the top of the aside), with its settings; then removed for good.
        // In a notification that slides in: clicked once it is shown.
        WebElement undo = wait.until(e -> e.findElements(By.id("undo-remove")).stream()
                .filter(WebElement::isDisplayed)
                .findFirst()
                .orElse(null));
        browser.executeScript("arguments[0].click();", undo);
        wait.until(e -> home().select(".news-page__aside section").size() == asideBefore + 1);
        String back = (String) wait.until(e -> browser.executeScript(
                "const rows = document.querySelectorAll('#area-aside .component-row');"
                        + "return rows.length === arguments[0] ? rows[0].getAttribute('data-path') : null;",
                asideBefore + 1));
        assertEquals(0, indexOfRow("#area-aside", back), "back at the top, where it was");
        removeFirstAsideBlock();
        wait.until(e -> home().select(".news-page__aside section").size() == asideBefore);

        // Readers still have the page as published; publishing gives them the draft.
        assertNull(Jsoup.parse(get("/")).selectFirst(".news-page__main .news-featured--list"), "not published yet");
        wait.until(e -> text(find(browser, "#page-state")).contains("Có thay đổi chưa đăng"));
        click(browser, "#publish-page");
        wait.until(e -> text(find(browser, "#page-state")).startsWith("Đã đăng"));
        assertEquals(
                2,
                Jsoup.parse(get("/"))
                        .select(".news-page__main .news-featured__item")
                        .size());
        assertNotNull(Jsoup.parse(get("/")).selectFirst(".news-page__main .news-featured--list"));
        assertFalse(shown("#publish-page"), "nothing left to publish");
    }

    /** Removes the aside's first block, confirmed (found and clicked in one step: the area re-renders). */
    private static void removeFirstAsideBlock() {
        wait.until(e -> Boolean.TRUE.equals(
                browser.executeScript("const row = document.querySelector('#area-aside .component-row');"
                        + "const remove = row && row.querySelector('vaadin-button.component-remove');"
                        + "if (!remove) return false; remove.click(); return true;")));
        click(browser, "#confirm-remove-component-button");
    }

    private static long storedMaxItems() throws Exception {
        Session website = runtime.repository().login(PageDrafts.WORKSPACE);
        try {
            return website.getNode("/home/main/0").getProperty("maxItems").getLong();
        } finally {
            website.logout();
        }
    }

    /**
     * One place up for the block at {@code path}: found and clicked in one step (the area re-renders after
     * each move, so a row found before is stale), and clicked again when a re-render took the click away.
     */
    private static void moveUp(String area, String path) {
        int before = indexOfRow(area, path);
        for (int attempt = 1; ; attempt++) {
            wait.until(e -> Boolean.TRUE.equals(browser.executeScript(
                    "const row = [...document.querySelectorAll(arguments[0] + ' .component-row')]"
                            + ".find(r => r.getAttribute('data-path') === arguments[1]);"
                            + "const up = row && row.querySelector('vaadin-button.component-up');"
                            + "if (!up) return false; up.click(); return true;",
                    area,
                    path)));
            try {
                new WebDriverWait(browser, Duration.ofSeconds(5)).until(e -> indexOfRow(area, path) != before);
                return;
            } catch (org.openqa.selenium.TimeoutException lost) {
                if (attempt == 3) {
                    throw lost;
                }
            }
        }
    }

    private static int indexOfRow(String area, String path) {
        return ((Number) browser.executeScript(
                        "return [...document.querySelectorAll(arguments[0] + ' .component-row')]"
                                + ".findIndex(r => r.getAttribute('data-path') === arguments[1]);",
                        area,
                        path))
                .intValue();
    }

    /** The start page as the site builder's draft has it (its signed preview). */
    private static Document home() {
        return Jsoup.parse(
                get(runtime.previews().page("/home", Messages.VIETNAMESE).path()));
    }

    private static String get(String path) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (Exception e) {
            return "";
        }
    }

    /** Ticks the first {@code n} rows' checkboxes. */
    private static void selectRows(int n) {
        List<WebElement> boxes = wait.until(e -> {
            List<WebElement> found = browser.findElements(By.cssSelector("#articles vaadin-checkbox")).stream()
                    .filter(b -> !"true".equals(b.getDomAttribute("aria-hidden")) && b.isDisplayed())
                    .filter(b -> !String.valueOf(b.getDomAttribute("class")).contains("select-all"))
                    .toList();
            return found.size() >= n ? found : null;
        });
        for (WebElement box : boxes.subList(0, n)) {
            if (!Boolean.TRUE.equals(
                    box.getDomProperty("checked") == null ? null : Boolean.valueOf(box.getDomProperty("checked")))) {
                browser.executeScript("arguments[0].click();", box);
            }
        }
    }

    private static Article fresh(Article a) {
        try {
            return runtime.articles().findById(a.id()).orElseThrow();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Order(11)
    void anEnglishVersionIsWrittenPreviewedPublishedAndShownOnlyOnTheEnglishSite() throws Exception {
        ArticleDraft d =
                unpublished("Phường trồng cây xanh ven hồ", Instant.now().minus(Duration.ofHours(3)));
        d.setPublishOnCreate(true);
        Article article = runtime.articles().create(d, "nam");
        browser.get(admin() + "article?id=" + article.id());
        wait.until(e -> "Phường trồng cây xanh ven hồ"
                .equals(find(browser, "#title input").getDomProperty("value")));
        assertFalse(shown("#english-title"), "the Vietnamese tab shows the article itself");

        click(browser, "#tab-en");
        wait.until(e -> shown("#english-title") && !shown("#title"));
        wait.until(e -> text(find(browser, "#english-state")).contains("Chưa có bản tiếng Anh"));
        // Publishing an English version that has no title yet is refused on its field.
        click(browser, "#publish-english");
        wait.until(e -> find(browser, "#english-title").getDomAttribute("invalid") != null);
        assertNull(runtime.articles().findById(article.id()).orElseThrow().english(), "nothing was stored");

        type(browser, "english-title", "Ward plants trees along the lake");
        wait.until(e -> "ward-plants-trees-along-the-lake"
                .equals(find(browser, "#english-slug input").getDomProperty("value")));
        type(browser, "english-lead", "Residents planted two hundred trees on Sunday.");
        click(browser, "#preview");
        String en = find(browser, "#preview-link-en").getDomAttribute("href");
        String editor = browser.getWindowHandle();
        browser.switchTo().newWindow(WindowType.TAB);
        try {
            browser.get(server.baseUrl() + en);
            wait.until(e -> browser.getPageSource().contains("Ward plants trees along the lake"));
            assertTrue(find(browser, ".news-article__preview").isDisplayed(), "the page says it is a preview");
            assertFalse(browser.getPageSource().contains("Phường trồng cây xanh ven hồ"), "the English version only");
        } finally {
            browser.close();
            browser.switchTo().window(editor);
        }
        assertNull(runtime.articles().findById(article.id()).orElseThrow().english(), "a preview saves nothing");
        click(browser, "#preview-dialog-close");

        // The dialog closes with an animation; a click before it is gone lands on its modal curtain.
        wait.until(e -> browser.findElements(By.cssSelector("vaadin-dialog-overlay[opened]"))
                .isEmpty());
        click(browser, "#publish-english");
        wait.until(e -> text(find(browser, "#english-state")).contains("đã đăng"));
        Article stored = runtime.articles().findById(article.id()).orElseThrow();
        assertTrue(stored.english().publication().published());
        assertTrue(stored.publication().published(), "the Vietnamese article stays as it was");

        String folder = stored.path().substring(0, stored.path().lastIndexOf('/') + 1);
        String englishPage = "/en/news" + folder + "ward-plants-trees-along-the-lake.html";
        Document shown = Jsoup.parse(http(englishPage).body());
        assertEquals("Ward plants trees along the lake", shown.selectFirst("h1").text());
        assertEquals(
                server.baseUrl() + "/news" + stored.path() + ".html",
                shown.selectFirst("link[rel=alternate][hreflang=vi]").attr("href"));
        assertEquals(
                server.baseUrl() + englishPage,
                shown.selectFirst("link[rel=alternate][hreflang=en]").attr("href"));
        Document vietnamese =
                Jsoup.parse(http("/news" + stored.path() + ".html").body());
        assertEquals(
                englishPage,
                vietnamese.selectFirst("[data-news-language-hint] a").attr("href"));
        assertTrue(http("/en/news").body().contains("Ward plants trees along the lake"));
        assertFalse(http("/news").body().contains("Ward plants trees along the lake"), "not on the Vietnamese site");

        // Back on the Vietnamese tab: its own steps again.
        click(browser, "#tab-vi");
        wait.until(e -> shown("#title") && !shown("#publish-english"));

        // The list can show each article's English version beside its state.
        browser.get(admin());
        type(browser, "search", "trong cay xanh ven ho");
        wait.until(e -> AdminBrowserTest.matchCount(browser).startsWith("1 "));
        assertFalse(headerShown("Tiếng Anh"), "a column editors choose");
        chooseColumn("english");
        wait.until(e -> headerShown("Tiếng Anh") && cellShown("Đã đăng"));
        chooseColumn("english");
        wait.until(e -> !headerShown("Tiếng Anh"));
    }

    /** Whether an element matching {@code css} is shown (an invisible Vaadin component may have no element at all). */
    private static boolean shown(String css) {
        return browser.findElements(By.cssSelector(css)).stream().anyMatch(WebElement::isDisplayed);
    }

    private static HttpResponse<String> http(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Order(20)
    void aSignedInEditorFollowingALinkAfterPublishingSeesTheNewPage() throws Exception {
        ArticleDraft d = unpublished("Tin trước khi sửa", Instant.now().minus(Duration.ofHours(2)));
        d.setPublishOnCreate(true);
        Article article = runtime.articles().create(d, "nam");
        String page = server.baseUrl() + "/news" + article.path() + ".html";
        // Signed in (Order 1): the site knows this browser as an editor's.
        assertNotNull(browser.manage().getCookieNamed("news-editor"), "signing in marks the browser for the site");
        browser.get(page);
        wait.until(e -> browser.getTitle().contains("Tin trước khi sửa"));

        ArticleDraft change =
                runtime.articles().findById(article.id()).orElseThrow().toDraft();
        change.setTitle("Tin sau khi sửa");
        saveAsAnotherEditor(article, change);
        runtime.publishing().publish(article.id(), "lan");
        browser.get(server.baseUrl() + "/news");
        browser.get(page);
        wait.until(e -> browser.getTitle().contains("Tin sau khi sửa"));
    }

    @Test
    @Order(21)
    void theListGivesTheTitleItsRoomAtBothWidthsAndEditorsChooseAndResizeTheColumns() throws Exception {
        String title = "Ủy ban nhân dân phường tổ chức hội nghị tổng kết công tác năm và triển khai nhiệm vụ năm tới";
        runtime.articles().create(unpublished(title, Instant.now().minus(Duration.ofHours(1))), "nam");
        Dimension before = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(1440, 900));
        try {
            wait.until(e -> ((Number) browser.executeScript("return window.innerWidth")).intValue() >= 1400);
            browser.get(admin());
            type(browser, "search", "tong ket cong tac nam");
            wait.until(e -> AdminBrowserTest.matchCount(browser).startsWith("1 "));
            // The whole title, on at most two lines, in a column at least 40 of its characters wide.
            wait.until(e -> titleLayout().get("lines") instanceof Number);
            Map<String, Object> shown = titleLayout();
            assertTrue(((Number) shown.get("lines")).intValue() <= 2, "the title takes two lines at most: " + shown);
            assertEquals(Boolean.TRUE, shown.get("whole"), "nothing of the title is cut: " + shown);
            assertEquals(Boolean.TRUE, shown.get("fortyFit"), "40 characters fit on a line: " + shown);
            assertEquals(Boolean.FALSE, shown.get("sideways"), "the list does not scroll sideways: " + shown);
            assertTrue(
                    browser.findElements(By.cssSelector("vaadin-button.toggle-featured"))
                            .isEmpty(),
                    "the less frequent actions wait in the row's menu");
            assertEquals(
                    Boolean.TRUE,
                    browser.executeScript(
                            "return [...document.querySelectorAll('#articles > vaadin-grid-column')].filter(c => !c.hidden).every(c => c.resizable);"),
                    "every column shown can be resized");

            // Views out, "last changed" in: the list follows at once and keeps the choice after a reload.
            assertTrue(headerShown("Lượt xem"));
            assertFalse(headerShown("Sửa lần cuối"), "shown only when chosen");
            chooseColumn("views");
            chooseColumn("changed");
            wait.until(e -> !headerShown("Lượt xem") && headerShown("Sửa lần cuối"));
            browser.navigate().refresh();
            wait.until(e -> AdminBrowserTest.matchCount(browser).endsWith("bài viết"));
            wait.until(e -> !headerShown("Lượt xem") && headerShown("Sửa lần cuối"));
            chooseColumn("views");
            chooseColumn("changed");
            wait.until(e -> headerShown("Lượt xem") && !headerShown("Sửa lần cuối"));

            // On a phone: title and state, readable, and one menu per row.
            browser.manage().window().setSize(new Dimension(390, 844));
            wait.until(e -> ((Number) browser.executeScript("return window.innerWidth")).intValue() <= 400);
            browser.get(admin());
            type(browser, "search", "tong ket cong tac nam");
            wait.until(e -> AdminBrowserTest.matchCount(browser).startsWith("1 "));
            wait.until(e -> titleLayout().get("width") instanceof Number w && w.doubleValue() >= 150);
            wait.until(e -> headerShown("Trạng thái") && cellShown("Bản nháp"));
            assertFits("the list on a phone");
        } finally {
            browser.manage().window().setSize(before);
        }
    }

    @Test
    @Order(22)
    void aFutureArticleIsScheduledAndSaidSoAndAnUnpublishTimeShowsInTheList() throws Exception {
        java.time.ZonedDateTime tomorrow = java.time.ZonedDateTime.now(RuntimeConfig.DEFAULT_ZONE)
                .plusDays(1)
                .withHour(8)
                .withMinute(30)
                .withSecond(0)
                .withNano(0);
        Article draft =
                runtime.articles().create(unpublished("Lịch tiếp công dân tuần sau", tomorrow.toInstant()), "nam");
        browser.get(admin() + "article?id=" + draft.id());
        String when =
                java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").format(tomorrow);
        wait.until(e -> find(browser, "#publish").getText().equals("Lên lịch đăng"));
        click(browser, "#publish");
        wait.until(e -> fresh(draft).publication().published());
        // Said as readers will see it: scheduled, with its time; never "published".
        wait.until(e -> notices().contains("bạn đọc sẽ thấy bài từ " + when));
        wait.until(e -> ("Hẹn giờ đăng " + when).equals(text(find(browser, "#publication-state"))));

        // An unpublish time, typed as an editor does; the list says until when readers see it.
        Article live = runtime.articles()
                .create(unpublished("Thông báo cắt nước có hạn", Instant.now().minus(Duration.ofHours(1))), "nam");
        runtime.publishing().publish(live.id(), "nam");
        browser.get(admin() + "article?id=" + live.id());
        wait.until(e ->
                "Thông báo cắt nước có hạn".equals(find(browser, "#title input").getDomProperty("value")));
        WebElement date = find(browser, "#unpublishDate vaadin-date-picker input");
        date.sendKeys(
                java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy").format(tomorrow),
                org.openqa.selenium.Keys.ENTER);
        WebElement time = find(browser, "#unpublishDate vaadin-time-picker input");
        time.sendKeys("08:30", org.openqa.selenium.Keys.ENTER);
        click(browser, "#save");
        wait.until(e -> tomorrow.toInstant().equals(fresh(live).unpublishDate()));
        wait.until(e -> notices().contains("bạn đọc đang thấy bài"));
        browser.get(admin());
        AdminBrowserTest.type(browser, "search", "cat nuoc co han");
        wait.until(e -> AdminBrowserTest.matchCount(browser).startsWith("1 "));
        wait.until(e -> cellShown("Đang hiển thị, gỡ lúc " + when));
    }

    @Test
    @Order(23)
    void unsavedChangesAreKeptOfferedBackAfterALostTabAndCtrlSSaves() throws Exception {
        Article article = runtime.articles()
                .create(unpublished("Bài có thay đổi chưa lưu", Instant.now().minus(Duration.ofHours(1))), "nam");
        browser.get(admin() + "article?id=" + article.id());
        wait.until(e ->
                "Bài có thay đổi chưa lưu".equals(find(browser, "#title input").getDomProperty("value")));
        type(browser, "lead", "Đoạn tóm tắt chưa kịp lưu");
        // Leaving keeps the form before asking; then the tab is lost (no answer to the question).
        click(browser, "#nav-dashboard");
        find(browser, "#confirm-leave");
        browser.executeScript("window.newsEditorDirty = false;");
        browser.get(admin() + "article?id=" + article.id());
        wait.until(e -> text(find(browser, "#working-copy")).contains("Có nội dung chưa lưu của bạn từ"));
        assertEquals("", find(browser, "#lead textarea").getDomProperty("value"), "offered, not forced");
        click(browser, "#restore-working-copy");
        wait.until(e -> "Đoạn tóm tắt chưa kịp lưu"
                .equals(find(browser, "#lead textarea").getDomProperty("value")));

        // The body reads as on the site: its 16 px text with space between paragraphs, not Quill's 13 px.
        Object bodyFont = browser.executeScript(
                "const e = document.querySelector('#body .ql-editor'); const s = getComputedStyle(e);"
                        + "const p = e.querySelector('p'); return [s.fontSize, p ? getComputedStyle(p).marginBottom : ''];");
        assertEquals(List.of("16px", "12px"), bodyFont);

        // Ctrl+S saves, as in every editor.
        find(browser, "#title input").sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "s"));
        wait.until(e -> "Đoạn tóm tắt chưa kịp lưu".equals(fresh(article).lead()));
        browser.get(admin() + "article?id=" + article.id());
        wait.until(e -> "Đoạn tóm tắt chưa kịp lưu"
                .equals(find(browser, "#lead textarea").getDomProperty("value")));
        assertTrue(
                browser.findElements(By.cssSelector("#working-copy")).stream().noneMatch(WebElement::isDisplayed),
                "a saved article has no working copy left");
    }

    @Test
    @Order(24)
    void theFeaturedListMarksWhereTheHomePagesBlockEnds() throws Exception {
        // Six more featured articles make the list longer than the home page's featured block.
        for (int i = 0; i < 6; i++) {
            ArticleDraft d =
                    unpublished("Tin nổi bật xếp hạng " + (i + 1), Instant.now().minus(Duration.ofHours(2 + i)));
            d.setFeatured(true);
            d.setFeaturedRank(i + 1L);
            d.setPublishOnCreate(true);
            runtime.articles().create(d, "nam");
        }
        List<Article> order = io.newsroom.news.publishing.FeaturedRanks.siteOrder(
                runtime.articles(),
                io.newsroom.news.article.ArticleQuery.newest(1)
                        .featuredOnly()
                        .withPublication(io.newsroom.news.article.Publication.Filter.PUBLISHED));
        // As the site builder set it on the home page (an earlier test changes it).
        int shown = FeaturedBlockSize.onHome(runtime.adminContext());
        assertTrue(order.size() > shown);
        browser.get(admin());
        click(browser, "#featured-only input");
        wait.until(e -> text(find(browser, "#featured-cutoff")).contains("hiện " + shown + " bài đầu"));
        wait.until(e -> cellShown(ArticleRow.featured(order.get(shown)) + " · ngoài khối"));
        assertTrue(cellShown(ArticleRow.featured(order.get(shown - 1))), "the last one in the block");
        assertFalse(cellShown(ArticleRow.featured(order.get(shown - 1)) + " · ngoài khối"));
        browser.executeScript("document.querySelector('#featured-only input').click();");
        wait.until(e -> !find(browser, "#featured-cutoff").isDisplayed());
    }

    @Test
    @Order(25)
    void theImagesScreenFindsShowsAndGuardsImagesAndTheEditorReusesOne() throws Exception {
        byte[] png = io.newsroom.news.assets.ImageAssetsTest.image("png");
        String used = runtime.images()
                .storeInLibrary(
                        io.newsroom.news.embedded.renditions.ImageRenditionsTest.jpeg(400, 300),
                        "toan-canh-hoi-nghi.jpg");
        String unused = runtime.images().storeInLibrary(png, "anh-thua-khong-dung.png");
        ArticleDraft withImage =
                unpublished("Bài có ảnh toàn cảnh", Instant.now().minus(Duration.ofHours(3)));
        withImage.setImage(used);
        withImage.setImageAlt("Toàn cảnh hội nghị");
        runtime.articles().create(withImage, "nam");

        browser.get(admin() + "images");
        type(browser, "image-search", "toan-canh");
        wait.until(e ->
                cellShownIn("images", "toan-canh-hoi-nghi.jpg") && !cellShownIn("images", "anh-thua-khong-dung.png"));
        wait.until(e -> Boolean.TRUE.equals(browser.executeScript(
                "return [...document.querySelectorAll('#images img')].some(i => i.complete && i.naturalWidth > 0);")));
        // In use: not deleted, and the refusal names the article.
        click(browser, "vaadin-button.delete-image");
        wait.until(e -> text(find(browser, "vaadin-dialog-overlay")).contains("Bài có ảnh toàn cảnh"));
        assertTrue(text(find(browser, "vaadin-dialog-overlay")).contains("Không xoá được"));
        click(browser, "#image-in-use-close");
        assertTrue(runtime.images().fileName(used).isPresent());

        // Its details: alt text, caption, credit, and the focal point by a click on the picture's upper left.
        click(browser, "vaadin-button.image-details");
        WebElement picture = find(browser, "#image-focus-picture");
        wait.until(e -> Boolean.TRUE.equals(browser.executeScript(
                "return arguments[0].complete && arguments[0].naturalWidth > 0 && arguments[0].clientWidth > 100"
                        + " && arguments[0].getBoundingClientRect().top >= 0;",
                picture)));
        type(browser, "image-alt", "Đại biểu dự hội nghị");
        type(browser, "image-caption", "Toàn cảnh hội nghị tổng kết năm");
        type(browser, "image-credit", "Ảnh: Tổ truyền thông");
        // Typing in the lower fields scrolled the dialog: the picture comes back into view for the click.
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", picture);
        wait.until(e -> Boolean.TRUE.equals(browser.executeScript(
                "const r = arguments[0].getBoundingClientRect();"
                        + "return document.elementFromPoint(r.left + r.width / 4, r.top + r.height * 0.3) === arguments[0];",
                picture)));
        int width = picture.getSize().getWidth();
        int height = picture.getSize().getHeight();
        new org.openqa.selenium.interactions.Actions(browser)
                .moveToElement(picture, -width / 4, -height / 5)
                .click()
                .perform();
        wait.until(e -> !"0.500,0.500".equals(find(browser, "#image-focus").getDomAttribute("data-focus")));
        type(browser, "image-credit", "x".repeat(201));
        click(browser, "#image-details-save");
        wait.until(e -> text(find(browser, "#image-credit")).contains("tối đa 200"));
        assertEquals("", runtime.images().details(used).orElseThrow().alt(), "refused: nothing saved");
        type(browser, "image-credit", "Ảnh: Tổ truyền thông");
        click(browser, "#image-details-save");
        wait.until(e -> !altOf(used).isEmpty());
        io.newsroom.news.assets.ImageAssets.Details saved =
                runtime.images().details(used).orElseThrow();
        assertEquals("Đại biểu dự hội nghị", saved.alt());
        assertEquals("Toàn cảnh hội nghị tổng kết năm", saved.caption());
        assertEquals("Ảnh: Tổ truyền thông", saved.credit());
        assertTrue(saved.focusX() > 0.15 && saved.focusX() < 0.35, "clicked a quarter from the left: " + saved);
        assertTrue(saved.focusY() > 0.2 && saved.focusY() < 0.4, "a fifth above the middle: " + saved);
        // Found by its caption now.
        type(browser, "image-search", "tổng kết năm");
        wait.until(e -> cellShownIn("images", "toan-canh-hoi-nghi.jpg"));

        // Unused: deleted after a confirmation.
        type(browser, "image-search", "anh-thua");
        wait.until(e ->
                cellShownIn("images", "anh-thua-khong-dung.png") && !cellShownIn("images", "toan-canh-hoi-nghi.jpg"));
        click(browser, "vaadin-button.delete-image");
        click(browser, "#confirm-delete-image-button");
        wait.until(e -> imageGone(unused));
        wait.until(e -> find(browser, "#images-empty").isDisplayed());

        // Uploaded into the library from the screen.
        Path file = Files.createTempFile("thu-vien-", ".png");
        Files.write(file, png);
        AdminBrowserTest.fileInput(find(browser, "#library-upload")).sendKeys(file.toString());
        type(browser, "image-search", "thu-vien-");
        wait.until(e -> cellShownIn("images", file.getFileName().toString()));

        // Another article takes the same image from the library: stored once, used twice.
        Article other = runtime.articles()
                .create(unpublished("Bài dùng lại ảnh", Instant.now().minus(Duration.ofHours(4))), "nam");
        browser.get(admin() + "article?id=" + other.id());
        // Found by its file name as one types, chosen from the list.
        WebElement choose = find(browser, "#choose-image input");
        choose.sendKeys("toan-canh");
        WebElement option = wait.until(e -> e.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                .filter(o -> text(o).contains("toan-canh-hoi-nghi.jpg"))
                .findFirst()
                .orElse(null));
        browser.executeScript("arguments[0].click();", option);
        wait.until(e -> used.equals(find(browser, "#image input").getDomProperty("value")));
        assertEquals("toan-canh-hoi-nghi.jpg", text(find(browser, "#image-name")));
        // The library's details fill the article's empty image fields.
        wait.until(e ->
                "Đại biểu dự hội nghị".equals(find(browser, "#imageAlt input").getDomProperty("value")));
        assertEquals("Ảnh: Tổ truyền thông", find(browser, "#imageCredit input").getDomProperty("value"));
        click(browser, "#save");
        wait.until(e -> used.equals(fresh(other).image()));
        assertEquals("Toàn cảnh hội nghị tổng kết năm", fresh(other).imageCaption());
    }

    private static String altOf(String key) {
        try {
            return runtime.images().details(key).orElseThrow().alt();
        } catch (javax.jcr.RepositoryException e) {
            return "";
        }
    }

    private static boolean imageGone(String key) {
        try {
            return runtime.images().fileName(key).isEmpty();
        } catch (javax.jcr.RepositoryException e) {
            return false;
        }
    }

    private static final String LONG_LEAD = "Sáng nay, ủy ban nhân dân phường đã tổ chức hội nghị với đầy đủ"
            + " thành phần của các tổ dân phố, các đoàn thể và đại diện nhân dân để bàn về kế hoạch năm tới.";

    private static List<String> texts(String css) {
        return browser.findElements(By.cssSelector(css)).stream()
                .map(EditorialBrowserTest::text)
                .toList();
    }

    /** The texts of the notices on the screen. */
    private static String notices() {
        return String.valueOf(
                browser.executeScript(
                        "return [...document.querySelectorAll('vaadin-notification-card')].map(c => c.textContent).join(' | ');"));
    }

    /** How the grid shows the title of its first row: lines, whether it is whole, whether 40 of its characters fit. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> titleLayout() {
        return (Map<String, Object>) browser.executeScript("""
                const t = document.querySelector('#articles span.article-title');
                if (!t || !t.clientWidth) return {};
                const style = getComputedStyle(t);
                const lineHeight = parseFloat(style.lineHeight);
                const canvas = document.createElement('canvas').getContext('2d');
                canvas.font = style.font;
                const table = document.querySelector('#articles').shadowRoot.querySelector('#table');
                return {lines: Math.round(t.scrollHeight / lineHeight), whole: t.scrollHeight <= t.clientHeight + 1,
                        fortyFit: canvas.measureText(t.textContent.substring(0, 40)).width <= t.clientWidth,
                        width: t.clientWidth, sideways: table.scrollWidth > table.clientWidth + 1};""");
    }

    private static void chooseColumn(String key) {
        click(browser, "#columns");
        WebElement item =
                wait.until(e -> e.findElements(By.cssSelector("vaadin-context-menu-item.column-" + key)).stream()
                        .filter(WebElement::isDisplayed)
                        .findFirst()
                        .orElse(null));
        browser.executeScript("arguments[0].click();", item);
        // The menu stays open for the next choice: Escape closes it.
        browser.executeScript("document.querySelector('vaadin-context-menu-overlay')?.close?.();"
                + "document.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape', bubbles: true}));");
        wait.until(e -> e.findElements(By.cssSelector("vaadin-context-menu-item.column-" + key)).stream()
                .noneMatch(WebElement::isDisplayed));
    }

    private static boolean headerShown(String header) {
        return cellShown(header);
    }

    /** A cell (header or body) of the article list showing exactly {@code text} is on the screen. */
    private static boolean cellShown(String text) {
        return cellShownIn("articles", text);
    }

    /** A cell (header or body) of the grid {@code gridId} showing exactly {@code text} is on the screen. */
    private static boolean cellShownIn(String gridId, String text) {
        return Boolean.TRUE.equals(browser.executeScript("""
                return [...document.querySelectorAll('#' + arguments[1] + ' vaadin-grid-cell-content')].some(c =>
                    c.textContent.trim() === arguments[0] && c.assignedSlot && c.getBoundingClientRect().width > 0
                    && !c.assignedSlot.closest('[hidden]'));""", text, gridId));
    }

    /** Lan saves {@code change} over the article's current version, as another editor's browser would. */
    private static void saveAsAnotherEditor(Article article, ArticleDraft change) throws Exception {
        runtime.articles()
                .update(
                        article.id(),
                        runtime.articles().findById(article.id()).orElseThrow().version(),
                        change,
                        "lan");
    }

    private static String cells() {
        return String.join(
                "|",
                browser.findElements(By.cssSelector("vaadin-grid-cell-content")).stream()
                        .map(c -> String.valueOf(c.getDomProperty("textContent")))
                        .toList());
    }

    private static String text(WebElement element) {
        return String.valueOf(element.getDomProperty("textContent"));
    }

    private static List<ArticleVersion> history(Article article) {
        try {
            return runtime.publishing().versions().orElseThrow().history(article.id());
        } catch (Exception e) {
            return List.of();
        }
    }

    private static String title(Article article) {
        try {
            return runtime.articles().findById(article.id()).orElseThrow().title();
        } catch (Exception e) {
            return "";
        }
    }
}
