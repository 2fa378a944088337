package io.newsroom.news.embedded.server;

import static io.newsroom.news.TestArticles.draft;
import static org.junit.jupiter.api.Assertions.*;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import io.newsroom.news.Browser;
import io.newsroom.news.article.Article;
import io.newsroom.news.article.ArticleDraft;
import io.newsroom.news.embedded.demo.DemoContent;
import io.newsroom.news.embedded.renditions.ImageRenditionsTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.jcr.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The reader's site in a real Chromium: the language hint for English browsers, the featured block
 * from a phone to a wide screen (nothing overlaps or runs off the screen; screenshots in
 * target/screenshots), and axe-core on every page type in both languages.
 */
class ReaderSiteBrowserTest {
    private static NewsRuntime runtime;
    private static SiteServer server;
    private static ChromeDriver browser;
    private static Article withImage;

    @BeforeAll
    static void start() throws Exception {
        runtime = NewsRuntime.start(RuntimeConfig.forTests());
        DemoContent.createPages(runtime.repository());
        for (int i = 0; i < 8; i++) {
            ArticleDraft d = draft(
                    "Tin nổi bật số " + i + ": phường tổ chức hội nghị tổng kết công tác năm",
                    Instant.now().minus(Duration.ofHours(i + 1)));
            d.setLead("Hội nghị đánh giá kết quả thực hiện nhiệm vụ và đề ra phương hướng cho năm tới.");
            d.setCategory(i % 2 == 0 ? "Thông báo" : "Tin hoạt động");
            d.setFeatured(true);
            d.setFeaturedRank(i + 1L);
            if (i < 4) {
                d.setImage(runtime.images().store(ImageRenditionsTest.jpeg(1600, 1000), "anh-" + i + ".jpg"));
                d.setImageAlt("Ảnh minh hoạ " + i);
            }
            Article a = runtime.articles().create(d, "t");
            if (i == 0) {
                withImage = a;
            }
        }
        for (int i = 0; i < 14; i++) {
            ArticleDraft more = draft(
                    "Tin thêm số " + i, Instant.now().minus(Duration.ofDays(1)).minus(Duration.ofMinutes(i)));
            runtime.articles().create(more, "t");
        }
        server = SiteServer.start(runtime, 0);
        browser = Browser.start("vi");
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
    void anEnglishBrowserIsOfferedEnglishAndNeverSwitched() throws Exception {
        ChromeDriver english = Browser.start("en-US");
        try {
            WebDriverWait wait = new WebDriverWait(english, Duration.ofSeconds(20));
            english.get(server.baseUrl() + "/");
            assertEquals("vi", english.findElement(By.tagName("html")).getDomAttribute("lang"), "the address decides");
            WebElement hint = wait.until(d -> d.findElements(By.cssSelector("[data-news-language-hint]")).stream()
                    .filter(WebElement::isDisplayed)
                    .findFirst()
                    .orElse(null));
            assertEquals(
                    server.baseUrl() + "/en/", hint.findElement(By.tagName("a")).getDomProperty("href"));
            hint.findElement(By.cssSelector(".news-language-hint__close")).click();
            wait.until(d ->
                    !d.findElement(By.cssSelector("[data-news-language-hint]")).isDisplayed());
            english.navigate().refresh();
            wait.until(d -> "complete".equals(english.executeScript("return document.readyState")));
            assertFalse(
                    english.findElement(By.cssSelector("[data-news-language-hint]"))
                            .isDisplayed(),
                    "closed stays closed");
        } finally {
            english.quit();
        }
        browser.get(server.baseUrl() + "/");
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> "complete".equals(browser.executeScript("return document.readyState")));
        assertFalse(
                browser.findElement(By.cssSelector("[data-news-language-hint]")).isDisplayed(),
                "a Vietnamese browser gets no hint");
    }

    @Test
    void theFeaturedBlockFitsFromAPhoneToAWideScreen() throws Exception {
        Path shots = Files.createDirectories(Path.of("target", "screenshots"));
        Dimension before = browser.manage().window().getSize();
        try {
            for (int width : new int[] {390, 1440}) {
                browser.manage().window().setSize(new Dimension(width, 900));
                browser.get(server.baseUrl() + "/");
                new WebDriverWait(browser, Duration.ofSeconds(20)).until(d ->
                        (Boolean) browser.executeScript("return [...document.images].every(i => i.complete)"));
                Number overflow = (Number) browser.executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
                assertTrue(overflow.intValue() <= 0, width + " px: the page is wider than the screen by " + overflow);
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> overlaps = (List<Map<String, Object>>) browser.executeScript("""
                        const found = [];
                        for (const block of document.querySelectorAll('.news-featured')) {
                          const items = [...block.querySelectorAll('.news-featured__item')].map(i => i.getBoundingClientRect());
                          for (let a = 0; a < items.length; a++) for (let b = a + 1; b < items.length; b++) {
                            const p = items[a], q = items[b];
                            if (p.left < q.right - 1 && q.left < p.right - 1 && p.top < q.bottom - 1 && q.top < p.bottom - 1) found.push({a, b});
                          }
                          for (const img of block.querySelectorAll('img')) {
                            const r = img.getBoundingClientRect(), box = block.getBoundingClientRect();
                            if (r.right > box.right + 1 || r.left < box.left - 1) found.push({img: img.src});
                          }
                        }
                        return found;""");
                assertEquals(List.of(), overlaps, width + " px: items overlap or images run out of their block");
                WebElement lead = browser.findElement(By.cssSelector(".news-featured__item--lead img"));
                WebElement thumb = browser.findElement(By.cssSelector(".news-featured__item--thumb img"));
                assertTrue(
                        lead.getRect().getWidth() > 2 * thumb.getRect().getWidth(),
                        width + " px: one large picture, then thumbnails");
                // The whole page: the lead layout (main column) and the list layout (aside) at this width.
                Number height = (Number) browser.executeScript("return document.documentElement.scrollHeight");
                browser.manage().window().setSize(new Dimension(width, Math.min(4000, height.intValue() + 100)));
                Files.write(shots.resolve("home-" + width + ".png"), browser.getScreenshotAs(OutputType.BYTES));
            }
        } finally {
            browser.manage().window().setSize(before);
        }
    }

    @Test
    void theBlockHoldsOneToTwentyItemsWithoutOverlapOnAPhone() throws Exception {
        Dimension before = browser.manage().window().getSize();
        try {
            browser.manage().window().setSize(new Dimension(390, 900));
            for (long items : new long[] {1, 20}) {
                Session website = runtime.repository().login("website");
                try {
                    website.getNode("/home/main/0").setProperty("maxItems", items);
                    website.save();
                } finally {
                    website.logout();
                }
                // A page is fresh for a minute in the browser's cache: ask for this state's page.
                browser.get(server.baseUrl() + "/?items=" + items);
                List<WebElement> shown = browser.findElements(By.cssSelector(".news-page__main .news-featured__item"));
                assertEquals(items, shown.size());
                for (int a = 0; a < shown.size(); a++) {
                    for (int b = a + 1; b < shown.size(); b++) {
                        Rectangle p = shown.get(a).getRect();
                        Rectangle q = shown.get(b).getRect();
                        boolean overlap = p.x < q.x + q.width - 1
                                && q.x < p.x + p.width - 1
                                && p.y < q.y + q.height - 1
                                && q.y < p.y + p.height - 1;
                        assertFalse(overlap, items + " items: " + a + " and " + b + " overlap");
                    }
                }
                Number overflow = (Number) browser.executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
                assertTrue(overflow.intValue() <= 0, items + " items: wider than the screen by " + overflow);
            }
        } finally {
            Session website = runtime.repository().login("website");
            try {
                website.getNode("/home/main/0").setProperty("maxItems", 5L);
                website.save();
            } finally {
                website.logout();
            }
            browser.manage().window().setSize(before);
        }
    }

    @Test
    void everyPageTypePassesAxeWithoutSeriousProblemsInBothLanguages() throws Exception {
        List<String> problems = new ArrayList<>();
        String article = "/news" + withImage.path() + ".html";
        for (String prefix : List.of("", "/en")) {
            for (String path : List.of(
                    "/", "/news", "/news/thong-bao", "/news/search?q=hoi+nghi", article, "/news/khong-co-trang-nay")) {
                browser.get(server.baseUrl() + prefix + (path.equals("/") ? "/" : path));
                Results results = new AxeBuilder().analyze(browser);
                for (Rule rule : results.getViolations()) {
                    if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
                        problems.add(prefix + path + ": " + rule.getId() + " (" + rule.getImpact() + ") "
                                + rule.getHelp() + " at "
                                + rule.getNodes().stream()
                                        .map(n -> String.valueOf(n.getTarget()))
                                        .toList());
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }
}
