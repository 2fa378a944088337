package io.newsroom.news.embedded.admin;

import static io.newsroom.news.TestArticles.draft;
import static org.junit.jupiter.api.Assertions.*;

import io.newsroom.news.Browser;
import io.newsroom.news.TestArticles;
import io.newsroom.news.article.Article;
import io.newsroom.news.article.ArticleDraft;
import io.newsroom.news.article.ArticleQuery;
import io.newsroom.news.article.Publication;
import io.newsroom.news.article.Review;
import io.newsroom.news.assets.ImageAssets;
import io.newsroom.news.assets.ImageAssetsTest;
import io.newsroom.news.embedded.server.NewsRuntime;
import io.newsroom.news.embedded.server.RuntimeConfig;
import io.newsroom.news.embedded.server.SiteServer;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The admin app in a real headless Chromium against the real server. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminBrowserTest {
    private static NewsRuntime runtime;
    private static SiteServer server;
    private static ChromeDriver browser;
    private static WebDriverWait wait;

    @BeforeAll
    static void start() throws Exception {
        runtime = NewsRuntime.start(RuntimeConfig.forTests());
        for (int i = 1; i <= 12; i++) {
            ArticleDraft d = draft("Tin quản trị số " + i, Instant.now().minus(Duration.ofDays(i)));
            d.setCategory(i % 2 == 0 ? "Thông báo" : "Tin hoạt động");
            runtime.articles().create(d, "seed");
        }
        server = SiteServer.start(runtime, 0);
        target = null;
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        // Vaadin re-renders and the language switch reloads: elements may go stale while we wait.
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

    private static SiteServer target;

    /** Lets another test class drive its own server with these helpers. */
    static void serverFor(SiteServer other) {
        target = other;
    }

    static String admin() {
        return (target != null ? target : server).baseUrl() + "/admin/";
    }

    static WebElement find(ChromeDriver driver, String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(20))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    List<WebElement> found = d.findElements(By.cssSelector(css));
                    return found.isEmpty() ? null : found.get(0);
                });
    }

    static void signIn(ChromeDriver driver, String user, String password) {
        driver.get(admin());
        find(driver, "vaadin-login-form input[name=username]").sendKeys(user);
        find(driver, "vaadin-login-form input[name=password]").sendKeys(password);
        find(driver, "vaadin-login-form vaadin-button").click();
    }

    /** Scrolls the element into view first: long forms reach below the window. */
    static void click(ChromeDriver driver, String css) {
        for (int attempt = 1; ; attempt++) {
            try {
                WebElement element = find(driver, css);
                driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
                element.click();
                return;
            } catch (StaleElementReferenceException rerendered) {
                if (attempt == 5) {
                    throw rerendered;
                }
            }
        }
    }

    /** Picks {@code action} from the "⋯" menu of the list's first row (the everyday actions are buttons). */
    static void fromRowMenu(ChromeDriver driver, String action) {
        for (int attempt = 1; ; attempt++) {
            WebElement opener = find(driver, "vaadin-menu-bar.row-menu vaadin-menu-bar-button");
            try {
                driver.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", opener);
                // One click opens the menu; waiting for its item (not clicking again) keeps it open.
                WebElement item = new WebDriverWait(driver, Duration.ofSeconds(5))
                        .ignoring(StaleElementReferenceException.class)
                        .until(d -> d.findElements(By.cssSelector("vaadin-menu-bar-item." + action)).stream()
                                .filter(WebElement::isDisplayed)
                                .findFirst()
                                .orElse(null));
                driver.executeScript("arguments[0].click();", item);
                return;
            } catch (StaleElementReferenceException | org.openqa.selenium.TimeoutException rerendered) {
                // The list was refreshed under the click: its rows (and menus) are new.
                if (attempt == 4) {
                    throw rerendered;
                }
                driver.executeScript(
                        "document.body.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape', bubbles: true}));");
            }
        }
    }

    private static String text(WebElement element) {
        return String.valueOf(element.getDomProperty("textContent"));
    }

    /** Which side a merge choice keeps: the label of its checked radio button. */
    private static String checkedOf(String groupId) {
        return String.valueOf(browser.executeScript(
                "const g = document.getElementById(arguments[0]);"
                        + "const r = [...g.querySelectorAll('vaadin-radio-button')].find(b => b.checked);"
                        + "return r ? r.querySelector('label').textContent : '';",
                groupId));
    }

    /**
     * What the Chart.js chart in {@code id} draws: number of days, last day's label, last day's views, the
     * two axis titles, whether values show on hover; null until it is drawn.
     */
    private static List<?> chart(String id) {
        return (List<?>) browser.executeScript(
                "const c = document.getElementById(arguments[0])?.newsChart;"
                        + "if (!c) return null; const n = c.data.labels.length;"
                        + "return [n, c.data.labels[n - 1], c.data.datasets[0].data[n - 1],"
                        + " c.options.scales.x.title.text, c.options.scales.y.title.text,"
                        + " c.options.plugins.tooltip.enabled !== false];",
                id);
    }

    /** A cell of the article list shows exactly {@code text}. */
    private static boolean gridShows(String text) {
        return Boolean.TRUE.equals(browser.executeScript(
                "return [...document.querySelectorAll('#articles vaadin-grid-cell-content')]"
                        + ".some(c => c.textContent.trim() === arguments[0]);",
                text));
    }

    /** The list's count line; read in one script, so a list re-rendered meanwhile gives the new text, not an error. */
    static String matchCount(ChromeDriver driver) {
        find(driver, "#match-count");
        return String.valueOf(driver.executeScript(
                "const e = document.querySelector('#match-count'); return e ? e.textContent.trim() : '';"));
    }

    static void type(ChromeDriver driver, String fieldId, String text) {
        WebElement input = find(driver, "#" + fieldId + " input, #" + fieldId + " textarea");
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text);
        input.sendKeys(Keys.TAB);
    }

    @Test
    @Order(1)
    void nothingIsReachableWithoutSigningInAndAWrongPasswordIsRefused() {
        browser.get(admin() + "article");
        assertNotNull(find(browser, "vaadin-login-form"));
        signIn(browser, "admin", "not the password");
        wait.until(d -> d.findElement(By.cssSelector("vaadin-login-form")).getDomAttribute("error") != null);
        assertTrue(browser.findElements(By.id("articles")).isEmpty());
    }

    @Test
    @Order(2)
    void anEditorSignsInAndSeesTheArticles() {
        signIn(browser, "admin", RuntimeConfig.TEST_ADMIN_PASSWORD);
        assertNotNull(find(browser, "#articles"));
        wait.until(d -> matchCount(browser).startsWith("12"));
        wait.until(d -> d.findElements(By.cssSelector("vaadin-grid-cell-content")).stream()
                .anyMatch(c -> c.getText().equals("Tin quản trị số 1")));
    }

    @Test
    @Order(3)
    void badInputShowsTheErrorsOnTheFieldsAndSavesNothing() throws Exception {
        long before = runtime.articles().count(ArticleQuery.newest(1));
        click(browser, "#new-article");
        type(browser, "lead", "x".repeat(601));
        click(browser, "#save");
        WebElement title = find(browser, "#title");
        wait.until(d -> title.getDomAttribute("invalid") != null);
        assertTrue(
                find(browser, "#title").getText().contains("bắt buộc")
                        || errorOf("title").contains("bắt buộc"),
                "the title's error is shown in Vietnamese");
        assertNotNull(find(browser, "#lead").getDomAttribute("invalid"));
        assertEquals(before, runtime.articles().count(ArticleQuery.newest(1)));
    }

    @Test
    @Order(4)
    void createEditFeatureAndDelete() throws Exception {
        browser.get(admin() + "article");
        type(browser, "title", "Bài tạo trong trình duyệt");
        type(browser, "lead", "Tóm tắt từ trình duyệt");
        WebElement editor = find(browser, "#body .ql-editor");
        Object label = browser.executeScript(
                "return getComputedStyle(document.querySelector('#body .ql-picker-label'), '::before').content");
        assertEquals("\"Đoạn văn\"", label, "the editor's menu speaks the editor's language");
        editor.click();
        editor.sendKeys("Đoạn đầu tiên");
        click(browser, "#body .ql-bold");
        editor.sendKeys(" in đậm");
        click(browser, "#save");
        wait.until(d -> {
            try {
                return runtime.articles()
                                .list(ArticleQuery.newest(5).withText("trình duyệt"))
                                .total()
                        == 1;
            } catch (Exception e) {
                return false;
            }
        });
        Article created = runtime.articles()
                .list(ArticleQuery.newest(5).withText("trình duyệt"))
                .items()
                .get(0);
        assertEquals("bai-tao-trong-trinh-duyet", created.name());
        assertEquals(
                "<p>Đoạn đầu tiên<strong> in đậm</strong></p>",
                created.body(),
                "the rich text editor's HTML, sanitized");

        type(browser, "title", "Bài đã sửa trong trình duyệt");
        click(browser, "#save");
        wait.until(d -> title(created).equals("Bài đã sửa trong trình duyệt"));

        browser.get(admin());
        type(browser, "search", "đã sửa");
        wait.until(d -> matchCount(browser).startsWith("1 "));
        fromRowMenu(browser, "toggle-featured");
        wait.until(d -> featured(created));
        // The refreshed row (its menu belongs to it, not to the row before the change).
        wait.until(d -> gridShows("★ 1"));

        fromRowMenu(browser, "delete");
        WebElement dialog = find(browser, "vaadin-dialog-overlay");
        assertTrue(dialog.getText().contains("Bài đã sửa trong trình duyệt"), "the confirmation names the article");
        click(browser, "#confirm-delete-button");
        wait.until(d -> {
            try {
                return runtime.articles().findById(created.id()).orElseThrow().isTrashed();
            } catch (Exception e) {
                return false;
            }
        });
        wait.until(d -> matchCount(browser).startsWith("0 "));

        // The trash: the article is there, restored, trashed again, then deleted for ever.
        showTrash();
        wait.until(d -> matchCount(browser).startsWith("1 "));
        click(browser, "vaadin-button.restore");
        wait.until(d -> {
            try {
                return !runtime.articles().findById(created.id()).orElseThrow().isTrashed();
            } catch (Exception e) {
                return false;
            }
        });
        runtime.publishing().trash(created.id(), "t");
        browser.navigate().refresh();
        showTrash();
        wait.until(d -> matchCount(browser).startsWith("1 ")
                && d.findElements(By.cssSelector("vaadin-button.restore")).size() == 1);
        fromRowMenu(browser, "delete-forever");
        wait.until(d -> d.findElements(By.cssSelector("vaadin-dialog-overlay")).stream()
                .anyMatch(o -> o.getText().contains("Bài đã sửa trong trình duyệt")));
        click(browser, "#confirm-delete-button");
        wait.until(d -> {
            try {
                return runtime.articles().findById(created.id()).isEmpty();
            } catch (Exception e) {
                return false;
            }
        });
    }

    @Test
    @Order(4)
    void anArticleIsADraftUntilPublishedAndADuplicateIsADraftOpenInTheEditor() throws Exception {
        browser.get(admin() + "article");
        type(browser, "title", "Bài nháp thử đăng");
        click(browser, "#save");
        wait.until(d -> found("Bài nháp thử đăng") != null);
        Article draft = found("Bài nháp thử đăng");
        assertFalse(draft.publication().published(), "a new article is a draft");
        wait.until(d -> "Bản nháp".equals(find(browser, "#publication-state").getDomProperty("textContent")));
        assertEquals(404, status("/.rest/delivery/news/" + draft.id()), "readers do not see a draft");

        click(browser, "#publish");
        wait.until(d -> found("Bài nháp thử đăng").publication().published());
        assertEquals(200, status("/.rest/delivery/news/" + draft.id()));

        // Unsaved changes: leaving asks first; staying keeps them, leaving drops them.
        type(browser, "lead", "Thay đổi chưa lưu");
        click(browser, "#back");
        wait.until(d -> d.findElements(By.cssSelector("vaadin-dialog-overlay")).stream()
                .anyMatch(o -> o.getText().contains("chưa được lưu")));
        click(browser, "#stay");
        assertTrue(browser.getCurrentUrl().contains("article"), "still in the editor");
        assertEquals(
                true,
                browser.executeScript("return window.newsEditorDirty === true"),
                "a reload or close would ask too");
        click(browser, "#save");
        wait.until(d -> "Thay đổi chưa lưu".equals(found("Bài nháp thử đăng").lead()));
        wait.until(d -> Boolean.FALSE.equals(browser.executeScript("return window.newsEditorDirty === true")));

        // A published article's new address: asked first, and the old one then redirects.
        type(browser, "name", "bai-nhap-doi-dia-chi");
        click(browser, "#save");
        wait.until(d -> d.findElements(By.cssSelector("vaadin-dialog-overlay")).stream()
                .anyMatch(o -> o.getText().contains("Địa chỉ cũ")));
        click(browser, "#confirm-address-button");
        wait.until(d -> found("Bài nháp thử đăng").path().endsWith("/bai-nhap-doi-dia-chi"));
        assertEquals(301, status("/.rest/delivery/news" + draft.path()), "the old address redirects");
        click(browser, "#unpublish");
        wait.until(d -> !found("Bài nháp thử đăng").publication().published());
        assertEquals(404, status("/.rest/delivery/news/" + draft.id()));

        browser.get(admin());
        type(browser, "search", "Bài nháp thử");
        wait.until(d -> matchCount(browser).startsWith("1 "));
        click(browser, "vaadin-button.toggle-published");
        wait.until(d -> found("Bài nháp thử đăng").publication().published());
        // The refreshed row (its menu belongs to it, not to the row before the change).
        wait.until(d -> d.findElements(By.cssSelector("vaadin-button.toggle-published")).stream()
                .anyMatch(b -> b.getText().equals("Gỡ bài")));
        fromRowMenu(browser, "duplicate");
        wait.until(d -> browser.getCurrentUrl().contains("article?id="));
        String copyId = browser.getCurrentUrl().replaceAll(".*id=", "");
        Article copy = runtime.articles().findById(copyId).orElseThrow();
        assertFalse(copy.publication().published(), "the copy is a draft");
        assertNotEquals(draft.id(), copy.id());
    }

    /** Chooses "Trash" (the last state) in the grid's state filter. */
    private static void showTrash() {
        click(browser, "#publication-filter");
        WebElement last = wait.until(d -> {
            // The select shows its value with a copy of the chosen item: only the list's own items count.
            List<WebElement> items = d.findElements(By.cssSelector("vaadin-select-item")).stream()
                    .filter(i -> !String.valueOf(i.getDomAttribute("id")).startsWith("value-"))
                    .toList();
            return items.size() == Publication.Filter.values().length ? items.get(items.size() - 1) : null;
        });
        // The overlay opens with an animation; a script click does not wait for it to settle.
        browser.executeScript("arguments[0].click();", last);
    }

    private static Article found(String title) {
        try {
            var items = runtime.articles()
                    .list(ArticleQuery.newest(5).withText(title))
                    .items();
            return items.stream()
                    .filter(a -> a.title().equals(title))
                    .findFirst()
                    .orElse(null);
        } catch (Exception e) {
            return null;
        }
    }

    private static int status(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    @Test
    @Order(5)
    void twoEditorsOnOneArticleNeverOverwriteEachOther() throws Exception {
        Article article =
                runtime.articles().list(ArticleQuery.newest(1)).items().get(0);
        ChromeDriver other = Browser.start();
        try {
            signIn(other, "admin", RuntimeConfig.TEST_ADMIN_PASSWORD);
            find(other, "#articles");
            other.get(admin() + "article?id=" + article.id());
            find(other, "#title input");
            browser.get(admin() + "article?id=" + article.id());
            // Told before it comes to a conflict, as Magnolia's lock would.
            wait.until(d -> text(find(browser, "#editing-by")).startsWith("admin đang sửa bài này từ "));
            type(other, "lead", "Bản của biên tập viên thứ hai");
            type(other, "title", "Tiêu đề do người thứ hai sửa");
            click(other, "#save");
            new WebDriverWait(other, Duration.ofSeconds(20))
                    .until(d -> lead(article).equals("Bản của biên tập viên thứ hai"));

            type(browser, "lead", "Bản của biên tập viên thứ nhất");
            type(browser, "author", "Người viết thứ nhất");
            click(browser, "#save");
            assertNotNull(find(browser, "#conflict-merge"), "the second save is refused with the changes shown");
            assertEquals("Bản của biên tập viên thứ hai", lead(article), "nothing was overwritten");
            // Field by field: the title only they changed (theirs kept), the lead both changed (mine first),
            // the author only I changed.
            assertEquals("Giữ bản của họ", checkedOf("merge-title"));
            assertEquals("Giữ bản của tôi", checkedOf("merge-lead"));
            assertEquals("Giữ bản của tôi", checkedOf("merge-author"));
            assertTrue(
                    browser.findElements(By.cssSelector(".merge-theirs")).stream()
                            .anyMatch(e -> text(e).equals("Bản của biên tập viên thứ hai")),
                    "their lead shown whole");
            click(browser, "#conflict-merge");
            wait.until(d -> lead(article).equals("Bản của biên tập viên thứ nhất"));
            Article merged = runtime.articles().findById(article.id()).orElseThrow();
            assertEquals("Tiêu đề do người thứ hai sửa", merged.title(), "their title kept");
            assertEquals("Người viết thứ nhất", merged.author(), "my author kept");

            // Another round, and this time their version is taken into the form.
            ArticleDraft theirs = merged.toDraft();
            theirs.setLead("Bản thứ ba của người khác");
            runtime.articles().update(article.id(), merged.version(), theirs, "lan");
            type(browser, "lead", "Bản tôi định lưu");
            click(browser, "#save");
            click(browser, "#conflict-reload");
            wait.until(
                    d -> find(browser, "#lead textarea").getDomProperty("value").equals("Bản thứ ba của người khác"));
            assertEquals("Bản thứ ba của người khác", lead(article));
        } finally {
            other.quit();
        }
    }

    @Test
    @Order(6)
    void uploadsTakeImagesAndRefuseOtherFiles() throws Exception {
        Article article =
                runtime.articles().list(ArticleQuery.newest(1)).items().get(0);
        browser.get(admin() + "article?id=" + article.id());
        WebElement upload = find(browser, "#image-upload");
        Path text = Files.createTempFile("note", ".txt");
        Files.writeString(text, "not an image");
        fileInput(upload).sendKeys(text.toString());
        wait.until(d -> !find(browser, "#image-error").getText().isBlank());
        assertTrue(
                find(browser, "#image-error").getText().contains("JPEG"),
                find(browser, "#image-error").getText());
        // Too large names its own cause (the editor is Vietnamese: no English word to look for).
        Path big = Files.createTempFile("big", ".jpg");
        Files.write(big, new byte[(int) runtime.images().maxBytes() + 1024]);
        fileInput(upload).sendKeys(big.toString());
        wait.until(d -> find(browser, "#image-error").getText().contains("25 MB"));
        Files.delete(big);
        assertFalse(find(browser, "#image-error").getText().contains("JPEG"), "too large, not the wrong type");
        Path fake = Files.createTempFile("fake", ".png");
        Files.writeString(fake, "<svg onload=alert(1)>");
        fileInput(upload).sendKeys(fake.toString());
        // Refused by its content once it arrived (the previous message named the size, this one the types).
        wait.until(d -> find(browser, "#image-error").getText().contains("JPEG"));
        assertEquals(
                "", find(browser, "#image input").getDomProperty("value"), "a text file named .png is refused too");
        // A save afterwards is a new action: the refusal of a file that changed nothing does not stay.
        click(browser, "#save");
        wait.until(d -> find(browser, "#image-error").getText().isBlank());

        Path png = Files.createTempFile("anh", ".png");
        Files.write(png, ImageAssetsTest.image("png"));
        fileInput(upload).sendKeys(png.toString());
        wait.until(d -> String.valueOf(find(browser, "#image input").getDomProperty("value"))
                .startsWith("jcr:"));
        type(browser, "imageAlt", "Ảnh minh hoạ");
        click(browser, "#save");
        wait.until(d -> {
            try {
                return runtime.articles().findById(article.id()).orElseThrow().image() != null;
            } catch (Exception e) {
                return false;
            }
        });
        String key = runtime.articles().findById(article.id()).orElseThrow().image();
        HttpResponse<byte[]> served = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.baseUrl() + "/dam/" + key + "/anh.png"))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, served.statusCode());
        assertEquals("image/png", served.headers().firstValue("Content-Type").orElse(""));

        // A photo straight from a phone (4000x3000, 7 MB, sideways, with its location) is taken as it comes:
        // kept upright, 3,000 px on its longer side, without its metadata.
        Path photo = Files.createTempFile("dien-thoai", ".jpg");
        Files.write(photo, ImageAssetsTest.photoFromAPhone());
        assertTrue(Files.size(photo) > 5 * 1024 * 1024, "larger than the old 5 MB limit: " + Files.size(photo));
        fileInput(upload).sendKeys(photo.toString());
        wait.until(d -> {
            String value = (String) find(browser, "#image input").getDomProperty("value");
            return value != null && value.startsWith("jcr:") && !value.equals(key);
        });
        assertEquals("", find(browser, "#image-error").getText());
        // Editors see the thumbnail and the file's name, not the asset key.
        wait.until(d -> text(find(browser, "#image-name")).endsWith(".jpg")
                && text(find(browser, "#image-name")).startsWith("dien-thoai"));
        assertFalse(find(browser, "#image").isDisplayed(), "the asset key is not shown");
        wait.until(d -> Boolean.TRUE.equals(browser.executeScript(
                "const i = document.getElementById('image-preview'); return i.complete && i.naturalWidth > 0;")));
        String photoKey = String.valueOf(find(browser, "#image input").getDomProperty("value"));
        ImageAssets.Image kept = runtime.images().read(photoKey).orElseThrow();
        BufferedImage stored = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(kept.data()));
        assertEquals(3000, stored.getHeight(), "upright, 3,000 px on its longer side");
        assertEquals(2250, stored.getWidth());
        assertFalse(new String(kept.data(), java.nio.charset.StandardCharsets.ISO_8859_1).contains("GPS"));
        Files.delete(photo);
    }

    @Test
    @Order(7)
    void featuredArticlesAreReorderedByDragAndDrop() throws Exception {
        List<Article> all = runtime.articles().list(ArticleQuery.newest(3)).items();
        for (int i = 0; i < 3; i++) {
            ArticleDraft d = all.get(i).toDraft();
            d.setFeatured(true);
            d.setFeaturedRank((long) (i + 1));
            runtime.articles().update(all.get(i).id(), all.get(i).version(), d, "seed");
        }
        browser.get(admin());
        find(browser, "#articles");
        click(browser, "#featured-only input");
        wait.until(d -> matchCount(browser).startsWith("3"));
        wait.until(
                d -> Boolean.TRUE.equals(
                        browser.executeScript(
                                "const g = document.querySelector('#articles'); return g.rowsDraggable === true && g.dropMode === 'between';")));
        // HTML5 drag and drop as the browser fires it: the third row dropped above the first.
        browser.executeScript("""
                const grid = document.querySelector('#articles');
                const rows = [...grid.shadowRoot.querySelectorAll('tbody tr')].filter(r => !r.hidden).sort((a, b) => a.index - b.index);
                const source = rows[2], target = rows[0];
                const data = new DataTransfer();
                const fire = (element, type, rect) => element.dispatchEvent(new DragEvent(type, {bubbles: true, composed: true,
                    cancelable: true, dataTransfer: data, clientX: rect.left + 10, clientY: rect.top + 2}));
                fire(source, 'dragstart', source.getBoundingClientRect());
                fire(target, 'dragover', target.getBoundingClientRect());
                fire(target, 'drop', target.getBoundingClientRect());
                fire(source, 'dragend', source.getBoundingClientRect());
                """);
        // The new ranks are written one article after the other: wait for the last.
        wait.until(d -> rank(all.get(2)) == 1L && rank(all.get(0)) == 2L && rank(all.get(1)) == 3L);

        // Without dragging: the last row one place up (a button, so the keyboard reaches it too). The click
        // waits for the list to show the saved order: a button of the list before it holds the old version.
        wait.until(d -> rowTitles().equals(titles(all.get(2), all.get(0), all.get(1))));
        clickInRow(all.get(1), "move-up");
        wait.until(d -> rank(all.get(2)) == 1L && rank(all.get(1)) == 2L && rank(all.get(0)) == 3L);

        // "Move to top": the last one first in one click, the others keep their order after it.
        wait.until(d -> rowTitles().equals(titles(all.get(2), all.get(1), all.get(0))));
        clickInRow(all.get(0), "move-to-top");
        wait.until(d -> rank(all.get(0)) == 1L && rank(all.get(2)) == 2L && rank(all.get(1)) == 3L);
        wait.until(d -> rowTitles().equals(titles(all.get(0), all.get(2), all.get(1))));

        // Featuring an article puts it first in the block, not last.
        ArticleDraft fresh =
                TestArticles.draft("Tin vừa được chọn nổi bật", Instant.now().minusSeconds(60));
        fresh.setPublishOnCreate(true);
        Article chosen = runtime.articles().create(fresh, "nam");
        // A script click: the "order saved" notice may still cover the checkbox.
        browser.executeScript("document.querySelector('#featured-only input').click();");
        type(browser, "search", "vừa được chọn");
        wait.until(d -> matchCount(browser).startsWith("1 "));
        fromRowMenu(browser, "toggle-featured");
        wait.until(
                d -> rank(chosen) == 1L && rank(all.get(0)) == 2L && rank(all.get(2)) == 3L && rank(all.get(1)) == 4L);
    }

    private static long rank(Article a) {
        try {
            Long rank = runtime.articles().findById(a.id()).orElseThrow().featuredRank();
            return rank == null ? -1 : rank;
        } catch (Exception e) {
            return -1;
        }
    }

    @Test
    @Order(8)
    void theDashboardShowsTotalsTheMostReadAndViewsPerDay() throws Exception {
        Article read = runtime.articles().list(ArticleQuery.newest(3)).items().get(2);
        for (int i = 0; i < 5; i++) {
            runtime.viewCounter().record(read.id(), Instant.now());
        }
        runtime.viewCounter().flush();
        browser.get(admin() + "dashboard");
        long articles = runtime.articles().count(ArticleQuery.newest(1));
        wait.until(d -> find(browser, "#total-articles .value").getText().equals(String.valueOf(articles)));
        assertTrue(find(browser, "#views-today .value").getText().matches("[1-9]\\d*"), "today has views");
        assertTrue(
                find(browser, "#top-7").getText().contains(read.title() + " - 5"),
                find(browser, "#top-7").getText());
        // A real chart: 30 days on a dated axis, views on the other, today's count as its last point.
        String today = java.time.format.DateTimeFormatter.ofPattern("dd/MM")
                .format(java.time.LocalDate.now(RuntimeConfig.DEFAULT_ZONE));
        wait.until(d -> chart("views-chart") != null);
        List<?> chart = chart("views-chart");
        assertEquals(30L, chart.get(0), "30 days");
        assertEquals(today, chart.get(1), "the last is today");
        assertTrue(((Number) chart.get(2)).longValue() >= 5, "today's views: " + chart);
        assertEquals("Ngày", chart.get(3));
        assertEquals("Lượt xem", chart.get(4));
        assertEquals(Boolean.TRUE, chart.get(5), "values on hover");

        // The most read open their article, whose editor shows its own 30 days.
        click(browser, "#top-7 a.top-article");
        wait.until(d -> d.getCurrentUrl().contains("article?id=" + read.id()));
        wait.until(d -> chart("article-views-chart") != null);
        assertEquals(5L, ((Number) chart("article-views-chart").get(2)).longValue(), "its views today");

        // On a phone the dashboard fits its width.
        org.openqa.selenium.Dimension wide = browser.manage().window().getSize();
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            wait.until(d -> ((Number) browser.executeScript("return window.innerWidth")).intValue() <= 400);
            browser.get(admin() + "dashboard");
            wait.until(d -> chart("views-chart") != null);
            Number overflow = (Number) browser.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertTrue(overflow.intValue() <= 0, "the dashboard is wider than a phone by " + overflow + " px");
        } finally {
            browser.manage().window().setSize(wide);
        }

        // The grid sorts by views too: the most read comes first when sorted descending.
        browser.get(admin());
        find(browser, "#articles");
        WebElement sorter = wait.until(d -> d.findElements(By.cssSelector("vaadin-grid-sorter")).stream()
                .filter(x -> x.getText().equals("Lượt xem"))
                .findFirst()
                .orElse(null));
        sorter.click();
        sorter.click();
        wait.until(d -> "descending".equals(sorter.getDomAttribute("direction"))
                || "desc".equals(sorter.getDomAttribute("direction")));
        wait.until(d -> firstTitle().equals(read.title()));
    }

    private static final String ROWS_SCRIPT = """
            const grid = document.querySelector('#articles');
            const rows = [...grid.shadowRoot.querySelectorAll('tbody tr')].filter(r => !r.hidden).sort((a, b) => a.index - b.index);
            // A row's cells: the elements slotted into its td's, in column order.
            const contents = row => [...row.querySelectorAll('td slot')].map(s => s.assignedElements()[0]).filter(c => c);
            const title = row => { const c = contents(row).find(c => !c.querySelector('vaadin-checkbox') && c.textContent.trim());
                                   return c ? c.textContent : ''; };
            """;

    /** The titles the grid's rows show, top to bottom (the cells' order in the page is not the rows'). */
    @SuppressWarnings("unchecked")
    private static List<String> rowTitles() {
        // Rows kept for reuse without an item show no title.
        return (List<String>) browser.executeScript(ROWS_SCRIPT + "return rows.map(title).filter(t => t);");
    }

    private static List<String> titles(Article... articles) {
        return java.util.Arrays.stream(articles).map(Article::title).toList();
    }

    /** Clicks the button of class {@code css} in the row showing {@code article}. */
    private static void clickInRow(Article article, String css) {
        wait.until(d -> Boolean.TRUE.equals(browser.executeScript(ROWS_SCRIPT + """
                        const row = rows.find(r => title(r) === arguments[0]);
                        const button = row && contents(row).map(c => c.querySelector('vaadin-button.' + arguments[1])).find(b => b);
                        if (!button) return false;
                        button.click();
                        return true;
                        """, article.title(), css)));
    }

    /** The title in the grid's first row. */
    private static String firstTitle() {
        Object title = browser.executeScript("""
                const grid = document.querySelector('#articles');
                const row = [...grid.shadowRoot.querySelectorAll('tbody tr')].filter(r => !r.hidden).sort((a, b) => a.index - b.index)[0];
                // The first cell with text: the selection column before it holds only a checkbox.
                const contents = row ? [...row.querySelectorAll('td slot')].map(s => s.assignedElements()[0]) : [];
                const content = contents.find(c => c && !c.querySelector('vaadin-checkbox') && c.textContent.trim());
                return content ? content.textContent : '';
                """);
        return String.valueOf(title);
    }

    @Test
    @Order(9)
    void theLanguageSwitchesToEnglish() {
        browser.get(admin());
        assertEquals("Bài viết mới", find(browser, "#new-article").getText());
        click(browser, "#language");
        wait.until(d -> !d.findElements(By.cssSelector("vaadin-select-item")).isEmpty());
        browser.findElements(By.cssSelector("vaadin-select-item")).stream()
                .filter(item -> item.getText().equals("English"))
                .findFirst()
                .orElseThrow()
                .click();
        // Read in one script: the page is rebuilt in the new language, and an element found a moment before may
        // be gone by the time its text is asked for (Chromium then says "does not belong to the document").
        wait.until(d -> "New article"
                .equals(browser.executeScript(
                        "const b = document.querySelector('#new-article'); return b ? b.textContent.trim() : '';")));
        wait.until(d -> matchCount(browser).endsWith("articles"));
    }

    @Test
    @Order(10)
    void theAuditTrailShowsWhoDidWhatAndFiltersIt() {
        browser.get(admin() + "audit");
        find(browser, "#audit");
        wait.until(d -> !auditRows().isEmpty());
        // The refused sign-in of this class's first step, with why (the grid shows the newest rows: filtered).
        chooseAuditAction("Sign-in refused");
        wait.until(d -> !auditRows().isEmpty()
                && auditRows().stream()
                        .allMatch(r ->
                                r.contains("Sign-in refused") && r.contains("admin") && r.contains("wrong password")));
        chooseAuditAction("Signed in");
        wait.until(d -> !auditRows().isEmpty()
                && auditRows().stream().allMatch(r -> r.contains("Signed in") && r.contains("admin")));
        // What the editor did in the browser: the article created there, by admin.
        chooseAuditAction("Created");
        WebElement who = find(browser, "#audit-user input");
        who.sendKeys("admin");
        WebElement admin = wait.until(d -> d.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                .filter(i -> i.isDisplayed() && i.getText().equals("admin"))
                .findFirst()
                .orElse(null));
        browser.executeScript("arguments[0].click();", admin);
        wait.until(d -> auditRows().stream().anyMatch(r -> r.contains("Bài tạo trong trình duyệt"))
                && auditRows().stream().allMatch(r -> r.contains("Created") && r.contains("| admin |")));
        // Read only: no action of any kind on an entry.
        assertTrue(browser.findElements(By.cssSelector("#audit vaadin-button")).isEmpty());
    }

    private static void chooseAuditAction(String label) {
        click(browser, "#audit-action");
        WebElement item = wait.until(d -> d.findElements(By.cssSelector("vaadin-select-item")).stream()
                .filter(i -> i.isDisplayed() && i.getText().equals(label))
                .findFirst()
                .orElse(null));
        browser.executeScript("arguments[0].click();", item);
        wait.until(d -> String.valueOf(browser.executeScript("return document.querySelector('#audit-action').shadowRoot"
                        + " ? document.querySelector('#audit-action').innerText : ''"))
                .contains(label));
    }

    private static String debugTrail() {
        try {
            return String.valueOf(runtime.audit().find(io.newsroom.news.article.AuditTrail.Filter.ALL, 20));
        } catch (Exception e) {
            return e.toString();
        }
    }

    /** The audit grid's rows as lines of their cells' texts. */
    private static List<String> auditRows() {
        return rowsOf(browser, "#audit");
    }

    @Test
    @Order(11)
    void theAdminSessionStaysUnderAdminAndSignOutEndsIt() {
        browser.get(admin());
        find(browser, "#articles");
        Cookie session = browser.manage().getCookieNamed("JSESSIONID");
        assertNotNull(session);
        assertEquals("/admin", session.getPath(), "the site's pages never receive the admin session");
        assertTrue(session.isHttpOnly());
        click(browser, "#sign-out");
        assertNotNull(find(browser, "vaadin-login-form"));
        browser.get(admin() + "dashboard");
        assertNotNull(find(browser, "vaadin-login-form"), "signed out means signed out");
        assertTrue(browser.findElements(By.id("views-chart")).isEmpty());
    }

    @Test
    @Order(12)
    void anEditorChangesTheirPasswordAndSignsInWithTheNewOne() {
        browser.get(admin());
        signIn(browser, "admin", RuntimeConfig.TEST_ADMIN_PASSWORD);
        find(browser, "#articles");
        click(browser, "#change-password");
        // Refusals on their fields, nothing changed (signed in anew: the session speaks Vietnamese again).
        type(browser, "password-current", "not my password");
        type(browser, "password-new", "một câu mật khẩu mới");
        type(browser, "password-repeat", "một câu mật khẩu mới");
        click(browser, "#password-save");
        wait.until(d -> String.valueOf(find(browser, "#password-current").getDomProperty("errorMessage"))
                .contains("không phải mật khẩu hiện tại"));
        type(browser, "password-current", RuntimeConfig.TEST_ADMIN_PASSWORD);
        type(browser, "password-repeat", "một câu khác hẳn");
        click(browser, "#password-save");
        wait.until(d -> String.valueOf(find(browser, "#password-repeat").getDomProperty("errorMessage"))
                .contains("không khớp"));
        type(browser, "password-new", "short");
        type(browser, "password-repeat", "short");
        click(browser, "#password-save");
        wait.until(d -> String.valueOf(find(browser, "#password-new").getDomProperty("errorMessage"))
                .contains("ít nhất 10"));
        // Then done: the next sign-in takes the new one only.
        type(browser, "password-new", "một câu mật khẩu mới");
        type(browser, "password-repeat", "một câu mật khẩu mới");
        click(browser, "#password-save");
        dialogsClosed(browser);
        click(browser, "#sign-out");
        // Signed out once the sign-in form shows: loading the app before that would still find the session.
        find(browser, "vaadin-login-form");
        signIn(browser, "admin", RuntimeConfig.TEST_ADMIN_PASSWORD);
        wait.until(d -> d.findElement(By.cssSelector("vaadin-login-form")).getDomAttribute("error") != null);
        browser.get(admin());
        signIn(browser, "admin", "một câu mật khẩu mới");
        assertNotNull(find(browser, "#articles"));
    }

    @Test
    @Order(13)
    void anAdministratorAddsAnEditorWhoChoosesAPasswordAndIsDisabledLater() throws Exception {
        browser.get(admin() + "users");
        // A name that is no user name: said on the field, nothing added.
        type(browser, "new-user", "Lan Nguyễn");
        click(browser, "#add-user");
        wait.until(d -> String.valueOf(find(browser, "#new-user").getDomProperty("errorMessage"))
                .contains("2-40 ký tự"));
        type(browser, "new-user", "lan.nguyen");
        click(browser, "#add-user");
        wait.until(d -> String.valueOf(find(browser, "#new-user-email").getDomProperty("errorMessage"))
                .contains("Hãy nhập một địa chỉ email"));
        type(browser, "new-user-email", "lan.nguyen@phuong.vn");
        click(browser, "#add-user");
        String temporary = temporaryPasswordShown();
        wait.until(d -> texts("#users vaadin-grid-cell-content").contains("lan.nguyen@phuong.vn"));

        ChromeDriver lan = Browser.start();
        try {
            signIn(lan, "lan.nguyen", temporary);
            // A temporary password: nothing else until Lan chose her own (no way to close the dialog).
            find(lan, "#password-dialog");
            assertTrue(
                    lan
                            .findElements(
                                    By.xpath("//vaadin-button[normalize-space()='Hủy' or normalize-space()='Huỷ']"))
                            .stream()
                            .noneMatch(WebElement::isDisplayed));
            type(lan, "password-current", temporary);
            type(lan, "password-new", "mật khẩu riêng của Lan");
            type(lan, "password-repeat", "mật khẩu riêng của Lan");
            click(lan, "#password-save");
            dialogsClosed(lan);
            assertNotNull(find(lan, "#articles"));

            // Disabled by the administrator: Lan's session ends at her next request, and she cannot sign in.
            wait.until(d -> Boolean.TRUE.equals(browser.executeScript(
                    "const row = [...document.querySelectorAll('#users vaadin-grid-cell-content')]"
                            + ".find(c => c.textContent.trim() === 'lan.nguyen');"
                            + "if (!row) return false;"
                            + "const cells = [...document.querySelectorAll('#users vaadin-grid-cell-content')];"
                            + "const button = cells.map(c => c.querySelector('vaadin-button.disable-user')).filter(b => b)"
                            + ".find(b => b.closest('vaadin-grid-cell-content').assignedSlot.closest('tr')"
                            + " === row.assignedSlot.closest('tr'));"
                            + "if (!button) return false; button.click(); return true;")));
            click(browser, "#confirm-disable-button");
            wait.until(d -> texts("#users vaadin-grid-cell-content").contains("Đã khoá"));
            lan.navigate().refresh();
            find(lan, "vaadin-login-form");
            assertTrue(lan.findElements(By.id("articles")).isEmpty(), "the session ended");
            signIn(lan, "lan.nguyen", "mật khẩu riêng của Lan");
            wait.until(d -> String.valueOf(lan.executeScript(
                            "return document.querySelector('vaadin-login-form').i18n.errorMessage.title"))
                    .equals("Tài khoản đã bị khoá"));
        } finally {
            lan.quit();
        }
    }

    @Test
    @Order(14)
    void aReporterWritesADraftAndIsOfferedNothingElse() throws Exception {
        browser.get(admin() + "users");
        type(browser, "new-user", "phong.vien");
        type(browser, "new-user-email", "phong.vien@phuong.vn");
        // "Phóng viên" is the role a new account starts with.
        wait.until(d -> text(find(browser, "#new-user-role")).contains("Phóng viên"));
        click(browser, "#add-user");
        String temporary = temporaryPasswordShown();
        ChromeDriver reporter = Browser.start();
        try {
            signIn(reporter, "phong.vien", temporary);
            type(reporter, "password-current", temporary);
            type(reporter, "password-new", "bài viết của phóng viên");
            type(reporter, "password-repeat", "bài viết của phóng viên");
            click(reporter, "#password-save");
            dialogsClosed(reporter);
            find(reporter, "#articles");
            for (String screen : List.of("#nav-pages", "#nav-users", "#nav-audit", "#nav-images")) {
                assertTrue(
                        reporter.findElements(By.cssSelector(screen)).stream().noneMatch(WebElement::isDisplayed),
                        screen + " is not offered to a reporter");
            }
            // Typed by hand: refused, back on the articles.
            reporter.get(admin() + "users");
            find(reporter, "#articles");
            assertTrue(reporter.findElements(By.id("users")).isEmpty());

            click(reporter, "#new-article");
            type(reporter, "title", "Tin của phóng viên");
            type(reporter, "lead", "Viết bởi phóng viên, chờ biên tập viên đăng");
            assertTrue(
                    reporter.findElements(By.cssSelector("#publish")).stream().noneMatch(WebElement::isDisplayed),
                    "no Publish for a reporter");
            click(reporter, "#save");
            wait.until(d -> {
                try {
                    return runtime.articles()
                                    .list(ArticleQuery.newest(5).withText("phóng viên"))
                                    .total()
                            == 1;
                } catch (Exception e) {
                    return false;
                }
            });
            Article written = runtime.articles()
                    .list(ArticleQuery.newest(5).withText("phóng viên"))
                    .items()
                    .get(0);
            assertFalse(written.publication().published(), "a draft: an editor publishes it");
        } finally {
            reporter.quit();
        }
    }

    @Test
    @Order(15)
    void aReporterSubmitsAnEditorSendsItBackTheReporterFixesItAndTheEditorPublishes() throws Exception {
        Article written = runtime.articles()
                .list(ArticleQuery.newest(5).withText("phóng viên"))
                .items()
                .get(0);
        ChromeDriver reporter = Browser.start();
        try {
            signIn(reporter, "phong.vien", "bài viết của phóng viên");
            find(reporter, "#articles");
            click(reporter, "#nav-review");
            wait.until(d -> text(find(reporter, "#review-empty")).strip().contains("chưa gửi bài nào"));
            reporter.get(admin() + "article?id=" + written.id());
            click(reporter, "#submit-review");
            wait.until(d -> text(find(reporter, "#review-state")).strip().startsWith("Chờ duyệt: phong.vien gửi lúc"));
            assertFalse(find(reporter, "#submit-review").isDisplayed(), "submitted once");

            // The editor (here the administrator) finds it in the queue and sends it back, saying why.
            browser.get(admin());
            wait.until(d -> text(find(browser, "#nav-review")).strip().equals("Duyệt bài (1)"));
            click(browser, "#nav-review");
            clickLink(browser, "#review-queue", "Tin của phóng viên");
            click(browser, "#send-back");
            click(browser, "#send-back-button");
            wait.until(d -> String.valueOf(find(browser, "#send-back-comment").getDomProperty("errorMessage"))
                    .contains("Hãy nói cần sửa gì"));
            assertEquals(Review.Status.SUBMITTED, review(written), "refused: nothing changed");
            type(browser, "send-back-comment", "Thêm giờ họp và nguồn tin.");
            click(browser, "#send-back-button");
            wait.until(d -> text(find(browser, "#review-state")).strip().startsWith("Bị admin trả lại lúc"));
            dialogsClosed(browser);

            // The reporter reads the outcome, fixes the draft and submits it again (the change saved with it).
            reporter.get(admin() + "review");
            wait.until(d -> text(find(reporter, "#nav-review")).strip().equals("Bài tôi gửi duyệt (1 bị trả lại)"));
            wait.until(d -> rowsOf(reporter, "#my-submissions").stream()
                    .anyMatch(r -> r.contains("Tin của phóng viên")
                            && r.contains("Trả lại")
                            && r.contains("Thêm giờ họp và nguồn tin.")));
            clickLink(reporter, "#my-submissions", "Tin của phóng viên");
            wait.until(d -> text(find(reporter, "#review-comment")).strip().equals("Thêm giờ họp và nguồn tin."));
            type(reporter, "lead", "Họp lúc 19:00 tại nhà văn hoá khu phố, theo thông báo của phường");
            wait.until(d -> text(find(reporter, "#submit-review")).strip().equals("Gửi duyệt lại"));
            click(reporter, "#submit-review");
            wait.until(d -> text(find(reporter, "#review-state")).strip().startsWith("Chờ duyệt"));
            assertEquals(
                    "Họp lúc 19:00 tại nhà văn hoá khu phố, theo thông báo của phường",
                    runtime.articles().findById(written.id()).orElseThrow().lead());

            // The editor publishes it: that is the approval.
            browser.get(admin() + "article?id=" + written.id());
            wait.until(d -> text(find(browser, "#review-state")).strip().startsWith("Chờ duyệt"));
            click(browser, "#publish");
            wait.until(d -> text(find(browser, "#review-state")).strip().startsWith("Đã được admin duyệt"));
            Article published = runtime.articles().findById(written.id()).orElseThrow();
            assertTrue(published.publication().published());
            assertEquals(Review.Status.APPROVED, review(written));
            reporter.get(admin() + "review");
            wait.until(d -> rowsOf(reporter, "#my-submissions").stream()
                    .anyMatch(r -> r.contains("Tin của phóng viên") && r.contains("Đã duyệt")));

            // The trail tells the whole flow, newest first.
            browser.get(admin() + "audit");
            // Publishing from the editor saves the form first.
            List<String> flow = List.of("Đăng", "Lưu", "Gửi duyệt", "Lưu", "Trả lại", "Gửi duyệt");
            wait.until(d -> {
                List<String> actions = auditRows().stream()
                        .filter(r -> r.contains("Tin của phóng viên"))
                        .map(r -> r.split(" \\| ")[3])
                        .toList();
                return actions.size() >= flow.size()
                        && actions.subList(0, flow.size()).equals(flow);
            });
        } finally {
            reporter.quit();
        }
    }

    private static Review.Status review(Article article) throws Exception {
        return runtime.adminContext().reviews().of(article.id()).orElseThrow().status();
    }

    /** Clicks the link {@code text} in the grid {@code grid}. */
    private static void clickLink(ChromeDriver driver, String grid, String text) {
        wait.until(d -> Boolean.TRUE.equals(driver.executeScript(
                "const a = [...document.querySelectorAll(arguments[0] + ' vaadin-grid-cell-content a')]"
                        + ".find(a => a.textContent.trim() === arguments[1]);"
                        + "if (!a) return false; a.click(); return true;",
                grid,
                text)));
    }

    /** Clicks the button of class {@code buttonClass} in the row of grid {@code grid} that has a cell reading {@code name}. */
    static void clickInRow(ChromeDriver driver, String grid, String name, String buttonClass) {
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> Boolean.TRUE.equals(driver.executeScript(
                        "const cells = [...document.querySelectorAll(arguments[0] + ' vaadin-grid-cell-content')];"
                                + "const named = cells.find(c => c.textContent.trim() === arguments[1]);"
                                + "if (!named) return false;"
                                + "const row = named.assignedSlot.closest('tr');"
                                + "const button = cells.map(c => c.querySelector('vaadin-button.' + arguments[2]))"
                                + ".find(b => b && b.closest('vaadin-grid-cell-content').assignedSlot.closest('tr') === row);"
                                + "if (!button) return false; button.click(); return true;",
                        grid,
                        name,
                        buttonClass)));
    }

    /** A grid's rows as lines of their cells' texts (read in one step: the grid re-renders). */
    @SuppressWarnings("unchecked")
    static List<String> rowsOf(ChromeDriver driver, String grid) {
        return (List<String>) driver.executeScript("""
                const cells = [...document.querySelectorAll(arguments[0] + ' vaadin-grid-cell-content')]
                    .filter(c => c.assignedSlot && !c.assignedSlot.closest('thead'));
                const rows = new Map();
                for (const c of cells) {
                    const tr = c.assignedSlot.closest('tr');
                    if (!tr || tr.hidden) continue;
                    rows.set(tr, (rows.get(tr) || '') + ' | ' + c.textContent.trim());
                }
                return [...rows.values()].filter(r => r.replace(/[ |]/g, '').length > 0);""", grid);
    }

    /** The temporary password the Users screen shows once (read, then the dialog closed). */
    private static String temporaryPasswordShown() {
        String shown = wait.until(d -> {
            List<WebElement> value = d.findElements(By.cssSelector("#temporary-password-value"));
            return value.isEmpty() || value.get(0).getText().isBlank()
                    ? null
                    : value.get(0).getText();
        });
        click(browser, "#temporary-password-close");
        return shown;
    }

    /** Until no dialog is open or still closing (its overlay takes the clicks meanwhile). */
    private static void dialogsClosed(ChromeDriver driver) {
        wait.until(
                d -> Boolean.TRUE.equals(
                        driver.executeScript(
                                "return document.querySelector('vaadin-dialog-overlay[opened], vaadin-dialog-overlay[closing]') === null;")));
    }

    private static List<String> texts(String css) {
        return browser.findElements(By.cssSelector(css)).stream()
                .map(e -> String.valueOf(e.getDomProperty("textContent")).strip())
                .toList();
    }

    /** vaadin-upload keeps its file input in its shadow root. */
    static WebElement fileInput(WebElement upload) {
        List<WebElement> light = upload.findElements(By.cssSelector("input[type=file]"));
        return light.isEmpty() ? upload.getShadowRoot().findElement(By.cssSelector("input[type=file]")) : light.get(0);
    }

    private String errorOf(String fieldId) {
        return String.valueOf(find(browser, "#" + fieldId).getDomProperty("errorMessage"));
    }

    private static String title(Article a) {
        try {
            return runtime.articles().findById(a.id()).orElseThrow().title();
        } catch (Exception e) {
            return "";
        }
    }

    private static String lead(Article a) {
        try {
            return String.valueOf(
                    runtime.articles().findById(a.id()).orElseThrow().lead());
        } catch (Exception e) {
            return "";
        }
    }

    private static boolean featured(Article a) {
        try {
            return runtime.articles().findById(a.id()).orElseThrow().featured();
        } catch (Exception e) {
            return false;
        }
    }
}
