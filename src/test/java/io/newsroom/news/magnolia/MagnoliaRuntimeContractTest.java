package io.newsroom.news.magnolia;

import static io.newsroom.news.TestArticles.draft;
import static org.junit.jupiter.api.Assertions.*;

import info.magnolia.objectfactory.Components;
import info.magnolia.observation.WorkspaceEventListenerRegistration;
import io.newsroom.news.article.Article;
import io.newsroom.news.article.ArticleDraft;
import io.newsroom.news.embedded.server.DemoContentAccess;
import io.newsroom.news.templating.NewsFunctions;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The module's whole life in the Magnolia host model ({@link MagnoliaHost}): installed on an empty
 * repository, started in Magnolia's order, serving pages and views on several threads through
 * Magnolia's contexts, through a filter chain reset, stopped and started again. Each test names the
 * point of Magnolia's runtime contract it proves (issue 9).
 */
class MagnoliaRuntimeContractTest {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @TempDir
    Path home;

    private MagnoliaHost host;

    @AfterEach
    void stop() {
        if (host != null) {
            host.close();
        }
        System.clearProperty("newsroom.news.views.journal");
        System.clearProperty("newsroom.news.trustedProxies");
        MagnoliaHost.author = false;
    }

    private MagnoliaHost start(Map<?, ?> siteI18n) throws Exception {
        System.setProperty(
                "newsroom.news.views.journal", home.resolve("journal").toString());
        // Readers come through the loopback "proxy" and are told apart by X-Forwarded-For.
        System.setProperty("newsroom.news.trustedProxies", "127.0.0.1,::1");
        host = MagnoliaHost.start(home.resolve("repository"), siteI18n);
        DemoContentAccess.createPages(host.repository());
        return host;
    }

    /** The i18n block the module ships in setup/site-i18n.yaml, as a site would have copied it. */
    @SuppressWarnings("unchecked")
    static Map<?, ?> shippedSiteI18n() throws Exception {
        try (InputStream in = MagnoliaRuntimeContractTest.class.getResourceAsStream("/news/setup/site-i18n.yaml")) {
            return (Map<?, ?>) ((Map<String, Object>) new Yaml().load(in)).get("i18n");
        }
    }

    // --- point 2: news-stats on a first start; point 1: sessions ---

    @Test
    void onAFirstStartTheCounterWorksWithOnlyTheNodeTypesMagnoliaHasThen() throws Exception {
        start(shippedSiteI18n());
        assertEquals(
                List.of(), host.nodeTypeFailures(), "every type of the node type file registers before modules start");
        Article article = create("Tin đầu tiên", Instant.now().minusSeconds(60), true);

        assertEquals(204, post("/.news/views", "id=" + article.id()).statusCode());
        MagnoliaNews.get().counter().flush();

        Session stats = host.adminSession("news-stats");
        try {
            Node counter = stats.getNode("/views/" + article.id().substring(0, 2) + "/" + article.id());
            assertEquals(1L, counter.getProperty("total").getLong());
            assertEquals("nt:folder", counter.getParent().getPrimaryNodeType().getName());
            assertFalse(
                    counter.getParent().getDefinition().allowsSameNameSiblings(),
                    "two instances creating one counter must conflict, not make a17[2]");
            assertEquals("mgnl:contentNode", counter.getPrimaryNodeType().getName());
        } finally {
            stats.logout();
        }
    }

    @Test
    void theModelRegistersANodeTypeFileBeforeTheNewsNamespaceExistsAsMagnoliaDoes() throws Exception {
        // 0.1's descriptor declared news-stats types in the news namespace: on a first start in
        // Magnolia all three failed, since content types creates the namespace only later.
        System.setProperty(
                "newsroom.news.views.journal", home.resolve("journal").toString());
        host = MagnoliaHost.start(home.resolve("repository"), "/legacy/news-0.1.xml", null);
        assertEquals(3, host.nodeTypeFailures().size(), host.nodeTypeFailures().toString());
        Session session = host.adminSession("news");
        try {
            assertTrue(
                    session.getWorkspace().getNodeTypeManager().hasNodeType("news:article"),
                    "autoCreate ran afterwards");
            assertFalse(session.getWorkspace().getNodeTypeManager().hasNodeType("news:viewCounter"));
        } finally {
            session.logout();
        }
    }

    @Test
    void contextSessionsStayUsableForEveryRequestOnEveryThread() throws Exception {
        start(shippedSiteI18n());
        Article a = create("Tin một", Instant.now().minusSeconds(120), true);
        Article b = create("Tin hai", Instant.now().minusSeconds(60), false);
        ExecutorService clients = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                Article article = i % 2 == 0 ? a : b;
                String id = article.id();
                List<Callable<Integer>> calls = List.of(
                        () -> get("/").statusCode(),
                        () -> get("/news" + article.path() + ".html").statusCode(),
                        () -> post("/.news/views", "id=" + id).statusCode(),
                        () -> get("/.news/delivery/news").statusCode());
                calls.forEach(c -> answers.add(clients.submit(c)));
            }
            for (Future<Integer> answer : answers) {
                int status = answer.get();
                assertTrue(status == 200 || status == 204, "status " + status);
            }
        } finally {
            clients.shutdownNow();
        }
        String page = get("/news" + a.path() + ".html").body();
        assertTrue(page.contains("Tin một"), page);
        waitFor(() -> openContextSessions() == 0, "every context session is released after its work");
    }

    @Test
    void workNestedInAnotherUnitOfWorkDoesNotReleaseItsSessions() throws Exception {
        start(shippedSiteI18n());
        for (int i = 0; i < 3; i++) {
            create("Tin số " + i, Instant.now().minusSeconds(60 + i), false);
        }
        // Each article's JSON asks the counter for its views while the listing's session is still in use.
        HttpResponse<String> list = get("/.news/delivery/news?limit=10");
        assertEquals(200, list.statusCode(), list.body());
        assertEquals(3, list.body().split("\"views\"").length - 1, list.body());
    }

    @Test
    void aFailedUnitOfWorkLeavesNothingUnsavedInTheThreadsSession() throws Exception {
        start(null);
        MagnoliaContext context = MagnoliaContext.find();
        assertThrows(
                RepositoryException.class,
                () -> context.run("news", session -> {
                    session.getRootNode().addNode("half-done", "mgnl:folder");
                    throw new RepositoryException("failed on purpose");
                }));
        boolean clean =
                context.run("news", session -> !session.hasPendingChanges() && !session.nodeExists("/half-done"));
        assertTrue(clean, "the next unit of work on this thread starts clean");
    }

    @Test
    void editsMadeInMagnoliaReachTheCachedBlocksThroughItsOwnListenerSession() throws Exception {
        start(shippedSiteI18n());
        create("Tin cũ", Instant.now().minusSeconds(600), true);
        assertTrue(get("/").body().contains("Tin cũ"));
        assertEquals(1, WorkspaceEventListenerRegistration.ACTIVE.get(), "one registration, held by Magnolia");

        // An editor saves a new featured article in Magnolia's content app (not through the module).
        Session news = host.adminSession("news");
        try {
            Node month = news.getRootNode()
                    .getNode(String.valueOf(
                            LocalDate.now(MagnoliaNews.get().zone()).getYear()));
            Node fresh = month.getNodes().nextNode().addNode("tin-moi-tu-app", "news:article");
            fresh.setProperty("title", "Tin mới từ ứng dụng");
            fresh.setProperty("featured", true);
            Calendar posted = Calendar.getInstance();
            posted.add(Calendar.MINUTE, -1);
            fresh.setProperty("postedDate", posted);
            news.save();
        } finally {
            news.logout();
        }
        waitFor(() -> get("/").body().contains("Tin mới từ ứng dụng"), "the home page shows the app's edit");
        host.close();
        host = null;
        assertEquals(0, WorkspaceEventListenerRegistration.ACTIVE.get(), "the listener is unregistered at shutdown");
    }

    // --- point 3: lifecycle ---

    @Test
    void aFilterChainResetAndARestartCountEveryAnsweredViewOnce() throws Exception {
        start(shippedSiteI18n());
        Article article = create("Tin được đọc", Instant.now().minusSeconds(60), true);
        int answered = 0;
        for (int i = 0; i < 5; i++) {
            answered += beacon(article, "reader-" + i);
        }
        host.resetFilterChain();
        for (int i = 5; i < 12; i++) {
            answered += beacon(article, "reader-" + i);
        }
        assertEquals(12, answered);
        // newsfn (a singleton made before the reset) still sees the counter the new servlet counts into.
        String page = get("/news" + article.path() + ".html").body();
        assertTrue(page.contains("news-article__views\">12<"), page);
        assertEquals(12L, Components.getComponent(NewsFunctions.class).views(article.id()));
        Session news = host.adminSession("news");
        try {
            assertEquals(
                    12L, new ViewCountColumn().apply(news.getNodeByIdentifier(article.id())), "the app's Views column");
        } finally {
            news.logout();
        }

        host.close();
        host = MagnoliaHost.start(home.resolve("repository"), shippedSiteI18n());
        assertEquals(
                12L, MagnoliaNews.get().counter().views(article.id()), "after Magnolia's shutdown and a new start");
        assertEquals(1, beacon(article, "reader-after-restart"));
        MagnoliaNews.get().counter().flush();
        assertEquals(13L, storedTotal(article.id()));
    }

    // --- issue 19: the module class, servlet init, shutdown order ---

    @Test
    void theModuleClassStartsTheModuleAndStopsItBeforeTheRepositoryCloses() throws Exception {
        start(shippedSiteI18n());
        assertEquals(List.of(), host.servletInitFailures(), "no servlet init failed: they do no JCR work in init()");
        Article article = create("Tin trước khi dừng", Instant.now().minusSeconds(60), true);
        int answered = 0;
        for (int i = 0; i < 7; i++) {
            answered += beacon(article, "stop-" + i);
        }
        assertEquals(7, answered);

        host.close();
        host = null;
        assertThrows(IllegalStateException.class, MagnoliaNews::get, "stopped with Magnolia's stop of the module");
        // Read straight from the closed repository's folder, before any new start could replay the journal:
        // the module's stop saved every answered view while the repository was still open.
        try (var repository =
                io.newsroom.news.embedded.repository.EmbeddedRepository.persistent(home.resolve("repository"))) {
            Session stats = repository.login("news-stats");
            try {
                Node counter = stats.getNode("/views/" + article.id().substring(0, 2) + "/" + article.id());
                assertEquals(7L, counter.getProperty("total").getLong());
            } finally {
                stats.logout();
            }
        }
    }

    @Test
    void theServletsInitialiseWithoutTheModuleAndAnswer503UntilItRuns() throws Exception {
        // 0.1's descriptor has no module class: nothing starts the module, as in a Magnolia without it.
        System.setProperty(
                "newsroom.news.views.journal", home.resolve("journal").toString());
        host = MagnoliaHost.start(home.resolve("repository"), "/legacy/news-0.1.xml", null);
        assertEquals(List.of(), host.servletInitFailures(), "init() does no work that needs the module");
        HttpResponse<String> beacon = post("/.news/views", "id=" + java.util.UUID.randomUUID());
        assertEquals(503, beacon.statusCode());
        assertTrue(beacon.body().contains("notRunning"), beacon.body());
        assertThrows(IllegalStateException.class, MagnoliaNews::get);
    }

    // --- point 4: languages ---

    @Test
    void withMagnoliasDefaultLanguageSettingsLinksCarryNoPrefixAndThereIsNoSwitch() throws Exception {
        start(null);
        Article article = create("Tin mặc định", Instant.now().minusSeconds(60), true);
        String home = get("/").body();
        assertTrue(home.contains("href=\"/news" + article.path() + ".html\""), home);
        assertFalse(home.contains("news-header__language"), "one language: nothing to switch to");
        assertEquals(200, get("/news" + article.path() + ".html").statusCode());
    }

    @Test
    void withTheShippedSiteLanguagesVietnameseIsTheDefaultAndEnglishLinksWork() throws Exception {
        start(shippedSiteI18n());
        Article article = createWithEnglish(
                "Tin hai thứ tiếng", "News in two languages", Instant.now().minusSeconds(60));
        String vietnamese = get("/").body();
        assertTrue(vietnamese.contains("<html lang=\"vi\">"), vietnamese);
        assertTrue(vietnamese.contains("href=\"/news" + article.path() + ".html\""), vietnamese);
        assertTrue(vietnamese.contains("hreflang=\"en\" lang=\"en\" href=\"/en/\""), vietnamese);

        String english = get("/en/").body();
        assertTrue(english.contains("<html lang=\"en\">"), english);
        String link = "/en/news" + article.path() + ".html";
        assertTrue(english.contains("href=\"" + link + "\""), english);
        HttpResponse<String> followed = get(link);
        assertEquals(200, followed.statusCode());
        assertTrue(followed.body().contains("News in two languages"), "the English version on the English site");
        assertFalse(followed.body().contains("Tin hai thứ tiếng"));
        assertTrue(followed.body().contains("hreflang=\"vi\" lang=\"vi\" href=\"/news" + article.path() + ".html\""));
    }

    @Test
    void aLocaleWithACountryGetsTheAddressesMagnoliaMakesForIt() throws Exception {
        // A site whose English is en_US: Magnolia's DefaultI18nContentSupport.toI18NURI writes /en_US/...
        start(Map.of(
                "class", "info.magnolia.cms.i18n.DefaultI18nContentSupport",
                "enabled", true,
                "fallbackLocale", "vi",
                "defaultLocale", "vi",
                "locales",
                        Map.of(
                                "vi", Map.of("language", "vi", "enabled", true),
                                "en_US", Map.of("language", "en", "country", "US", "enabled", true))));
        Article article = createWithEnglish(
                "Tin có quốc gia", "News with a country", Instant.now().minusSeconds(60));
        String vietnamese = get("/").body();
        assertTrue(vietnamese.contains("hreflang=\"en-US\" lang=\"en-US\" href=\"/en_US/\""), vietnamese);
        String link = "/en_US/news" + article.path() + ".html";
        assertTrue(get("/en_US/").body().contains("href=\"" + link + "\""), "newsfn makes Magnolia's /en_US/ links");
        HttpResponse<String> followed = get(link);
        assertEquals(200, followed.statusCode());
        assertTrue(followed.body().contains("News with a country"));
        assertFalse(get("/").body().contains("href=\"/en/"), "no /en/ address Magnolia would not serve");
    }

    // --- point 5: links in rich text ---

    @Test
    void storedMagnoliaLinksInTheBodyRenderAsAddresses() throws Exception {
        start(shippedSiteI18n());
        Article article = create("Tin có liên kết", Instant.now().minusSeconds(60), false);
        String homeId;
        Session website = host.adminSession("website");
        try {
            homeId = website.getNode("/home").getIdentifier();
        } finally {
            website.logout();
        }
        Session news = host.adminSession("news");
        try {
            // As Magnolia's rich text field stores a link to a page (the page has moved since).
            news.getNodeByIdentifier(article.id())
                    .setProperty(
                            "body",
                            "<p>Xem <a href=\"${link:{uuid:{" + homeId
                                    + "},repository:{website},path:{/old-home}}}\">trang chủ</a></p>");
            news.save();
        } finally {
            news.logout();
        }
        String page = get("/news" + article.path() + ".html").body();
        assertTrue(page.contains("<a href=\"/home.html\">trang chủ</a>"), page);
        assertFalse(page.contains("${link:"), page);
    }

    // --- point 6: anonymous reads ---

    @Test
    void theModulesEndpointServesOnlyWhatTheSiteShowsAndNoAccountNames() throws Exception {
        start(shippedSiteI18n());
        Article visible = create("Tin đã đăng", Instant.now().minusSeconds(60), false);
        Article scheduled = create("Tin hẹn giờ", Instant.now().plusSeconds(3600), false);
        String list = get("/.news/delivery/news").body();
        assertTrue(list.contains(visible.id()), list);
        assertFalse(list.contains(scheduled.id()), "scheduled articles are not public yet");
        assertFalse(list.contains("createdBy") || list.contains("editor-account"), list);
        assertEquals(404, get("/.news/delivery/news" + scheduled.path()).statusCode());
        assertEquals(404, get("/.news/delivery/news/" + scheduled.id()).statusCode());
        assertEquals(200, get("/.news/delivery/news" + visible.path()).statusCode());
    }

    @Test
    void editorsOnTheAuthorInstancePreviewDrafts() throws Exception {
        // What a public instance shows (what arrived by publishing) is MagnoliaDeploymentTest's: its own repository.
        MagnoliaHost.author = true;
        start(shippedSiteI18n());
        ArticleDraft draft = draft("Bản nháp trên author", Instant.now().minusSeconds(60));
        draft.setPublishOnCreate(false);
        Article article = MagnoliaNews.get().articles().create(draft, "editor-account");
        assertTrue(
                get("/news" + article.path() + ".html").body().contains("news-article__title\">Bản nháp trên author<"),
                "the author instance previews drafts");
        assertTrue(get("/").body().contains("Bản nháp trên author"));
        assertEquals(404, get("/.news/delivery/news/" + article.id()).statusCode(), "the JSON never shows drafts");
    }

    @Test
    void withoutMagnoliaTheAdapterSaysSoClearly() throws Exception {
        URL ownClasses =
                MagnoliaContext.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader withoutMagnolia =
                new URLClassLoader(new URL[] {ownClasses}, ClassLoader.getPlatformClassLoader())) {
            IllegalStateException e =
                    assertThrows(IllegalStateException.class, () -> MagnoliaContext.find(withoutMagnolia));
            assertTrue(e.getMessage().contains("Magnolia is not on the classpath"), e.getMessage());
            assertTrue(e.getMessage().contains("info.magnolia.context.MgnlContext"), e.getMessage());
        }
    }

    // --- helpers ---

    /** An article saved by the module's repository, as the admin account "editor-account" would. */
    private Article create(String title, Instant posted, boolean featured) throws Exception {
        ArticleDraft d = draft(title, posted);
        d.setFeatured(featured);
        d.setCategory("Tin tức");
        return MagnoliaNews.get().articles().create(d, "editor-account");
    }

    /** An article with a published English version at the same address name (its i18n fields, as Magnolia stores them). */
    private Article createWithEnglish(String title, String english, Instant posted) throws Exception {
        Article article = create(title, posted, true);
        ArticleDraft translated = article.toDraft();
        translated.getEnglish().setTitle(english);
        translated.getEnglish().setSlug(article.name());
        MagnoliaNews.get().articles().update(article.id(), article.version(), translated, "editor-account");
        io.newsroom.news.article.ArticleNodes nodes = new io.newsroom.news.article.ArticleNodes(
                MagnoliaNews.get().articles().siteZone());
        return MagnoliaNews.get()
                .articles()
                .change(
                        article.id(),
                        node -> nodes.stampTranslation(node, "en", true, Instant.now(), "editor-account"));
    }

    /** A view by one reader: its own user agent and its own forwarded address. */
    private int beacon(Article article, String userAgent) throws Exception {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(host.uri("/.news/views"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("User-Agent", userAgent)
                        .header(
                                "X-Forwarded-For",
                                "10.20." + (userAgent.hashCode() >>> 24) + "." + (userAgent.hashCode() & 0xFF))
                        .POST(HttpRequest.BodyPublishers.ofString("id=" + article.id()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(204, r.statusCode(), r.body());
        return 1;
    }

    private long storedTotal(String id) throws RepositoryException {
        Session stats = host.adminSession("news-stats");
        try {
            return stats.getNode("/views/" + id.substring(0, 2) + "/" + id)
                    .getProperty("total")
                    .getLong();
        } finally {
            stats.logout();
        }
    }

    private static int openContextSessions() {
        return info.magnolia.context.ModelProbe.openSessions();
    }

    private HttpResponse<String> get(String path) {
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(host.uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(host.uri(path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("Timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }
}
