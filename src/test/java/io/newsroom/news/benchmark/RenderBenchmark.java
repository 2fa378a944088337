package io.newsroom.news.benchmark;

import io.newsroom.news.article.Article;
import io.newsroom.news.article.ArticleQuery;
import io.newsroom.news.article.PropertyFilter;
import io.newsroom.news.definitions.Messages;
import io.newsroom.news.embedded.render.PageRenderer;
import io.newsroom.news.embedded.render.RenderContext;
import io.newsroom.news.embedded.render.RenderState;
import io.newsroom.news.embedded.server.DemoContentAccess;
import io.newsroom.news.embedded.server.NewsRuntime;
import io.newsroom.news.embedded.server.RuntimeConfig;
import jakarta.servlet.http.HttpServletRequest;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.jcr.Node;
import javax.jcr.Session;

/**
 * Rendering speed with many articles: the featured block served from the in-memory snapshot
 * against the same block re-reading its articles from the repository on every render, and a
 * whole article page. Run by hand after {@link ListingBenchmark} has filled a data folder:
 * {@code -Dexec.args="/tmp/bench-data"}.
 */
public final class RenderBenchmark {

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "/tmp/bench-data");
        try (NewsRuntime runtime = NewsRuntime.start(RuntimeConfig.forTests().withDataFolder(data))) {
            DemoContentAccess.createPages(runtime);
            long articles = runtime.articles().count(ArticleQuery.newest(1));
            Article sample = runtime.articles()
                    .list(ArticleQuery.newest(1).page(10, 1))
                    .items()
                    .get(0);
            PageRenderer renderer = runtime.pageRenderer();
            PageRenderer.Request request = request(Map.of("article", sample.path()));
            Session website = runtime.repository().login("website");
            try {
                Node block = website.getNode("/home/main/0");
                Node articlePage = website.getNode("/news/article");
                Timings cached = Timings.measure(200, 1000, () -> renderer.render(block, request, new StringWriter()));
                Timings uncached = Timings.measure(5, 50, () -> {
                    runtime.cache().invalidate();
                    renderer.render(block, request, new StringWriter());
                });
                // The plain way: the block's own two queries on every render (featured by rank, then the newest).
                Timings queryPerRender = Timings.measure(5, 50, () -> {
                    ArticleQuery visible = ArticleQuery.newest(5)
                            .withFilter(new PropertyFilter(
                                    "postedDate", PropertyFilter.Operator.LTE, List.of(Instant.now())));
                    runtime.articles()
                            .items(visible.featuredOnly()
                                    .withSort(List.of(
                                            ArticleQuery.Sort.asc("featuredRank"),
                                            ArticleQuery.Sort.desc("postedDate"))));
                    runtime.articles().items(visible);
                    renderer.render(block, request, new StringWriter());
                });
                Timings page =
                        Timings.measure(100, 500, () -> renderer.render(articlePage, request, new StringWriter()));
                System.out.printf(Locale.ROOT, "%,d articles%n", articles);
                System.out.println(cached.line("featured block, snapshot in memory"));
                System.out.println(uncached.line("featured block, snapshot re-read per render"));
                System.out.println(queryPerRender.line("featured block + its two JCR queries per render"));
                System.out.println(page.line("article page with its featured block"));
                System.out.printf(
                        Locale.ROOT,
                        "ratio queries per render / in memory: %.0fx (p50)%n",
                        queryPerRender.p50() / cached.p50());
            } finally {
                website.logout();
            }
        }
    }

    /** A request that only answers what the templates ask: parameters, context path, host. */
    static PageRenderer.Request request(Map<String, String> parameters) {
        HttpServletRequest http = (HttpServletRequest) Proxy.newProxyInstance(
                RenderBenchmark.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, method, methodArgs) -> switch (method.getName()) {
                    case "getParameter" -> parameters.get((String) methodArgs[0]);
                    case "getContextPath" -> "";
                    case "getScheme" -> "http";
                    case "getServerName" -> "localhost";
                    case "getServerPort" -> 8080;
                    default -> null;
                });
        return new PageRenderer.Request(
                new RenderContext(http, Map.of(), Messages.VIETNAMESE),
                new RenderState(Messages.VIETNAMESE, "/news/article.html", "/news/article.html"));
    }

    private RenderBenchmark() {}
}
