package io.newsroom.news.embedded.server;

import static io.newsroom.news.TestArticles.draft;
import static io.newsroom.news.TestArticles.unpublished;
import static org.junit.jupiter.api.Assertions.*;

import io.newsroom.news.TestArticles;
import io.newsroom.news.article.Article;
import io.newsroom.news.article.ArticleDraft;
import io.newsroom.news.article.ArticleQuery;
import io.newsroom.news.article.Publication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Calendar;
import javax.jcr.Node;
import javax.jcr.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Drafts reach no reader until published: not the pages, the feed, the JSON API or the counter. The
 * state is stored as Magnolia stores activation, and articles from before it existed stay published.
 */
class PublicationTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static TestSite site;
    private static NewsRuntime runtime;
    private static SiteServer server;

    @BeforeAll
    static void start() throws Exception {
        site = TestSite.start(RuntimeConfig.forTests());
        runtime = site.runtime;
        server = site.serve();
    }

    @AfterAll
    static void stop() throws Exception {
        site.close();
    }

    @Test
    void aDraftReachesNoReaderUntilPublishedAndLeavesWhenUnpublished() throws Exception {
        ArticleDraftOnSite article = new ArticleDraftOnSite(runtime.articles()
                .create(featured(unpublished("Bản nháp chưa đăng", Instant.now().minusSeconds(60))), "bien-tap"));
        assertEquals(Publication.State.DRAFT, article.article.state(Instant.now()));
        article.assertSeen(false);

        Article published = runtime.publishing().publish(article.article.id(), "truong-ban");
        assertEquals(Publication.State.PUBLISHED, published.state(Instant.now()));
        assertEquals("truong-ban", published.publication().lastActivatedBy());
        article.assertSeen(true);

        // Saving a published article keeps it published and live at once (the stored activation status says
        // modified, as Magnolia's does; the admin shows it as visible, which is what readers get).
        var edit = published.toDraft();
        edit.setLead("Tóm tắt sửa sau khi đăng");
        Article edited = runtime.articles().update(published.id(), published.version(), edit, "bien-tap");
        assertTrue(edited.publication().published());
        assertEquals(Publication.State.MODIFIED, edited.state(Instant.now().plusSeconds(1)));
        assertTrue(get("/news" + edited.path() + ".html").body().contains("Tóm tắt sửa sau khi đăng"));

        runtime.publishing().unpublish(article.article.id(), "truong-ban");
        article.assertSeen(false);
    }

    @Test
    void theStateIsStoredAsMagnoliaStoresActivationAndOldArticlesStayPublished() throws Exception {
        Article a = runtime.articles()
                .create(unpublished("Tin lưu trạng thái", Instant.now().minusSeconds(60)), "bien-tap");
        runtime.publishing().publish(a.id(), "truong-ban");
        Session session = runtime.repository().login("news");
        try {
            Node node = session.getNodeByIdentifier(a.id());
            assertTrue(node.getProperty("mgnl:activationStatus").getBoolean());
            assertEquals("truong-ban", node.getProperty("mgnl:lastActivatedBy").getString());
            assertNotNull(node.getProperty("mgnl:lastActivated").getDate());
            // An article stored before publication existed: no status at all.
            node.getProperty("mgnl:activationStatus").remove();
            node.getProperty("mgnl:lastActivated").remove();
            node.getProperty("mgnl:lastActivatedBy").remove();
            session.save();
        } finally {
            session.logout();
        }
        runtime.articles().workspaceChanged();
        Article legacy = runtime.articles().findById(a.id()).orElseThrow();
        assertTrue(legacy.publication().published(), "no status: published, so nothing disappears on upgrade");
        assertEquals(200, get("/news" + legacy.path() + ".html").statusCode());
        long published =
                runtime.articles().count(ArticleQuery.newest(1).publishedOnly().withText("Tin lưu trạng thái"));
        long drafts = runtime.articles()
                .count(ArticleQuery.newest(1)
                        .withPublication(Publication.Filter.DRAFTS)
                        .withText("Tin lưu trạng thái"));
        assertEquals(1, published);
        assertEquals(0, drafts);
    }

    @Test
    void theTrashTakesAnArticleOffTheSiteAtOnceAndGivesItBack() throws Exception {
        Article article = runtime.articles()
                .create(featured(draft("Tin vào thùng rác", Instant.now().minusSeconds(60))), "t");
        ArticleDraftOnSite onSite = new ArticleDraftOnSite(article);
        onSite.assertSeen(true);
        Article trashed = runtime.publishing().trash(article.id(), "bien-tap");
        assertTrue(trashed.isTrashed());
        onSite.assertSeen(false);
        assertEquals(
                0,
                runtime.articles().count(ArticleQuery.newest(1).withText("Tin vào thùng rác")),
                "not listed outside the trash");
        assertEquals(
                1,
                runtime.articles()
                        .count(ArticleQuery.newest(1)
                                .withPublication(Publication.Filter.TRASH)
                                .withText("Tin vào thùng rác")));
        Session session = runtime.repository().login("news");
        try {
            Node node = session.getNodeByIdentifier(article.id());
            assertTrue(node.isNodeType("mgnl:deleted"), "Magnolia's mark of a deletion not yet published");
            assertEquals("bien-tap", node.getProperty("mgnl:deletedBy").getString());
        } finally {
            session.logout();
        }
        runtime.publishing().restore(article.id());
        onSite.assertSeen(true);
    }

    @Test
    void theTrashIsEmptiedOfWhatHasBeenInItFor30Days() throws Exception {
        Article old = runtime.articles()
                .create(draft("Tin cũ trong thùng rác", Instant.now().minusSeconds(60)), "t");
        Article recent = runtime.articles()
                .create(draft("Tin mới trong thùng rác", Instant.now().minusSeconds(60)), "t");
        runtime.publishing().trash(old.id(), "t");
        runtime.publishing().trash(recent.id(), "t");
        Session session = runtime.repository().login("news");
        try {
            Calendar longAgo = Calendar.getInstance();
            longAgo.add(Calendar.DAY_OF_MONTH, -31);
            session.getNodeByIdentifier(old.id()).setProperty("mgnl:deleted", longAgo);
            session.save();
        } finally {
            session.logout();
        }
        assertEquals(1, runtime.publishing().purgeTrash(Instant.now().minus(Duration.ofDays(NewsRuntime.TRASH_DAYS))));
        assertTrue(runtime.articles().findById(old.id()).isEmpty(), "gone for ever");
        assertTrue(runtime.articles().findById(recent.id()).orElseThrow().isTrashed(), "still in the trash");
    }

    @Test
    void aPublishedArticleThatMovesKeepsAnsweringAtEveryOldAddress() throws Exception {
        ArticleDraft withEnglish = draft("Tin đổi địa chỉ", TestArticles.hanoi(2025, 3, 10, 9, 0));
        withEnglish.getEnglish().setTitle("News that moved");
        withEnglish.getEnglish().setSlug("tin-da-doi-ten");
        Article first = runtime.articles().create(withEnglish, "t");
        runtime.publishing().publishEnglish(first.id(), "t");
        var renamed = first.toDraft();
        renamed.setName("tin-da-doi-ten");
        Article second = runtime.articles().update(first.id(), first.version(), renamed, "t");
        var moved = second.toDraft();
        moved.setPostedDate(TestArticles.hanoi(2025, 5, 10, 9, 0));
        Article now = runtime.articles().update(second.id(), second.version(), moved, "t");
        assertEquals("/2025/05/tin-da-doi-ten", now.path());

        for (String old : new String[] {first.path(), second.path()}) {
            HttpResponse<String> vi = get("/news" + old + ".html");
            assertEquals(301, vi.statusCode(), old);
            assertEquals(
                    "/news/2025/05/tin-da-doi-ten.html",
                    vi.headers().firstValue("Location").orElse(""),
                    "no chain: straight there");
            HttpResponse<String> en = get("/en/news" + old + ".html");
            assertEquals(
                    "/en/news/2025/05/tin-da-doi-ten.html",
                    en.headers().firstValue("Location").orElse(""));
            HttpResponse<String> api = get("/.rest/delivery/news" + old);
            assertEquals(301, api.statusCode());
            assertEquals(
                    "/.rest/delivery/news/2025/05/tin-da-doi-ten",
                    api.headers().firstValue("Location").orElse(""));
        }
        assertEquals(200, get("/news/2025/05/tin-da-doi-ten.html").statusCode());

        // A draft never had readers: its old address is simply gone.
        Article draft = runtime.articles()
                .create(unpublished("Nháp đổi tên", Instant.now().minusSeconds(60)), "t");
        var draftRenamed = draft.toDraft();
        draftRenamed.setName("nhap-da-doi-ten");
        runtime.articles().update(draft.id(), draft.version(), draftRenamed, "t");
        assertTrue(runtime.articles().findByFormerPath(draft.path()).isEmpty());
    }

    @Test
    void articlesMadeByTheTestsAndTheDemoArePublishedAtOnceOnlyWhenAsked() throws Exception {
        Article published =
                runtime.articles().create(draft("Tin đăng ngay", Instant.now().minusSeconds(60)), "t");
        Article kept = runtime.articles()
                .create(unpublished("Tin để nháp", Instant.now().minusSeconds(60)), "t");
        assertTrue(published.publication().published());
        assertFalse(kept.publication().published());
        assertNull(kept.publication().lastActivated(), "never published");
    }

    private static ArticleDraft featured(ArticleDraft d) {
        d.setFeatured(true);
        d.setFeaturedRank(1L);
        return d;
    }

    /** Where readers could meet an article. */
    @Test
    void anUnpublishTimeTakesTheArticleOffTheSiteAndIsCarriedOutByTheSchedule() throws Exception {
        ArticleDraft bad = unpublished("Giờ gỡ trước ngày đăng", Instant.now().minusSeconds(60));
        bad.setUnpublishDate(Instant.now().minusSeconds(120));
        var refused = assertThrows(
                io.newsroom.news.article.ValidationException.class,
                () -> runtime.articles().create(bad, "bien-tap"));
        assertEquals("unpublishDate", refused.errors().get(0).field());

        Instant until = Instant.now().plusSeconds(2);
        ArticleDraft d = featured(
                unpublished("Thông báo lịch cắt điện có hạn", Instant.now().minusSeconds(60)));
        d.setUnpublishDate(until);
        ArticleDraftOnSite article = new ArticleDraftOnSite(runtime.articles().create(d, "bien-tap"));
        Article published = runtime.publishing().publish(article.article.id(), "truong-ban");
        // Readers see it until its time (decided at a given instant: a loaded machine may reach the time
        // before a page could be asked for).
        assertTrue(io.newsroom.news.article.Audience.READERS.sees(published, until.minusMillis(1)));
        assertFalse(io.newsroom.news.article.Audience.READERS.sees(published, until));
        assertTrue(io.newsroom.news.article.Audience.EDITORS.sees(published, until), "editors on the author still do");

        while (!Instant.now().isAfter(until)) {
            Thread.sleep(50);
        }
        // Its own page and the counter at once, before the schedule's next round.
        assertEquals(404, get("/news" + article.article.path() + ".html").statusCode());
        assertEquals(404, get("/.rest/delivery/news/" + article.article.id()).statusCode());
        // The schedule's round: unpublished everywhere, by the scheduler, its time cleared.
        assertEquals(
                java.util.List.of(article.article.id()),
                runtime.publishing().unpublishDue(Instant.now(), NewsRuntime.SCHEDULER));
        article.assertSeen(false);
        Article after = runtime.articles().findById(article.article.id()).orElseThrow();
        assertEquals(NewsRuntime.SCHEDULER, after.publication().lastActivatedBy());
        assertNull(after.unpublishDate());
        assertEquals(java.util.List.of(), runtime.publishing().unpublishDue(Instant.now(), NewsRuntime.SCHEDULER));
    }

    private static final class ArticleDraftOnSite {
        final Article article;

        ArticleDraftOnSite(Article article) {
            this.article = article;
        }

        void assertSeen(boolean seen) throws Exception {
            String title = article.title();
            assertEquals(seen, get("/").body().contains(title), "home page");
            assertEquals(
                    seen ? 200 : 404, get("/news" + article.path() + ".html").statusCode(), "article page");
            assertEquals(seen, get("/news/feed.xml").body().contains(title), "feed");
            assertEquals(seen, get("/.rest/delivery/news?limit=100").body().contains(article.id()), "JSON list");
            assertEquals(
                    seen ? 200 : 404,
                    get("/.rest/delivery/news/" + article.id()).statusCode(),
                    "JSON by id");
            HttpResponse<String> beacon = HTTP.send(
                    HttpRequest.newBuilder(URI.create(server.baseUrl() + "/.news/views"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0 reader " + seen)
                            .POST(HttpRequest.BodyPublishers.ofString("id=" + article.id()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(seen ? 204 : 404, beacon.statusCode(), "view counter");
        }
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return site.get(path);
    }
}
