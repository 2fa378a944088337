package io.newsroom.news.embedded.admin;

import static org.junit.jupiter.api.Assertions.*;

import io.newsroom.news.Browser;
import io.newsroom.news.article.ArticleDraft;
import io.newsroom.news.article.ArticleNodes;
import io.newsroom.news.article.ArticleRepository;
import io.newsroom.news.embedded.server.NewsRuntime;
import io.newsroom.news.embedded.server.RuntimeConfig;
import io.newsroom.news.embedded.server.SiteServer;
import java.time.Duration;
import java.time.Instant;
import javax.jcr.Node;
import javax.jcr.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The grid with 10,000 articles shows its first page without reading them all. */
class AdminLargeGridTest {
    private static final int ARTICLES = 10_000;
    private static NewsRuntime runtime;
    private static SiteServer server;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        runtime = NewsRuntime.start(RuntimeConfig.forTests());
        ArticleNodes nodes = new ArticleNodes(RuntimeConfig.DEFAULT_ZONE);
        Session session = runtime.repository().login("news");
        try {
            Node folder = session.getRootNode().addNode("2025", ArticleRepository.FOLDER_TYPE);
            Instant first = Instant.parse("2025-01-01T00:00:00Z");
            for (int i = 0; i < ARTICLES; i++) {
                Node month = folder.hasNode(String.format("%02d", 1 + i % 12))
                        ? folder.getNode(String.format("%02d", 1 + i % 12))
                        : folder.addNode(String.format("%02d", 1 + i % 12), ArticleRepository.FOLDER_TYPE);
                ArticleDraft d = new ArticleDraft();
                d.setPublishOnCreate(true);
                d.setTitle("Bản tin " + i);
                d.setPostedDate(first.plus(Duration.ofMinutes(i)));
                nodes.write(month.addNode("ban-tin-" + i, "news:article"), d);
            }
            session.save();
        } finally {
            session.logout();
        }
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

    @Test
    void theFirstPageShowsWithoutLoadingAllArticles() {
        long before = runtime.articles().articlesRead();
        AdminBrowserTest.serverFor(server);
        AdminBrowserTest.signIn(browser, "admin", RuntimeConfig.TEST_ADMIN_PASSWORD);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(d -> AdminBrowserTest.find(browser, "#match-count").getText().startsWith("10.000"));
        wait.until(d -> d.findElements(By.cssSelector("vaadin-grid-cell-content")).stream()
                .anyMatch(c -> c.getText().equals("Bản tin " + (ARTICLES - 1))));
        long read = runtime.articles().articlesRead() - before;
        assertTrue(read > 0 && read <= 500, "articles read for the first page: " + read + " of " + ARTICLES);
    }
}
