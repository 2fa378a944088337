package io.newsroom.news.benchmark;

import io.newsroom.news.article.Article;
import io.newsroom.news.article.ArticleDraft;
import io.newsroom.news.article.ArticleQuery;
import io.newsroom.news.embedded.render.PageRenderer;
import io.newsroom.news.embedded.server.DemoContentAccess;
import io.newsroom.news.embedded.server.NewsRuntime;
import io.newsroom.news.embedded.server.RuntimeConfig;
import io.newsroom.news.publishing.ArticleVersions;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.jcr.Node;
import javax.jcr.Session;

/**
 * Publishing with many articles: from "Publish" (which also keeps a version) to the next home page
 * render that shows the article, against a plain save of an already published article measured the
 * same way in the same run; and what 50 versions of one article cost on disk against the article's
 * own export. Run by hand on the data folder {@link ListingBenchmark} filled (see README):
 * {@code -Dexec.args="/tmp/bench-data"}.
 */
public final class PublishingBenchmark {
    private static final int RUNS = 30;

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "/tmp/bench-data");
        try (NewsRuntime runtime = NewsRuntime.start(RuntimeConfig.forTests().withDataFolder(data))) {
            DemoContentAccess.createPages(runtime);
            long articles = runtime.articles().count(ArticleQuery.newest(1));
            PageRenderer.Request request = RenderBenchmark.request(Map.of());
            Session website = runtime.repository().login("website");
            try {
                Node home = website.getNode("/home");
                Timings render = Timings.measure(
                        20, 100, () -> runtime.pageRenderer().render(home, request, new StringWriter()));
                int[] n = {0};
                Timings publish = Timings.measure(3, RUNS, () -> {
                    Article draft = runtime.articles().create(featured("Bài đo đăng " + n[0]++), "bench");
                    runtime.publishing().publish(draft.id(), "bench");
                    awaitOnHome(runtime, home, request, draft.title());
                });
                Timings save = Timings.measure(3, RUNS, () -> {
                    Article live = runtime.articles()
                            .list(ArticleQuery.newest(1).featuredOnly())
                            .items()
                            .get(0);
                    ArticleDraft edit = live.toDraft();
                    edit.setTitle("Bài đo sửa " + n[0]++);
                    runtime.articles().update(live.id(), live.version(), edit, "bench");
                    awaitOnHome(runtime, home, request, edit.getTitle());
                });
                System.out.printf(Locale.ROOT, "%,d articles%n", articles);
                System.out.println(render.line("home page render"));
                System.out.println(save.line("save of a published article -> on the home page"));
                System.out.println(publish.line("publish (+ version) -> on the home page"));
                System.out.printf(Locale.ROOT, "ratio publish / save: %.2fx (p50)%n", publish.p50() / save.p50());
            } finally {
                website.logout();
            }
            versionStore(runtime, data);
        }
    }

    private static ArticleDraft featured(String title) {
        ArticleDraft d = new ArticleDraft();
        d.setTitle(title);
        d.setPostedDate(Instant.now().minus(Duration.ofMinutes(1)));
        d.setBody("<p>" + "Nội dung bài viết dùng để đo. ".repeat(60) + "</p>");
        d.setFeatured(true);
        d.setFeaturedRank(1L);
        return d;
    }

    /** Renders the home page until the title is on it (it is at once: the cache is refreshed on save). */
    private static void awaitOnHome(NewsRuntime runtime, Node home, PageRenderer.Request request, String title)
            throws Exception {
        for (int attempt = 0; ; attempt++) {
            StringWriter html = new StringWriter();
            runtime.pageRenderer().render(home, request, html);
            if (html.toString().contains(title)) {
                return;
            }
            if (attempt > 1000) {
                throw new IllegalStateException(title + " never appeared");
            }
            Thread.onSpinWait();
        }
    }

    /** 50 versions of one article (a 3 KB body changed each time): disk growth of the version store. */
    private static void versionStore(NewsRuntime runtime, Path data) throws Exception {
        ArticleVersions versions = runtime.publishing().versions().orElseThrow();
        Article article = runtime.articles().create(featured("Bài đo phiên bản"), "bench");
        Path exportFile = Files.createTempFile("article-", ".xml");
        Session news = runtime.repository().login("news");
        try (var out = Files.newOutputStream(exportFile)) {
            news.exportSystemView(news.getNodeByIdentifier(article.id()).getPath(), out, false, false);
        } finally {
            news.logout();
        }
        long articleBytes = Files.size(exportFile);
        long before =
                size(data.resolve("version")) + size(data.resolve("workspaces").resolve(ArticleVersions.WORKSPACE));
        for (int i = 0; i < ArticleVersions.DEFAULT_MAX_VERSIONS; i++) {
            Article now = runtime.articles().findById(article.id()).orElseThrow();
            ArticleDraft edit = now.toDraft();
            edit.setBody("<p>Lần sửa " + i + ". " + "Nội dung bài viết dùng để đo. ".repeat(60) + "</p>");
            runtime.articles().update(article.id(), now.version(), edit, "bench");
            versions.save(article.id(), "bench", "lần " + i);
        }
        long after =
                size(data.resolve("version")) + size(data.resolve("workspaces").resolve(ArticleVersions.WORKSPACE));
        System.out.printf(
                Locale.ROOT,
                "one article's export: %,d bytes; 50 versions grew the version store by %,d bytes "
                        + "(%,d bytes a version, %.1fx the article)%n",
                articleBytes,
                after - before,
                (after - before) / 50,
                (after - before) / 50.0 / articleBytes);
        Files.delete(exportFile);
    }

    private static long size(Path folder) throws Exception {
        if (!Files.exists(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(f -> f.toFile().length())
                    .sum();
        }
    }

    private PublishingBenchmark() {}
}
