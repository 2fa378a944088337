package io.newsroom.news.embedded.server;

import static io.newsroom.news.TestArticles.draft;
import static org.junit.jupiter.api.Assertions.*;

import io.newsroom.news.Eventually;
import io.newsroom.news.article.Article;
import io.newsroom.news.article.ArticleDraft;
import io.newsroom.news.article.ValidationException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import javax.jcr.Node;
import javax.jcr.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An article's English version: stored as Magnolia stores i18n fields, with its own address and state;
 * the English site, its feed, sitemap and API show only published English versions, with the right
 * alternates; the Vietnamese site is not changed by it. Read over HTTP from the real templates.
 */
class TranslationsTest {
    private static TestSite site;
    private static NewsRuntime runtime;

    @BeforeAll
    static void start() throws Exception {
        site = TestSite.start(RuntimeConfig.forTests());
        runtime = site.runtime;
        site.serve();
        Eventually.await(() -> runtime.module().archive().ready(), "the archive index is read");
    }

    @AfterAll
    static void stop() throws Exception {
        site.close();
    }

    private static ArticleDraft withEnglish(ArticleDraft draft, String title, String body) {
        draft.getEnglish().setTitle(title);
        draft.getEnglish().setLead("Lead of " + title);
        draft.getEnglish().setBody(body);
        return draft;
    }

    @Test
    void anEnglishVersionIsStoredAsMagnoliaStoresI18nFieldsAndReachesOnlyEnglishReadersOncePublished()
            throws Exception {
        Article article = runtime.articles()
                .create(
                        withEnglish(
                                draft(
                                        "Hội thao mùa đông của phường",
                                        Instant.now().minusSeconds(3600)),
                                "Ward winter games",
                                "<p>Teams from every street played.</p>"),
                        "bien-tap");
        assertEquals("ward-winter-games", article.english().slug());
        Session session = runtime.repository().login("news");
        try {
            Node node = session.getNodeByIdentifier(article.id());
            assertEquals("Ward winter games", node.getProperty("title_en").getString());
            assertEquals(
                    "Lead of Ward winter games", node.getProperty("lead_en").getString());
            assertEquals("ward-winter-games", node.getProperty("slug_en").getString());
            assertEquals(
                    "Hội thao mùa đông của phường", node.getProperty("title").getString());
        } finally {
            session.logout();
        }
        String english = "/en/news" + folder(article) + "ward-winter-games.html";
        String vietnamese = "/news" + article.path() + ".html";

        // A draft English version: the Vietnamese page has no English alternate, no hint, no switch to it.
        assertEquals(404, site.get(english).statusCode());
        String vi = site.get(vietnamese).body();
        assertFalse(vi.contains("hreflang=\"en\""), "no English alternate while the English version is a draft");
        assertFalse(vi.contains("data-news-language-hint"), "no hint promising an English page");
        assertFalse(site.get("/en/news/feed.xml").body().contains("Ward winter games"));

        runtime.publishing().publishEnglish(article.id(), "truong-ban");
        HttpResponse<String> en = site.get(english);
        assertEquals(200, en.statusCode());
        assertTrue(en.body().contains("<h1 class=\"news-article__title\">Ward winter games</h1>"), en.body());
        assertTrue(en.body().contains("Teams from every street played."));
        assertFalse(en.body().contains("Hội thao mùa đông"), "the English page shows no Vietnamese text of it");
        assertTrue(en.body().contains("hreflang=\"vi\" href=\"" + base() + vietnamese + "\""), en.body());
        assertTrue(en.body().contains("hreflang=\"en\" href=\"" + base() + english + "\""));
        vi = site.get(vietnamese).body();
        assertTrue(vi.contains("hreflang=\"en\" href=\"" + base() + english + "\""), "the Vietnamese page names it");
        assertTrue(vi.contains("data-news-language-hint=\"en\""));
        assertTrue(site.get("/en/news/feed.xml").body().contains("Ward winter games"));
        assertTrue(site.get("/en/").body().contains("Ward winter games"));
        assertTrue(site.get("/en/news").body().contains("Ward winter games"));
        assertFalse(site.get("/news").body().contains("Ward winter games"), "the Vietnamese list keeps Vietnamese");
        String sitemap = site.get("/sitemap.xml").body();
        assertTrue(sitemap.contains("<loc>" + base() + english + "</loc>"), "the sitemap lists the English address");
        String api = site.get("/.rest/delivery/news/?lang=en").body();
        assertTrue(api.contains("\"title\":\"Ward winter games\""), api);
        assertFalse(api.contains("\"title\":\"Hội thao"), "the English API has English titles only");

        // Its switch to Vietnamese goes to the Vietnamese address; the other way round too.
        assertTrue(en.body()
                .contains("class=\"news-header__language\" hreflang=\"vi\" lang=\"vi\" href=\"" + vietnamese + "\""));
        // The Vietnamese address under /en (a reader's own switch) leads to the English version.
        HttpResponse<String> switched = site.get("/en" + vietnamese);
        assertEquals(301, switched.statusCode());
        assertEquals(english, switched.headers().firstValue("Location").orElseThrow());

        // Unpublishing the Vietnamese article leaves the English version on the English site.
        runtime.publishing().unpublish(article.id(), "truong-ban");
        assertEquals(404, site.get(vietnamese).statusCode());
        assertEquals(200, site.get(english).statusCode());
        assertFalse(site.get(english).body().contains("hreflang=\"vi\""), "no alternate to a draft");
        runtime.publishing().unpublishEnglish(article.id(), "truong-ban");
        assertEquals(404, site.get(english).statusCode());
    }

    @Test
    void anEnglishAddressIsUniqueInItsMonthAndARenamedOneRedirects() throws Exception {
        Instant posted = Instant.now().minusSeconds(7200);
        Article first = runtime.articles()
                .create(withEnglish(draft("Tin thứ nhất về chợ", posted), "Market news", "<p>One.</p>"), "bien-tap");
        Article second = runtime.articles()
                .create(withEnglish(draft("Tin thứ hai về chợ", posted), "Market news", "<p>Two.</p>"), "bien-tap");
        assertEquals("market-news", first.english().slug());
        assertEquals("market-news-2", second.english().slug());
        runtime.publishing().publishEnglish(second.id(), "truong-ban");

        ArticleDraft renamed = second.toDraft();
        renamed.getEnglish().setSlug("market-news-today");
        Article after = runtime.articles().update(second.id(), second.version(), renamed, "bien-tap");
        HttpResponse<String> old = site.get("/en/news" + folder(after) + "market-news-2.html");
        assertEquals(301, old.statusCode());
        assertEquals(
                "/en/news" + folder(after) + "market-news-today.html",
                old.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void anEnglishVersionNeedsATitleAndAnEmptyOneIsRemoved() throws Exception {
        ArticleDraft noTitle =
                draft("Tin chỉ có tóm tắt tiếng Anh", Instant.now().minusSeconds(60));
        noTitle.getEnglish().setLead("A lead without a title");
        ValidationException refused =
                assertThrows(ValidationException.class, () -> runtime.articles().create(noTitle, "bien-tap"));
        assertEquals(
                List.of("english.title"),
                refused.errors().stream().map(e -> e.field()).toList());

        Article article = runtime.articles()
                .create(
                        withEnglish(
                                draft("Tin sẽ bỏ bản tiếng Anh", Instant.now().minusSeconds(60)),
                                "To be removed",
                                "<p>x</p>"),
                        "bien-tap");
        runtime.publishing().publishEnglish(article.id(), "truong-ban");
        ArticleDraft emptied =
                runtime.articles().findById(article.id()).orElseThrow().toDraft();
        emptied.setEnglish(null);
        Article after = runtime.articles().update(article.id(), article.version(), emptied, "bien-tap");
        assertNull(after.english());
        assertEquals(
                404, site.get("/en/news" + folder(after) + "to-be-removed.html").statusCode());
        ValidationException nothingToPublish = assertThrows(
                ValidationException.class, () -> runtime.publishing().publishEnglish(article.id(), "truong-ban"));
        assertEquals(
                "news.validation.noEnglish", nothingToPublish.errors().get(0).messageKey());
    }

    @Test
    void theEnglishSearchFindsEnglishWordsOfPublishedEnglishVersionsOnly() throws Exception {
        Article shown = runtime.articles()
                .create(
                        withEnglish(
                                draft("Lễ hội đèn lồng", Instant.now().minusSeconds(60)),
                                "Lantern festival",
                                "<p>Lanterns along the river.</p>"),
                        "bien-tap");
        runtime.articles()
                .create(
                        withEnglish(
                                draft("Lễ hội đèn lồng nháp", Instant.now().minusSeconds(60)),
                                "Lantern festival draft",
                                "<p>Lanterns.</p>"),
                        "bien-tap");
        runtime.publishing().publishEnglish(shown.id(), "truong-ban");
        String found = site.get("/en/news/search?q=lantern").body();
        assertTrue(found.contains("Lantern festival"), found);
        assertFalse(found.contains("Lantern festival draft"), "an English draft is not found");
        assertFalse(found.contains("Lễ hội đèn lồng"));
    }

    private static String folder(Article article) {
        return article.path().substring(0, article.path().lastIndexOf('/') + 1);
    }

    private static String base() {
        String base = site.uri("").toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
