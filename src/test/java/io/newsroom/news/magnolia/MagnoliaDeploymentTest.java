package io.newsroom.news.magnolia;

import static org.junit.jupiter.api.Assertions.*;

import io.newsroom.news.Beacons;
import io.newsroom.news.Eventually;
import io.newsroom.news.embedded.cluster.ClusterDatabase;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Magnolia as it is deployed (magnolia-facts.md, "How Magnolia is deployed"): an author instance where
 * editors work and two public instances readers hit, each a webapp of its own (class loader, repository,
 * journal folder), publishing from the author to the publics, and {@code news-stats} mapped in every
 * instance's {@code repositories.xml} to one clustered repository on the machine's PostgreSQL, as the
 * README's install guide sets it up.
 */
class MagnoliaDeploymentTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path home;

    private MagnoliaWebapp instance(String name, boolean author, ClusterDatabase db) throws Exception {
        MagnoliaWebapp webapp = MagnoliaWebapp.start(
                name,
                home.resolve(name),
                author,
                MagnoliaRuntimeContractTest.shippedSiteI18n(),
                // Readers come through the loopback proxy, told apart by X-Forwarded-For.
                Map.of("newsroom.news.trustedProxies", "127.0.0.1,::1"),
                db.url(),
                db.user);
        webapp.call("createDemoPages");
        return webapp;
    }

    /** Publishing as Magnolia does it: the node travels to every public, then the author marks it activated. */
    private static void publish(MagnoliaWebapp author, String id, MagnoliaWebapp... publics) throws Exception {
        String[] exported = (String[]) author.call("exportForPublishing", id);
        for (MagnoliaWebapp target : publics) {
            target.call("receivePublished", exported[0], exported[1]);
        }
        author.call("markActivated", id, "editor-account", true);
    }

    private static void unpublish(MagnoliaWebapp author, String id, MagnoliaWebapp... publics) throws Exception {
        for (MagnoliaWebapp target : publics) {
            target.call("removePublished", id);
        }
        author.call("markActivated", id, "editor-account", false);
    }

    @Test
    void readersViewsOnThePublicsReachTheAuthorAndPublishingDecidesWhatThePublicsShow() throws Exception {
        try (ClusterDatabase db = ClusterDatabase.create()) {
            // [0] the author, [1] and [2] the publics; an instance restarted takes its place.
            MagnoliaWebapp[] site = {
                instance("author", true, db), instance("public1", false, db), instance("public2", false, db)
            };
            try {
                MagnoliaWebapp author = site[0];
                // Three articles made in the author's News app, published with each status they may arrive with.
                String absent = (String) author.call("createInContentApp", "tin-chua-co-trang-thai", "Tin A", null);
                String activated = (String) author.call("createInContentApp", "tin-da-kich-hoat", "Tin B", true);
                String notYet = (String) author.call("createInContentApp", "tin-trang-thai-false", "Tin C", false);
                author.call("createInContentApp", "ban-nhap", "Bản nháp D", false);
                String page = "/news" + ((String[]) author.call("exportForPublishing", absent))[0]
                        + "/tin-chua-co-trang-thai.html";
                for (String id : List.of(absent, activated, notYet)) {
                    publish(author, id, site[1], site[2]);
                }

                for (MagnoliaWebapp reader : List.of(site[1], site[2])) {
                    String home = get(reader, "/").body();
                    for (String title : List.of("Tin A", "Tin B", "Tin C")) {
                        assertTrue(home.contains(title), reader.name + " shows what arrived by publishing: " + title);
                    }
                    assertFalse(home.contains("Bản nháp D"), reader.name + " never received the draft");
                }
                assertTrue(get(author, "/").body().contains("Bản nháp D"), "the author previews drafts to editors");

                // Views on both publics, seen on the author.
                long started = System.nanoTime();
                for (int i = 0; i < 6; i++) {
                    assertEquals(204, beacon(site[1], absent, "198.51.100." + i));
                }
                for (int i = 0; i < 4; i++) {
                    assertEquals(204, beacon(site[2], absent, "198.51.100." + (50 + i)));
                }
                Eventually.await(
                        () -> Long.valueOf(10).equals(site[0].call("viewsColumn", absent)),
                        "the author's Views column shows the publics' views");
                Eventually.await(
                        () -> ((List<?>) site[0].call("mostRead", 1, 5)).contains(absent),
                        "the author's most read lists it");
                System.out.printf(
                        "views on two publics seen on the author's Views column and most read after %d ms%n",
                        (System.nanoTime() - started) / 1_000_000);
                Eventually.await(
                        () -> Long.valueOf(10).equals(site[1].call("viewsColumn", absent))
                                && Long.valueOf(10).equals(site[2].call("viewsColumn", absent)),
                        "and every public shows the total");

                // Through a filter chain reset, and a restart of each instance.
                site[1].call("resetFilterChain");
                assertEquals(204, beacon(site[1], absent, "198.51.100.99"));
                for (int i = 0; i < site.length; i++) {
                    site[i].close();
                    site[i] = instance(site[i].name, i == 0, db);
                }
                assertEquals(204, beacon(site[2], absent, "198.51.100.98"));
                Eventually.await(
                        () -> Long.valueOf(12).equals(site[0].call("viewsColumn", absent)),
                        "the restarted author sees every view, counted across a chain reset and restarts");

                // Unpublished: gone from the publics, and no longer counted there.
                assertTrue(get(site[1], page).body().contains("news-article__title\">Tin A<"), page);
                unpublish(site[0], absent, site[1], site[2]);
                assertFalse(get(site[1], page).body().contains("news-article__title\">Tin A<"), "unpublished: gone");
                assertEquals(404, beacon(site[1], absent, "198.51.100.97"), "a beacon for an unpublished article");
                assertFalse(get(site[2], "/").body().contains("Tin A"));
            } finally {
                for (MagnoliaWebapp instance : site) {
                    instance.close();
                }
            }
        }
    }

    private static int beacon(MagnoliaWebapp site, String id, String reader) throws Exception {
        return Beacons.send(site.uri("/.news/views"), id, reader, null);
    }

    private static HttpResponse<String> get(MagnoliaWebapp site, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(site.uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
