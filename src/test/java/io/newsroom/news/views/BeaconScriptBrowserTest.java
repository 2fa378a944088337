package io.newsroom.news.views;

import static io.newsroom.news.TestArticles.draft;
import static org.junit.jupiter.api.Assertions.*;

import io.newsroom.news.Browser;
import io.newsroom.news.article.Article;
import io.newsroom.news.embedded.server.DemoContentAccess;
import io.newsroom.news.embedded.server.NewsRuntime;
import io.newsroom.news.embedded.server.RuntimeConfig;
import io.newsroom.news.embedded.server.SiteServer;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;

/** The article page's beacon script in a real headless Chromium: one beacon per tab session. */
class BeaconScriptBrowserTest {
    private static NewsRuntime runtime;
    private static SiteServer server;
    private static ChromeDriver browser;
    private static Article article;

    @BeforeAll
    static void start() throws Exception {
        runtime = NewsRuntime.start(RuntimeConfig.forTests());
        article = runtime.articles()
                .create(draft("Bài được đọc trong trình duyệt", Instant.now().minusSeconds(600)), "t");
        DemoContentAccess.createPages(runtime);
        server = SiteServer.start(runtime, 0);
        browser = Browser.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        server.close();
        runtime.close();
    }

    private String articleUrl() {
        return server.baseUrl() + "/news" + article.path() + ".html";
    }

    private void open(String url) {
        browser.get(url);
        // The script runs deferred after parsing; wait until the page is complete.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!"complete".equals(((JavascriptExecutor) browser).executeScript("return document.readyState"))
                && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    private static long await(LongSupplier value, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (value.getAsLong() < expected && System.nanoTime() < deadline) {
            Thread.sleep(25);
        }
        return value.getAsLong();
    }

    /** Long enough for a beacon that would be sent to arrive. */
    private static long settle(LongSupplier value) throws InterruptedException {
        Thread.sleep(1_500);
        return value.getAsLong();
    }

    @Test
    void oneBeaconPerTabSessionAndNoneForAReloadOrAPreview() throws Exception {
        LongSupplier received = () -> runtime.viewCounter().stats().received();
        long before = received.getAsLong();

        open(articleUrl());
        assertEquals(before + 1, await(received, before + 1), "the first view sends one beacon");
        // Received is not yet counted: the view counts once its journal write is durable.
        assertEquals(1, await(() -> runtime.viewCounter().views(article.id()), 1), "and it is counted");

        browser.navigate().refresh();
        assertEquals(before + 1, settle(received), "a reload sends none");

        open(server.baseUrl() + "/news");
        open(articleUrl());
        assertEquals(before + 1, settle(received), "coming back in the same tab sends none");

        browser.switchTo().newWindow(WindowType.TAB);
        open(articleUrl());
        assertEquals(before + 2, await(received, before + 2), "a new tab session sends one");

        browser.switchTo().newWindow(WindowType.TAB);
        open(articleUrl() + "?preview=1");
        assertEquals(before + 2, settle(received), "a preview sends none");
        String meta = browser.findElement(By.cssSelector(".news-article__meta")).getText();
        // The second tab is the same reader within 30 minutes: its beacon arrived but did not count.
        assertTrue(meta.endsWith(": 1"), "the page shows the one counted view: " + meta);
        assertEquals(1, runtime.viewCounter().stats().repeats());
    }
}
