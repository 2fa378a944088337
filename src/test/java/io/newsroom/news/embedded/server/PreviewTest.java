package io.newsroom.news.embedded.server;

import static io.newsroom.news.TestArticles.unpublished;
import static org.junit.jupiter.api.Assertions.*;

import io.newsroom.news.MutableClock;
import io.newsroom.news.article.Article;
import io.newsroom.news.article.ArticleDraft;
import io.newsroom.news.article.ArticleQuery;
import io.newsroom.news.definitions.Messages;
import io.newsroom.news.publishing.Previews;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signed, expiring preview links show drafts and unsaved forms, to nobody else and never counted. */
class PreviewTest {
    private static TestSite site;
    private static final MutableClock CLOCK = new MutableClock(Instant.now());
    private static NewsRuntime runtime;
    private static SiteServer server;

    @BeforeAll
    static void start() throws Exception {
        site = TestSite.start(RuntimeConfig.forTests(), CLOCK);
        runtime = site.runtime;
        server = site.serve();
    }

    @AfterAll
    static void stop() throws Exception {
        site.close();
    }

    @Test
    void aDraftIsShownThroughItsSignedLinkOnlyAndNeverIndexedOrCounted() throws Exception {
        Article draft = runtime.articles()
                .create(unpublished("Bản nháp xem trước", CLOCK.instant().minusSeconds(60)), "nam");
        assertEquals(404, get("/news" + draft.path() + ".html").statusCode(), "readers do not see it");

        HttpResponse<String> preview =
                get(runtime.previews().stored(draft.id(), Messages.VIETNAMESE).path());
        assertEquals(200, preview.statusCode());
        assertTrue(preview.body().contains("Bản nháp xem trước"));
        assertTrue(preview.body().contains("<meta name=\"robots\" content=\"noindex, nofollow\">"));
        assertTrue(preview.body().contains("data-news-preview"), "the beacon script sends nothing in preview");
        assertTrue(preview.body().contains("news-article__preview"), "the page says it is a preview");
        assertEquals(
                "noindex, nofollow",
                preview.headers().firstValue("X-Robots-Tag").orElse(""));
        assertEquals(
                "private, no-store",
                preview.headers().firstValue("Cache-Control").orElse(""));
        assertEquals(
                "no-referrer", preview.headers().firstValue("Referrer-Policy").orElse(""));

        HttpResponse<String> english =
                get(runtime.previews().stored(draft.id(), Locale.ENGLISH).path());
        assertEquals(200, english.statusCode());
        assertTrue(english.body().contains("<html lang=\"en\">"), "the English preview is English");
    }

    @Test
    void aScheduledArticleIsShownBeforeItsTime() throws Exception {
        ArticleDraft later =
                unpublished("Tin hẹn giờ xem trước", CLOCK.instant().plus(Duration.ofDays(2)));
        later.setPublishOnCreate(true);
        Article scheduled = runtime.articles().create(later, "nam");
        assertEquals(404, get("/news" + scheduled.path() + ".html").statusCode());
        HttpResponse<String> preview = get(
                runtime.previews().stored(scheduled.id(), Messages.VIETNAMESE).path());
        assertEquals(200, preview.statusCode());
        assertTrue(preview.body().contains("Tin hẹn giờ xem trước"));
    }

    @Test
    void movingAnArticleToTheTrashEndsItsPreviewLinks() throws Exception {
        Article draft = runtime.articles()
                .create(unpublished("Bản nháp sẽ bỏ", CLOCK.instant().minusSeconds(60)), "nam");
        Previews.Link link = runtime.previews().stored(draft.id(), Messages.VIETNAMESE);
        assertEquals(200, get(link.path()).statusCode());
        runtime.publishing().trash(draft.id(), "nam");
        assertGone(get(link.path()), "the trash ends previews");
        runtime.publishing().restore(draft.id());
        assertEquals(200, get(link.path()).statusCode(), "restored, the link works again until it expires");
    }

    @Test
    void aPreviewAnswersOnlyGetAndHead() throws Exception {
        for (String method : java.util.List.of("PATCH", "PROPFIND", "DELETE")) {
            java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(site.uri(Previews.PATH))
                                    .method(method, java.net.http.HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(405, answer.statusCode(), method);
        }
    }

    @Test
    void anUnsavedFormIsShownAsItIsAndNothingIsStored() throws Exception {
        ArticleDraft form = unpublished("Biểu mẫu chưa lưu", CLOCK.instant());
        form.setBody("<p>Nội dung chưa lưu</p>");
        long before = runtime.articles().count(ArticleQuery.newest(1));
        Article unsaved = form.toPreview("preview-1", "/2026/11/bieu-mau-chua-luu", null);
        HttpResponse<String> preview =
                get(runtime.previews().unsaved(unsaved, Messages.VIETNAMESE).path());
        assertEquals(200, preview.statusCode());
        assertTrue(
                preview.body().contains("Biểu mẫu chưa lưu") && preview.body().contains("Nội dung chưa lưu"));
        assertEquals(before, runtime.articles().count(ArticleQuery.newest(1)));
    }

    @Test
    void aTamperedOrExpiredLinkShowsNothing() throws Exception {
        Article draft = runtime.articles()
                .create(unpublished("Bản nháp hết hạn", CLOCK.instant().minusSeconds(60)), "nam");
        Previews.Link link = runtime.previews().stored(draft.id(), Messages.VIETNAMESE);

        Article other = runtime.articles()
                .create(unpublished("Bản nháp khác", CLOCK.instant().minusSeconds(60)), "nam");
        String otherArticle = link.path().replace(draft.id(), other.id());
        assertGone(get(otherArticle), "a signature is for one article");
        String longer = link.path()
                .replaceAll("expires=\\d+", "expires=" + (link.expires().getEpochSecond() + 86_400));
        assertGone(get(longer), "a signature is for one expiry");
        assertGone(get(Previews.PATH + "?article=" + draft.id()), "no signature");
        assertGone(get(Previews.PATH + "?article=" + draft.id() + "&expires=x&sig=y"), "nonsense");

        assertEquals(200, get(link.path()).statusCode());
        CLOCK.advance(runtime.previews().lifetime().plusSeconds(1));
        try {
            assertGone(get(link.path()), "after its time");
        } finally {
            CLOCK.set(Instant.now());
        }
    }

    @Test
    void theSecretIsKeptInTheDataFolderAndANewSecretEndsEveryLink(@TempDir Path data) throws Exception {
        Previews first = Previews.open(data, Duration.ofHours(1), CLOCK);
        Previews.Link link = first.stored("0a1b2c3d-0000-4000-8000-000000000001", Messages.VIETNAMESE);
        String[] parts = parameters(link.path());
        Previews again = Previews.open(data, Duration.ofHours(1), CLOCK);
        assertTrue(again.resolve(parts[0], null, parts[1], parts[2]).isPresent(), "a restart keeps links working");
        assertEquals(
                "rw-------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("preview-secret"))));

        Files.delete(data.resolve("preview-secret"));
        Previews renewed = Previews.open(data, Duration.ofHours(1), CLOCK);
        assertTrue(renewed.resolve(parts[0], null, parts[1], parts[2]).isEmpty(), "a new secret ends old links");
    }

    /** {article, expires, sig} of a stored article's preview path. */
    private static String[] parameters(String path) {
        Map<String, String> map = new HashMap<>();
        for (String pair : path.substring(path.indexOf('?') + 1).split("&")) {
            String[] kv = pair.split("=", 2);
            map.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return new String[] {map.get("article"), map.get("expires"), map.get("sig")};
    }

    private static void assertGone(HttpResponse<String> response, String why) {
        assertEquals(403, response.statusCode(), why);
        assertFalse(response.body().contains("news-article__body"), why);
        assertTrue(response.body().contains("Liên kết xem trước"), "a clear page in the reader's language: " + why);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return site.get(path);
    }
}
