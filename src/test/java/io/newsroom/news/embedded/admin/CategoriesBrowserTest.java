package io.newsroom.news.embedded.admin;

import static io.newsroom.news.TestArticles.draft;
import static io.newsroom.news.TestArticles.hanoi;
import static io.newsroom.news.embedded.admin.AdminBrowserTest.admin;
import static io.newsroom.news.embedded.admin.AdminBrowserTest.click;
import static io.newsroom.news.embedded.admin.AdminBrowserTest.find;
import static io.newsroom.news.embedded.admin.AdminBrowserTest.type;
import static org.junit.jupiter.api.Assertions.*;

import io.newsroom.news.Browser;
import io.newsroom.news.article.Article;
import io.newsroom.news.article.ArticleDraft;
import io.newsroom.news.embedded.server.DemoContentAccess;
import io.newsroom.news.embedded.server.NewsRuntime;
import io.newsroom.news.embedded.server.RuntimeConfig;
import io.newsroom.news.embedded.server.SiteServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** An editor manages the categories in the real browser; readers' old addresses follow. */
class CategoriesBrowserTest {
    private static NewsRuntime runtime;
    private static SiteServer server;
    private static ChromeDriver browser;
    private static WebDriverWait wait;
    private static Article notice;
    private static Article match;

    @BeforeAll
    static void start() throws Exception {
        runtime = NewsRuntime.start(RuntimeConfig.forTests());
        DemoContentAccess.createPages(runtime);
        notice = create("Lịch tiếp công dân tháng tư", "Thông báo", 3);
        create("Thông báo cắt nước", "Thông báo", 4);
        match = create("Chung kết bóng đá phường", "Thể thao", 5);
        runtime.categories().startFrom(runtime.articles()::categories);
        server = SiteServer.start(runtime, 0);
        AdminBrowserTest.serverFor(server);
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
    }

    private static Article create(String title, String category, int day) throws Exception {
        ArticleDraft d = draft(title, hanoi(2026, 4, day, 8, 0));
        d.setCategory(category);
        return runtime.articles().create(d, "seed");
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
    void anEditorRenamesACategoryItsOldAddressLeadsToItAndOneInUseIsDeletedByMovingItsArticles() throws Exception {
        AdminBrowserTest.signIn(browser, "admin", RuntimeConfig.TEST_ADMIN_PASSWORD);
        find(browser, "#articles");
        click(browser, "#nav-categories");
        wait.until(d -> rows().stream()
                .anyMatch(r -> r.contains("| Thông báo |") && r.contains("/news/thong-bao") && r.contains("| 2 |")));

        // Renamed, with its problems said on the field first.
        clickInRow("Thông báo", "edit-category");
        type(browser, "category-name", "The Thao");
        click(browser, "#category-save");
        wait.until(d -> errorOf("category-name").contains("/news/the-thao"));
        type(browser, "category-name", "Thông báo phường");
        type(browser, "category-name-en", "Ward notices");
        click(browser, "#category-save");
        wait.until(d -> rows().stream()
                .anyMatch(r -> r.contains("| Thông báo phường | Ward notices | /news/thong-bao-phuong |")));
        assertEquals(
                "Thông báo phường",
                runtime.articles().findById(notice.id()).orElseThrow().category());

        // A reader with the old address lands on the new one.
        browser.get(server.baseUrl() + "/news/thong-bao");
        wait.until(d -> d.getCurrentUrl().endsWith("/news/thong-bao-phuong")
                && d.getPageSource().contains("Lịch tiếp công dân tháng tư"));

        // One in use is deleted only once its articles have somewhere to go.
        browser.get(admin() + "categories");
        clickInRow("Thể thao", "delete-category");
        click(browser, "#delete-category-button");
        wait.until(d -> errorOf("category-move-to").contains("1 bài"));
        assertTrue(runtime.categories().byName("Thể thao").isPresent(), "refused: nothing changed");
        click(browser, "#category-move-to");
        wait.until(d -> Boolean.TRUE.equals(
                browser.executeScript("const item = [...document.querySelectorAll('vaadin-select-item')]"
                        + ".find(i => i.textContent.trim() === 'Thông báo phường');"
                        + "if (!item) return false; item.click(); return true;")));
        click(browser, "#delete-category-button");
        wait.until(d -> rows().stream().noneMatch(r -> r.contains("Thể thao")));
        assertEquals(
                "Thông báo phường",
                runtime.articles().findById(match.id()).orElseThrow().category());
        browser.get(server.baseUrl() + "/news/the-thao");
        wait.until(d -> d.getCurrentUrl().endsWith("/news/thong-bao-phuong"));
    }

    private static String errorOf(String id) {
        return String.valueOf(find(browser, "#" + id).getDomProperty("errorMessage"));
    }

    private static void clickInRow(String name, String buttonClass) {
        AdminBrowserTest.clickInRow(browser, "#categories", name, buttonClass);
    }

    /** The categories grid's rows as lines of their cells' texts, each closed by a bar. */
    private static List<String> rows() {
        return AdminBrowserTest.rowsOf(browser, "#categories").stream()
                .map(r -> r + " |")
                .toList();
    }
}
