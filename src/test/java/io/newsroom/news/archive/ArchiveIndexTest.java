package io.newsroom.news.archive;

import static io.newsroom.news.TestArticles.draft;
import static io.newsroom.news.TestArticles.hanoi;
import static org.junit.jupiter.api.Assertions.*;

import io.newsroom.news.Eventually;
import io.newsroom.news.article.Article;
import io.newsroom.news.article.ArticleDraft;
import io.newsroom.news.article.ArticleQuery;
import io.newsroom.news.article.ArticleRepository;
import io.newsroom.news.article.Audience;
import io.newsroom.news.article.FieldError;
import io.newsroom.news.article.Publication;
import io.newsroom.news.article.ValidationException;
import io.newsroom.news.embedded.repository.EmbeddedRepository;
import io.newsroom.news.embedded.server.NewsRuntime;
import io.newsroom.news.embedded.server.RuntimeConfig;
import io.newsroom.news.publishing.Publishing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.jcr.Node;
import javax.jcr.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive index against the repository's own queries on a real Jackrabbit: the same pages and
 * totals for every audience and category, at once after writes made through the repository, soon
 * after writes made around it (as Magnolia's content app or another cluster node make them).
 */
class ArchiveIndexTest {
    private static final List<String> CATEGORIES = List.of("Thông báo", "Thể thao", "Văn hóa");

    private NewsRuntime runtime;
    private ArticleRepository articles;
    private Publishing publishing;
    private ArchiveIndex index;

    @BeforeEach
    void start() throws Exception {
        runtime = NewsRuntime.start(RuntimeConfig.forTests());
        articles = runtime.articles();
        publishing = runtime.publishing();
        index = runtime.module().archive();
        Eventually.await(index::ready, "the archive index is read at start");
    }

    @AfterEach
    void stop() {
        runtime.close();
    }

    @Test
    void listsWhatTheRepositoryQueriesList() throws Exception {
        Random random = new Random(7);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            ids.add(create(random, i).id());
        }
        for (int i = 0; i < 15; i++) {
            publishing.trash(ids.get(random.nextInt(ids.size())), "editor");
        }
        for (int i = 0; i < 10; i++) {
            publishing.unpublish(ids.get(random.nextInt(ids.size())), "editor");
        }
        assertListingsAgree();
    }

    @Test
    void everyWriteThroughTheRepositoryIsListedWhenItReturns() throws Exception {
        Article first = articles.create(draft("Bài thứ nhất", hanoi(2024, 3, 1, 8, 0)), "editor");
        assertEquals(List.of(first.id()), newest(null));

        ArticleDraft moved = first.toDraft();
        moved.setCategory("Thể thao");
        Article changed = articles.update(first.id(), first.version(), moved, "editor");
        assertEquals(List.of(first.id()), newest("Thể thao"));
        assertEquals(List.of("Thể thao"), index.categories());
        assertEquals("Thể thao", index.categoryBySlug("the-thao").orElseThrow());

        publishing.unpublish(changed.id(), "editor");
        assertEquals(List.of(), newest(null), "readers do not see a draft");
        assertEquals(
                List.of(first.id()),
                index.page(false, null, Instant.now(), 0, 10).ids(),
                "editors do");

        publishing.publish(changed.id(), "editor");
        assertEquals(List.of(first.id()), newest(null));
        publishing.trash(changed.id(), "editor");
        assertEquals(List.of(), newest(null), "the trash is not listed");
        assertEquals(List.of(), index.categories());
        publishing.restore(changed.id());
        assertEquals(List.of(first.id()), newest(null));
        assertTrue(articles.delete(changed.id()));
        assertEquals(List.of(), newest(null));
        assertEquals(0, index.size());
    }

    @Test
    void writesMadeAroundTheRepositoryArriveByObservation() throws Exception {
        Article article = articles.create(draft("Bài viết ngoài", hanoi(2024, 3, 1, 8, 0)), "editor");
        Session session = runtime.repository().login(articles.workspace());
        try {
            Node node = session.getNodeByIdentifier(article.id());
            node.setProperty("category", "Văn hóa");
            session.save();
            Eventually.await(
                    () -> newest("Văn hóa").equals(List.of(article.id())), "a category set over JCR is listed");
            node.remove();
            session.save();
            Eventually.await(() -> newest(null).isEmpty(), "a node removed over JCR leaves the listing");
        } finally {
            session.logout();
        }
    }

    @Test
    void aNewIndexReadsTheArchiveAlreadyThere() throws Exception {
        Random random = new Random(11);
        for (int i = 0; i < 25; i++) {
            create(random, i);
        }
        ArchiveIndex second = ArchiveIndex.start(articles);
        try {
            Eventually.await(second::ready, "a second index is read");
            for (String category : categoriesAndAll()) {
                assertEquals(
                        index.page(true, category, Instant.now(), 0, 100),
                        second.page(true, category, Instant.now(), 0, 100));
            }
            assertEquals(index.categories(), second.categories());
        } finally {
            second.close();
        }
    }

    @Test
    void aCloseWaitsForTheReaderSoTheRepositoryIsNeverClosedUnderIt() throws Exception {
        Random random = new Random(13);
        for (int i = 0; i < 300; i++) {
            create(random, i);
        }
        for (int attempt = 0; attempt < 3; attempt++) {
            ArchiveIndex second = ArchiveIndex.start(articles);
            second.close();
            // Closed while reading (or just after): no reader of it may go on once close returns, or the
            // repository's shutdown that follows closes its session under it.
            assertTrue(
                    Thread.getAllStackTraces().keySet().stream()
                            .noneMatch(t -> t.getName().equals("news-archive-index") && t.isAlive()),
                    "the index's reader still runs after close");
        }
    }

    @Test
    void aCategoryNameThatTakesAnotherCategorysAddressIsRefused() throws Exception {
        ArticleDraft first = draft("Lịch tiếp công dân", hanoi(2024, 3, 1, 8, 0));
        first.setCategory("Thông báo");
        Article existing = articles.create(first, "editor");

        ArticleDraft second = draft("Lịch tiêm chủng", hanoi(2024, 3, 2, 8, 0));
        second.setCategory("Thong Bao");
        ValidationException refused = assertThrows(ValidationException.class, () -> articles.create(second, "editor"));
        FieldError error = refused.errors().get(0);
        assertEquals("category", error.field());
        assertEquals("news.validation.categoryAddress", error.messageKey());
        assertEquals(List.of("Thông báo", "thong-bao"), error.arguments());
        assertEquals(1, index.size(), "nothing was written");
        assertEquals(
                "Chuyên mục \"Thông báo\" đã dùng địa chỉ này (/news/thong-bao). Hãy chọn \"Thông báo\", hoặc đặt tên"
                        + " khác hẳn, không chỉ khác dấu hay chữ hoa.",
                runtime.messages()
                        .get(
                                new Locale("vi"),
                                error.messageKey(),
                                error.arguments().toArray()));

        ArticleDraft renamed = existing.toDraft();
        renamed.setCategory("THÔNG BÁO");
        assertThrows(
                ValidationException.class, () -> articles.update(existing.id(), existing.version(), renamed, "editor"));

        second.setCategory("Thông báo");
        articles.create(second, "editor");
        assertEquals(List.of("Thông báo"), index.categories());
        assertEquals("Thông báo", index.categoryBySlug("thong-bao").orElseThrow());
    }

    @Test
    void aRestartServesTheKeptIndexAtOnceAndCorrectsWhatChangedWhileDown(@TempDir Path folder) throws Exception {
        RuntimeConfig config = RuntimeConfig.forTests().withDataFolder(folder);
        List<String> ids = new ArrayList<>();
        try (NewsRuntime first = NewsRuntime.start(config)) {
            Eventually.await(first.module().archive()::ready, "the first start reads the (empty) repository");
            for (int i = 0; i < 5; i++) {
                ArticleDraft d = draft("Bài trước khi dừng " + i, hanoi(2024, 3, 1 + i, 8, 0));
                d.setCategory("Thông báo");
                ids.add(first.articles().create(d, "editor").id());
            }
        }
        assertTrue(Files.exists(folder.resolve("archive-index.bin")), "kept at stop");

        // While the site is down another cluster node (or an import) removes one article and moves another.
        EmbeddedRepository repository = EmbeddedRepository.persistent(folder);
        try {
            Session session = repository.login("news");
            session.getNodeByIdentifier(ids.get(4)).remove();
            session.getNodeByIdentifier(ids.get(0)).setProperty("category", "Thể thao");
            session.save();
            session.logout();
        } finally {
            repository.close();
        }

        try (NewsRuntime second = NewsRuntime.start(config)) {
            ArchiveIndex kept = second.module().archive();
            assertTrue(kept.ready(), "the kept index serves from the start");
            Eventually.await(
                    () -> kept.page(true, null, Instant.now(), 0, 10)
                                    .ids()
                                    .equals(List.of(ids.get(3), ids.get(2), ids.get(1), ids.get(0)))
                            && kept.page(true, "Thể thao", Instant.now(), 0, 10)
                                    .ids()
                                    .equals(List.of(ids.get(0)))
                            && kept.page(true, "Thông báo", Instant.now(), 0, 10)
                                            .total()
                                    == 3,
                    "the check behind the kept index corrects what changed while the site was down");
            assertEquals(List.of("Thông báo", "Thể thao"), kept.categories());
        }
    }

    private Article create(Random random, int i) throws Exception {
        // Distinct whole minutes: the repository's query leaves ties in no particular order, and takes "now" to
        // the minute where the index takes it to the millisecond.
        Instant base = Instant.now().truncatedTo(ChronoUnit.MINUTES).minusSeconds(60);
        Instant posted = base.plusSeconds((random.nextInt(200) - 180) * 86_400L + i * 60L);
        ArticleDraft d = draft("Bài số " + i, posted);
        d.setCategory(random.nextInt(4) == 0 ? null : CATEGORIES.get(random.nextInt(CATEGORIES.size())));
        d.setFeatured(random.nextInt(5) == 0);
        d.setPublishOnCreate(random.nextInt(4) != 0);
        return articles.create(d, "editor");
    }

    private void assertListingsAgree() throws Exception {
        Instant now = Instant.now();
        for (Audience audience : List.of(Audience.READERS, Audience.EDITORS)) {
            for (String category : categoriesAndAll()) {
                for (int offset : List.of(0, 7, 30)) {
                    ArticleQuery query = audience.visibleAt(ArticleQuery.newest(10), now);
                    if (category != null) {
                        query = query.withCategory(category);
                    }
                    var expected = articles.list(query.page(offset, 10));
                    // The index takes "now" to the millisecond, the query to the minute: none is posted in between.
                    ArchivePage page = index.page(audience.publishedOnly(), category, now, offset, 10);
                    ArticleQuery asked = ArticleQuery.newest(10).page(offset, 10);
                    assertEquals(
                            page,
                            index.answer(category == null ? asked : asked.withCategory(category), audience, now)
                                    .orElseThrow(),
                            "the JSON API's plain listings are the index's");
                    String what = audience + " " + category + " from " + offset;
                    assertEquals(expected.items().stream().map(Article::id).toList(), page.ids(), what);
                    assertEquals(expected.total(), page.total(), what);
                }
            }
        }
        for (Publication.Filter state :
                List.of(Publication.Filter.ANY, Publication.Filter.PUBLISHED, Publication.Filter.DRAFTS)) {
            for (String category : categoriesAndAll()) {
                ArticleQuery query = ArticleQuery.newest(10).withPublication(state);
                if (category != null) {
                    query = query.withCategory(category);
                }
                for (int offset : List.of(0, 12)) {
                    var expected = articles.list(query.page(offset, 10));
                    ArchivePage page = index.editorsPage(query.page(offset, 10)).orElseThrow();
                    String what = "editors' " + state + " " + category + " from " + offset;
                    assertEquals(expected.items().stream().map(Article::id).toList(), page.ids(), what);
                    assertEquals(articles.count(query), page.total(), what);
                }
            }
        }
        assertTrue(index.editorsPage(ArticleQuery.newest(10).withPublication(Publication.Filter.TRASH))
                .isEmpty());
        assertEquals(articles.categories(), index.categories());
        for (ArticleQuery other : List.of(
                ArticleQuery.newest(10).withWords("bài"),
                ArticleQuery.newest(10).withText("bài"),
                ArticleQuery.newest(10).featuredOnly(),
                ArticleQuery.newest(10).withAncestor("/2024"),
                ArticleQuery.newest(10).withSort(List.of(ArticleQuery.Sort.asc("title"))))) {
            assertTrue(index.answer(other, Audience.READERS, now).isEmpty(), other + " is the repository's to answer");
        }
    }

    private List<String> categoriesAndAll() {
        List<String> all = new ArrayList<>(CATEGORIES);
        all.add(null);
        return all;
    }

    private List<String> newest(String category) {
        return index.page(true, category, Instant.now(), 0, 10).ids();
    }
}
