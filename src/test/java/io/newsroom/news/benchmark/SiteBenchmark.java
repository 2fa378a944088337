package io.newsroom.news.benchmark;

import io.newsroom.news.archive.ArchiveIndex;
import io.newsroom.news.article.Article;
import io.newsroom.news.article.ArticleDraft;
import io.newsroom.news.article.ArticleQuery;
import io.newsroom.news.definitions.LightModule;
import io.newsroom.news.embedded.repository.EmbeddedRepository;
import io.newsroom.news.embedded.server.DemoContentAccess;
import io.newsroom.news.embedded.server.NewsRuntime;
import io.newsroom.news.embedded.server.RuntimeConfig;
import io.newsroom.news.embedded.server.SiteServer;
import io.newsroom.news.templating.ArticleView;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The reader's site at scale, over HTTP, as the standalone server serves it: the first home page
 * after start, then every page kind (home, article, category, archive page 1 and 500, search,
 * sitemap, feed, JSON API), each also right after an edit, as p50/p99 and as a ratio to a static
 * file served by the same server in the same run (the floor of any request). Every answer must be
 * a 200 with a body, or the run stops. Run by hand:
 * {@code -Dexec.mainClass=io.newsroom.news.benchmark.SiteBenchmark -Dexec.args="1000000 /tmp/bench-1m"}
 * (seeds what is missing, through JCR with the repository's node writer, a thousand per save).
 */
public final class SiteBenchmark {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path data = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("news-site-bench-");
        RuntimeConfig config = RuntimeConfig.forTests().withDataFolder(data);
        try (NewsRuntime runtime = NewsRuntime.start(config)) {
            DemoContentAccess.createPages(runtime); // and the node types, before the repository is opened alone
        }
        Path seeded = data.resolve("seeded-articles.txt");
        int existing =
                Files.exists(seeded) ? Integer.parseInt(Files.readString(seeded).strip()) : 0;
        if (existing < count) {
            // Straight into the repository, before the module listens: a bulk import, not an editor's day.
            long seedStart = System.nanoTime();
            EmbeddedRepository repository = EmbeddedRepository.persistent(data);
            try {
                ListingBenchmark.seed(repository, config.siteZone(), count - existing, existing);
            } finally {
                repository.close();
            }
            Files.writeString(seeded, Integer.toString(count));
            System.out.printf(
                    Locale.ROOT,
                    "seeded %,d articles in %.1f s (JCR with ArticleNodes, 1,000 per save, nobody listening)%n",
                    count - existing,
                    (System.nanoTime() - seedStart) / 1e9);
        }

        // A start that reads the archive index from the repository; its stop keeps the index for the next.
        long first = System.nanoTime();
        try (NewsRuntime runtime = NewsRuntime.start(config)) {
            while (!runtime.module().archive().ready()) {
                Thread.sleep(100);
            }
            System.out.printf(
                    Locale.ROOT,
                    "a start with %,d articles: the archive index ready after %.1f s%n",
                    runtime.module().archive().size(),
                    (System.nanoTime() - first) / 1e9);
        }

        long start = System.nanoTime();
        NewsRuntime runtime = NewsRuntime.start(config, LightModule.locate(), Clock.systemUTC());
        try (runtime;
                SiteServer server = SiteServer.bind(0).serve(runtime, SiteServer.WARM_UP)) {
            String base = server.baseUrl();
            long started = System.nanoTime();
            get(base + "/");
            long firstPage = System.nanoTime();
            System.out.printf(
                    Locale.ROOT,
                    "restart %.0f ms (warm-up %s), then the first home page %.0f ms (index ready: %s)%n",
                    (started - start) / 1e6,
                    server.warmedUp(),
                    (firstPage - started) / 1e6,
                    runtime.module().archive().ready());
            ArchiveIndex index = runtime.module().archive();
            // Measured once the kept index is checked against the repository: the steady state, not the
            // minute after a start when that check shares the cores.
            while (!index.settled()) {
                Thread.sleep(100);
            }
            System.out.printf(
                    Locale.ROOT,
                    "archive index checked %.1f s after start: %,d articles, %.1f MB (%.0f bytes an article)%n",
                    (System.nanoTime() - start) / 1e9,
                    index.size(),
                    index.bytes() / 1e6,
                    (double) index.bytes() / Math.max(1, index.size()));
            measure(runtime, base);
            System.out.printf(Locale.ROOT, "heap after a full collection: %.0f MB%n", usedHeap() / 1e6);
        }
    }

    private static void measure(NewsRuntime runtime, String base) throws Exception {
        // (the page names are printed in the order measured)
        Article sample =
                runtime.articles().items(ArticleQuery.newest(1).page(1000, 1)).get(0);
        String article = base
                + runtime.newsFunctions()
                        .link(new ArticleView(sample, runtime.config().siteZone()));
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("static CSS (baseline)", base + "/.resources/news/webresources/css/news.css");
        pages.put("home /", base + "/");
        pages.put("article page", article);
        pages.put("category /news/the-thao", base + "/news/the-thao");
        pages.put("archive /news", base + "/news");
        pages.put("archive page 500", base + "/news?page=500");
        pages.put(
                "search \"hien mau\"",
                base + "/news/search?q=" + URLEncoder.encode("hien mau", StandardCharsets.UTF_8));
        pages.put(
                "search \"ban tin 4711\"",
                base + "/news/search?q=" + URLEncoder.encode("ban tin 4711", StandardCharsets.UTF_8));
        pages.put(
                "search \"ban tin\" (every article)",
                base + "/news/search?q=" + URLEncoder.encode("ban tin", StandardCharsets.UTF_8));
        pages.put("sitemap.xml", base + "/sitemap.xml");
        long files = (runtime.module().archive().size() + 9_999) / 10_000;
        if (files > 1) {
            pages.put("sitemap-" + (files + 1) / 2 + ".xml (middle)", base + "/sitemap-" + (files + 1) / 2 + ".xml");
        }
        pages.put("feed", base + "/news/feed.xml");
        pages.put("JSON API ?limit=20", base + "/.rest/delivery/news?limit=20");
        pages.put(
                "JSON API category",
                base + "/.rest/delivery/news?limit=20&category="
                        + URLEncoder.encode("Thể thao", StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        String baseline = pages.keySet().iterator().next();
        Timings.measure(200, 1, () -> get(pages.get(baseline)));
        double floor = Timings.measure(20, 100, () -> get(pages.get(baseline))).p50();
        Edits edits = new Edits(runtime, sample);
        for (Map.Entry<String, String> page : pages.entrySet()) {
            Timings warm = Timings.measure(3, 20, () -> get(page.getValue()));
            // Only the request is timed: the edit before it is not the page's cost.
            long[] afterEdit = new long[10];
            for (int i = 0; i < afterEdit.length; i++) {
                edits.next();
                long t0 = System.nanoTime();
                get(page.getValue());
                afterEdit[i] = System.nanoTime() - t0;
            }
            Arrays.sort(afterEdit);
            lines.add(String.format(
                    Locale.ROOT,
                    "%s   %5.1fx   after an edit p50 %8.2f ms",
                    warm.line(page.getKey()),
                    warm.p50() / floor,
                    afterEdit[afterEdit.length / 2] / 1e6));
        }
        lines.forEach(System.out::println);
    }

    /** Saves the sample article again with a new title: a change every listing hears of. */
    private static final class Edits {
        private final NewsRuntime runtime;
        private final String id;
        private int n;

        Edits(NewsRuntime runtime, Article sample) {
            this.runtime = runtime;
            this.id = sample.id();
        }

        void next() throws Exception {
            Article current = runtime.articles().findById(id).orElseThrow();
            ArticleDraft draft = current.toDraft();
            draft.setTitle("Bản tin sửa lần " + (++n));
            runtime.articles().update(id, current.version(), draft, "bench");
        }
    }

    private static void get(String url) throws Exception {
        HttpResponse<byte[]> response =
                HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200 || response.body().length == 0) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + " with "
                    + response.body().length + " bytes: the benchmark would not measure that page");
        }
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private SiteBenchmark() {}
}
