package io.newsroom.news.embedded.admin;

import static org.junit.jupiter.api.Assertions.*;

import io.newsroom.news.embedded.server.RuntimeConfig;
import io.newsroom.news.embedded.server.SiteServer;
import io.newsroom.news.embedded.server.TestSite;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** A flood of sign-in page requests keeps at most the cap of sessions of nobody signed in. */
class AnonymousSessionsTest {

    @Test
    void aFloodOfSignInPagesKeepsAtMostTheCapOfSessions() throws Exception {
        System.setProperty("newsroom.admin.maxAnonymousSessions", "40");
        try (TestSite site = TestSite.start(RuntimeConfig.forTests())) {
            SiteServer server = site.serve();
            // No cookie store: every request is a new visitor, and each gets a session.
            HttpClient client = HttpClient.newHttpClient();
            int withSession = 0;
            for (int i = 0; i < 120; i++) {
                HttpResponse<Void> page = client.send(
                        HttpRequest.newBuilder(URI.create(server.baseUrl() + "/admin/login"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                assertEquals(200, page.statusCode());
                withSession += page.headers().firstValue("Set-Cookie").isPresent() ? 1 : 0;
            }
            assertTrue(withSession > 40, "the flood made sessions: " + withSession);
            int live = server.adminSessions().count();
            assertTrue(live <= 40, "at most the cap: " + live);
        } finally {
            System.clearProperty("newsroom.admin.maxAnonymousSessions");
        }
    }
}
