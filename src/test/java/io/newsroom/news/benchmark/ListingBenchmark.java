package io.newsroom.news.benchmark;

import io.newsroom.news.archive.ArchiveIndex;
import io.newsroom.news.archive.ArchivePage;
import io.newsroom.news.article.Article;
import io.newsroom.news.article.ArticleDraft;
import io.newsroom.news.article.ArticleNodes;
import io.newsroom.news.article.ArticleQuery;
import io.newsroom.news.article.ArticleRepository;
import io.newsroom.news.article.ResultPage;
import io.newsroom.news.definitions.LightModule;
import io.newsroom.news.embedded.repository.EmbeddedRepository;
import io.newsroom.news.embedded.server.NewsRuntime;
import io.newsroom.news.embedded.server.RuntimeConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.Session;
import javax.jcr.query.Query;

/**
 * Listing speed with many articles in the on-disk repository: the newest page and a category
 * page through {@link ArticleRepository}, next to a plain JCR-SQL2 {@code ORDER BY} query in the
 * same run, and the repository's start time with that data. Run by hand (see README).
 */
public final class ListingBenchmark {
    private static final String[] CATEGORIES = {
        "Thông báo",
        "Tin hoạt động",
        "Văn hoá - Xã hội",
        "Thể thao",
        "Hướng dẫn thủ tục",
        "Community",
        "Announcements",
        "Y tế",
        "Giáo dục",
        "Môi trường"
    };

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        // A second argument names a data folder to keep and reuse between runs.
        boolean keep = args.length > 1;
        Path data = keep ? Path.of(args[1]) : Files.createTempDirectory("news-bench-");
        RuntimeConfig config = RuntimeConfig.forTests().withDataFolder(data);
        try {
            long seedStart = System.nanoTime();
            try (NewsRuntime runtime = NewsRuntime.start(config)) {
                // A folder SiteBenchmark seeded says how many it holds (counting a million takes a while).
                Path seeded = data.resolve("seeded-articles.txt");
                long existing = Files.exists(seeded)
                        ? Long.parseLong(Files.readString(seeded).strip())
                        : runtime.articles().count(ArticleQuery.newest(1));
                if (existing < count) {
                    seed(runtime, (int) (count - existing));
                }
            }
            System.out.printf(
                    Locale.ROOT, "seeded %,d articles in %.1f s%n", count, (System.nanoTime() - seedStart) / 1e9);

            long start = System.nanoTime();
            NewsRuntime runtime = NewsRuntime.start(config, LightModule.locate(), Clock.systemUTC());
            double startMs = (System.nanoTime() - start) / 1e6;
            try (runtime) {
                System.out.printf(Locale.ROOT, "repository start with %,d articles: %.0f ms%n", count, startMs);
                while (!runtime.module().archive().ready()) {
                    Thread.sleep(100);
                }
                System.out.printf(
                        Locale.ROOT, "archive index read %.1f s after start%n", (System.nanoTime() - start) / 1e9);
                run(runtime, args.length > 2 && args[2].equals("--sql2-once"));
            }
        } finally {
            if (keep) {
                return;
            }
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** {@code sql2Once}: the plain SQL2 baseline measured once (at a million articles one takes minutes). */
    private static void run(NewsRuntime runtime, boolean sql2Once) throws Exception {
        ArticleRepository articles = runtime.articles();
        ArticleQuery newest = ArticleQuery.newest(20);
        ArticleQuery category = ArticleQuery.newest(20).withCategory("Thể thao");
        ArticleQuery deepPage = ArticleQuery.newest(20).page(5_000, 20);
        ResultPage<?> first = articles.list(newest);
        ResultPage<?> cat = articles.list(category);
        System.out.printf(
                Locale.ROOT,
                "newest page: %d items of %,d; category page: %d of %,d%n",
                first.items().size(),
                first.total(),
                cat.items().size(),
                cat.total());

        ArchiveIndex index = runtime.module().archive();
        Instant now = Instant.now();
        checkPages(articles, index, first, cat, now);

        Timings newestT = Timings.measure(20, 100, () -> articles.list(newest));
        Timings categoryT = Timings.measure(20, 100, () -> articles.list(category));
        // Right after a change the total is counted again (Jackrabbit 2 only knows it by reading every hit).
        Timings newestChanged = Timings.measure(5, 30, () -> {
            articles.workspaceChanged();
            articles.list(newest);
        });
        Timings categoryChanged = Timings.measure(5, 30, () -> {
            articles.workspaceChanged();
            articles.list(category);
        });
        Timings deepT = Timings.measure(5, 30, () -> articles.list(deepPage));
        Timings indexNewest = Timings.measure(
                20,
                100,
                () -> articles.findAllById(index.page(true, null, now, 0, 20).ids()));
        Timings indexCategory = Timings.measure(
                20,
                100,
                () -> articles.findAllById(
                        index.page(true, "Thể thao", now, 0, 20).ids()));
        Timings indexDeep = Timings.measure(
                20,
                100,
                () -> articles.findAllById(
                        index.page(true, null, now, 5_000, 20).ids()));
        Article sample =
                articles.findAllById(index.page(true, null, now, 100, 1).ids()).get(0);
        // Only the reads after each edit are timed, not the edit.
        long[] afterEdit = new long[30];
        for (int i = 0; i < afterEdit.length; i++) {
            Article current = articles.findById(sample.id()).orElseThrow();
            ArticleDraft draft = current.toDraft();
            draft.setTitle("Bản tin sửa lần " + i);
            articles.update(sample.id(), current.version(), draft, "bench");
            long t0 = System.nanoTime();
            articles.findAllById(index.page(true, "Thể thao", now, 0, 20).ids());
            afterEdit[i] = System.nanoTime() - t0;
            String edited = articles.findAllById(
                            index.page(true, null, now, 100, 1).ids())
                    .get(0)
                    .title();
            expect(edited.equals("Bản tin sửa lần " + i), "the edited article reads back as saved: " + edited);
        }
        Arrays.sort(afterEdit);
        System.out.println(indexNewest.line("newest 20 + total (archive index, 20 node reads)"));
        System.out.println(indexCategory.line("category 20 + total (archive index)"));
        System.out.println(indexDeep.line("offset 5,000 (archive index)"));
        System.out.printf(
                Locale.ROOT,
                "%-52s p50 %8.2f ms%n",
                "category 20 + total right after an edit (index)",
                afterEdit[afterEdit.length / 2] / 1e6);
        int warm = sql2Once ? 0 : 5;
        int runs = sql2Once ? 1 : 30;
        Timings sql2Newest = Timings.measure(
                warm, runs, () -> sql2(runtime, "SELECT * FROM [news:article] AS a ORDER BY a.[postedDate] DESC"));
        Timings sql2Category = Timings.measure(
                warm,
                runs,
                () -> sql2(
                        runtime,
                        "SELECT * FROM [news:article] AS a WHERE a.[category] = 'Thể thao' ORDER BY a.[postedDate] DESC"));
        System.out.println(newestT.line("newest 20 + total (ArticleRepository, XPath)"));
        System.out.println(newestChanged.line("newest 20 + total, right after a change"));
        System.out.println(sql2Newest.line("newest 20 (plain JCR-SQL2 ORDER BY)"));
        System.out.println(categoryT.line("category page 20 + total (ArticleRepository)"));
        System.out.println(categoryChanged.line("category page 20 + total, right after a change"));
        System.out.println(sql2Category.line("category page 20 (plain JCR-SQL2 ORDER BY)"));
        System.out.println(deepT.line("page at offset 5,000 (ArticleRepository)"));
        System.out.printf(
                Locale.ROOT,
                "ratio plain SQL2 / ours: newest %.1fx, category %.1fx%n",
                sql2Newest.p50() / newestT.p50(),
                sql2Category.p50() / categoryT.p50());
    }

    /**
     * Stops the run unless what is timed answers rightly: full pages, the index's totals equal to the
     * repository's, newest first, only the asked category, and a deep page that exists.
     */
    private static void checkPages(
            ArticleRepository articles, ArchiveIndex index, ResultPage<?> first, ResultPage<?> cat, Instant now)
            throws Exception {
        expect(first.items().size() == 20 && cat.items().size() == 20, "full first pages");
        ArchivePage newestPage = index.page(true, null, now, 0, 20);
        ArchivePage categoryPage = index.page(true, "Thể thao", now, 0, 20);
        ArchivePage deep = index.page(true, null, now, 5_000, 20);
        expect(
                newestPage.total() == first.total(),
                "index total " + newestPage.total() + " = repository's " + first.total());
        expect(categoryPage.total() == cat.total(), "category totals " + categoryPage.total() + " = " + cat.total());
        expect(deep.ids().size() == 20, "a page at offset 5,000 exists");
        List<Article> newest = articles.findAllById(newestPage.ids());
        List<Article> category = articles.findAllById(categoryPage.ids());
        expect(newest.size() == 20 && category.size() == 20, "every listed id reads as an article");
        for (int i = 1; i < newest.size(); i++) {
            expect(!newest.get(i).postedDate().isAfter(newest.get(i - 1).postedDate()), "newest first");
        }
        expect(category.stream().allMatch(a -> "Thể thao".equals(a.category())), "only the asked category");
    }

    private static void expect(boolean holds, String what) {
        if (!holds) {
            throw new IllegalStateException("ListingBenchmark would measure wrong answers: " + what);
        }
    }

    private static void sql2(NewsRuntime runtime, String statement) throws Exception {
        Session session = runtime.repository().login("news");
        try {
            Query query = session.getWorkspace().getQueryManager().createQuery(statement, Query.JCR_SQL2);
            query.setLimit(20);
            NodeIterator nodes = query.execute().getNodes();
            while (nodes.hasNext()) {
                nodes.nextNode().getProperty("title").getString();
            }
        } finally {
            session.logout();
        }
    }

    /** Writes articles straight through JCR, a thousand per save, spread over twenty years. */
    static void seed(NewsRuntime runtime, int count) throws Exception {
        seed(runtime.repository(), runtime.config().siteZone(), count, 0);
    }

    /** {@code count} articles numbered from {@code first}, straight into {@code repository}. */
    static void seed(EmbeddedRepository repository, ZoneId zone, int count, int first) throws Exception {
        ArticleNodes nodes = new ArticleNodes(zone);
        Random random = new Random(42);
        Instant newest = Instant.parse("2026-11-01T00:00:00Z");
        long span = 20L * 365 * 24 * 3600;
        Session session = repository.login("news");
        try {
            for (int i = first; i < first + count; i++) {
                // Oldest first, spread evenly over twenty years: a save fills one month folder or two, as an
                // archive grows, instead of touching all 240 of them.
                Instant posted =
                        newest.minusSeconds(span - (long) ((i + random.nextDouble()) * span / (first + count)));
                ZonedDateTime local = posted.atZone(zone);
                Node year = folder(session.getRootNode(), String.valueOf(local.getYear()));
                Node month = folder(year, String.format("%02d", local.getMonthValue()));
                ArticleDraft d = new ArticleDraft();
                d.setPublishOnCreate(true);
                d.setTitle("Bản tin số " + i + " về hoạt động của phường");
                d.setLead("Tóm tắt ngắn của bản tin số " + i);
                d.setBody("<p>Nội dung bản tin số " + i + ".</p>");
                d.setCategory(CATEGORIES[i % CATEGORIES.length]);
                d.setPostedDate(posted);
                d.setFeatured(i % 97 == 0);
                Node article = month.addNode("ban-tin-" + i, "news:article");
                nodes.write(article, d);
                nodes.stampCreated(article, posted, "bench");
                nodes.stampModified(article, posted, "bench");
                if ((i - first) % 1000 == 999) {
                    session.save();
                }
                if ((i - first) % 100_000 == 99_999) {
                    System.out.printf(Locale.ROOT, "  seeded %,d%n", i - first + 1);
                }
            }
            session.save();
        } finally {
            session.logout();
        }
    }

    private static Node folder(Node parent, String name) throws Exception {
        return parent.hasNode(name) ? parent.getNode(name) : parent.addNode(name, ArticleRepository.FOLDER_TYPE);
    }

    private ListingBenchmark() {}
}
