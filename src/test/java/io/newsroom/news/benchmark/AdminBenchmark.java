package io.newsroom.news.benchmark;

import io.newsroom.news.Browser;
import io.newsroom.news.article.ArticleQuery;
import io.newsroom.news.embedded.admin.ViewsOrder;
import io.newsroom.news.embedded.server.NewsRuntime;
import io.newsroom.news.embedded.server.RuntimeConfig;
import io.newsroom.news.embedded.server.SiteServer;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin grid's data with many articles: the first page plus its count (what the grid asks
 * for on opening), sorting by views, and the heap one signed-in admin session takes in the real
 * server with a real browser. Run by hand after {@link ListingBenchmark} filled a data folder:
 * {@code -Dexec.args="/tmp/bench-data"}.
 */
public final class AdminBenchmark {

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "/tmp/bench-data");
        try (NewsRuntime runtime = NewsRuntime.start(RuntimeConfig.forTests().withDataFolder(data))) {
            long articles = runtime.articles().count(ArticleQuery.newest(1));
            read(runtime);
            ArticleQuery grid = ArticleQuery.newest(50);
            Timings firstPage = Timings.measure(10, 50, () -> {
                runtime.articles().items(grid);
                runtime.articles().count(grid);
            });
            Timings firstPageAfterChange = Timings.measure(3, 20, () -> {
                runtime.articles().workspaceChanged();
                runtime.articles().items(grid);
                runtime.articles().count(grid);
            });
            Timings byViews = Timings.measure(3, 20, () -> viewsPage(runtime));
            Timings byViewsAfterChange = Timings.measure(1, 5, () -> {
                runtime.articles().workspaceChanged();
                viewsPage(runtime);
            });
            System.out.printf(Locale.ROOT, "%,d articles%n", articles);
            System.out.println(firstPage.line("grid first page (50) + count"));
            System.out.println(firstPageAfterChange.line("grid first page + count, right after a change"));
            System.out.println(byViews.line("grid first page sorted by views"));
            System.out.println(byViewsAfterChange.line("sorted by views, right after a change"));
            sessionHeap(runtime);
        }
    }

    private static void viewsPage(NewsRuntime runtime) throws Exception {
        ViewsOrder.page(runtime.articles(), runtime.viewCounter().totals(), ArticleQuery.newest(1), true, 0, 50);
    }

    /** Views on 5,000 of the articles, as a site that has been read for a while has. */
    private static void read(NewsRuntime runtime) throws Exception {
        if (!runtime.viewCounter().totals().isEmpty()) {
            return;
        }
        List<String> ids = runtime.articles().ids(ArticleQuery.newest(1));
        Thread[] readers = new Thread[8];
        for (int t = 0; t < readers.length; t++) {
            int first = t;
            readers[t] = new Thread(() -> {
                for (int i = first; i < 20_000; i += readers.length) {
                    runtime.viewCounter().record(ids.get((i * 7919) % 5_000 * (ids.size() / 5_000)), Instant.now());
                }
            });
            readers[t].start();
        }
        for (Thread reader : readers) {
            reader.join();
        }
        runtime.viewCounter().flush();
    }

    /** Heap after GC with five signed-in sessions open on the articles grid, against none. */
    private static void sessionHeap(NewsRuntime runtime) throws Exception {
        try (SiteServer server = SiteServer.start(runtime, 0)) {
            long before = usedHeap();
            List<ChromeDriver> browsers = new ArrayList<>();
            try {
                for (int i = 0; i < 5; i++) {
                    ChromeDriver browser = Browser.start();
                    browsers.add(browser);
                    browser.get(server.baseUrl() + "/admin/");
                    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
                    wait.until(d -> !d.findElements(By.cssSelector("vaadin-login-form input[name=username]"))
                            .isEmpty());
                    browser.findElement(By.cssSelector("vaadin-login-form input[name=username]"))
                            .sendKeys("admin");
                    browser.findElement(By.cssSelector("vaadin-login-form input[name=password]"))
                            .sendKeys(RuntimeConfig.TEST_ADMIN_PASSWORD);
                    browser.findElement(By.cssSelector("vaadin-login-form vaadin-button"))
                            .click();
                    wait.until(d -> !d.findElements(By.cssSelector("vaadin-grid-cell-content"))
                            .isEmpty());
                }
                long after = usedHeap();
                System.out.printf(
                        Locale.ROOT,
                        "heap per signed-in admin session on the grid: %.1f MB%n",
                        (after - before) / 5 / 1e6);
            } finally {
                browsers.forEach(ChromeDriver::quit);
            }
        }
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(300);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private AdminBenchmark() {}
}
