package io.newsroom.news.embedded.admin;

import io.newsroom.news.Browser;
import io.newsroom.news.article.Article;
import io.newsroom.news.article.ArticleQuery;
import io.newsroom.news.embedded.demo.DemoContent;
import io.newsroom.news.embedded.server.NewsRuntime;
import io.newsroom.news.embedded.server.RuntimeConfig;
import io.newsroom.news.embedded.server.SiteServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Takes the admin README's screenshots (run by hand): the demo site in memory, the article list, the
 * Images screen, the editor, the dashboard, the audit trail, the users, the review queue and the categories,
 * each at 1440 and 390 px, into
 * {@code docs/admin/}.
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.newsroom.news.embedded.admin.AdminScreenshots}
 */
public final class AdminScreenshots {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/admin");
        Files.createDirectories(out);
        try (NewsRuntime runtime = NewsRuntime.start(RuntimeConfig.forTests());
                SiteServer server = SiteServer.start(runtime, 0)) {
            DemoContent.createOnFirstStart(
                    runtime.repository(), runtime.articles(), runtime.config().siteZone());
            List<Article> articles =
                    runtime.articles().list(ArticleQuery.newest(20)).items();
            // Some readers, so the dashboard and the list have numbers to show.
            for (int i = 0; i < articles.size(); i++) {
                for (int v = 0; v < (i * 7) % 23 + 1; v++) {
                    runtime.viewCounter()
                            .record(articles.get(i).id(), Instant.now().minus(Duration.ofDays(v % 9)));
                }
            }
            runtime.viewCounter().flush();
            // A few photos in the library (gradients: the demo content has no images of its own).
            String[] names = {"toan-canh-hoi-nghi.jpg", "ngay-hoi-hien-mau.jpg", "giai-bong-da-thieu-nien.jpg"};
            for (int i = 0; i < names.length; i++) {
                java.awt.image.BufferedImage image =
                        new java.awt.image.BufferedImage(1200, 800, java.awt.image.BufferedImage.TYPE_INT_RGB);
                java.awt.Graphics2D g = image.createGraphics();
                g.setPaint(new java.awt.GradientPaint(
                        0,
                        0,
                        new java.awt.Color(30 + 70 * i, 110, 200 - 50 * i),
                        1200,
                        800,
                        new java.awt.Color(240, 200 - 40 * i, 90 + 60 * i)));
                g.fillRect(0, 0, 1200, 800);
                g.dispose();
                java.io.ByteArrayOutputStream jpeg = new java.io.ByteArrayOutputStream();
                javax.imageio.ImageIO.write(image, "jpg", jpeg);
                runtime.images().storeInLibrary(jpeg.toByteArray(), names[i]);
            }
            // Another account, so the Users screen and the audit trail show more than the one signed in.
            runtime.adminContext()
                    .accounts()
                    .addAccount("lan.nguyen", "lan.nguyen@phuong.vn", io.newsroom.news.article.Role.EDITOR);
            runtime.audit()
                    .record(
                            "lan.nguyen",
                            io.newsroom.news.article.AuditTrail.Action.SIGN_IN,
                            null,
                            null,
                            "203.0.113.7");
            // The categories managed, and a reporter's draft waiting for review.
            runtime.categories().startFrom(runtime.articles()::categories);
            io.newsroom.news.article.ArticleDraft waiting = io.newsroom.news.TestArticles.unpublished(
                    "Lịch tiêm chủng mở rộng tháng tới", Instant.now().minus(Duration.ofHours(2)));
            waiting.setCategory(runtime.categories().list().get(0).name());
            String waitingId = runtime.articles().create(waiting, "lan.nguyen").id();
            runtime.adminContext().reviews().submit(waitingId, "lan.nguyen");
            AdminBrowserTest.serverFor(server);
            ChromeDriver browser = Browser.start();
            try {
                AdminBrowserTest.signIn(browser, "admin", RuntimeConfig.TEST_ADMIN_PASSWORD);
                AdminBrowserTest.find(browser, "#articles");
                for (int width : new int[] {1440, 390}) {
                    browser.manage().window().setSize(new Dimension(width, width > 400 ? 900 : 844));
                    shoot(browser, AdminBrowserTest.admin(), "#articles", out.resolve("list-" + width + ".png"));
                    shoot(
                            browser,
                            AdminBrowserTest.admin() + "images",
                            "#images",
                            out.resolve("images-" + width + ".png"));
                    shoot(
                            browser,
                            AdminBrowserTest.admin() + "article?id="
                                    + articles.get(0).id(),
                            "#title",
                            out.resolve("editor-" + width + ".png"));
                    shoot(
                            browser,
                            AdminBrowserTest.admin() + "dashboard",
                            "#views-chart canvas",
                            out.resolve("dashboard-" + width + ".png"));
                    shoot(
                            browser,
                            AdminBrowserTest.admin() + "audit",
                            "#audit",
                            out.resolve("audit-" + width + ".png"));
                    shoot(
                            browser,
                            AdminBrowserTest.admin() + "users",
                            "#users",
                            out.resolve("users-" + width + ".png"));
                    shoot(
                            browser,
                            AdminBrowserTest.admin() + "review",
                            "#review-queue",
                            out.resolve("review-" + width + ".png"));
                    shoot(
                            browser,
                            AdminBrowserTest.admin() + "categories",
                            "#categories",
                            out.resolve("categories-" + width + ".png"));
                }
            } finally {
                browser.quit();
            }
        }
        System.out.println("Screenshots in " + out.toAbsolutePath());
    }

    private static void shoot(ChromeDriver browser, String url, String ready, Path file) throws Exception {
        browser.get(url);
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> !d.findElements(By.cssSelector(ready)).isEmpty());
        // Until the page is still (grids and charts draw after they arrive).
        String last = "";
        for (int i = 0; i < 20; i++) {
            String now = String.valueOf(browser.executeScript("return document.body.innerHTML.length"));
            if (now.equals(last)) {
                break;
            }
            last = now;
            Thread.sleep(400);
        }
        Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
    }
}
