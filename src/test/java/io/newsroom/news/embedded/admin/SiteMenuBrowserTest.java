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

        AdminBrowserTest.signIn(browser, "admin", RuntimeConfig.TEST_ADMIN_PASSWORD);
        find(browser, "#articles");
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

    private static List<String> headerLinks() {
        return browser.findElements(By.cssSelector(".news-header__nav .news-header__link")).stream()
                .map(WebElement::getText)
                .map(String::strip)
                .toList();
    }
}
