package io.newsroom.news.views;

import static io.newsroom.news.TestArticles.draft;
import static org.junit.jupiter.api.Assertions.*;

import io.newsroom.news.TestArticles;
import io.newsroom.news.article.Article;
import io.newsroom.news.embedded.server.NewsRuntime;
import io.newsroom.news.embedded.server.RuntimeConfig;
import io.newsroom.news.embedded.server.SiteServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The counting endpoint over real HTTP on Jetty: every status it answers. */
class ViewBeaconEndpointTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String BROWSER =
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36";
    private static NewsRuntime runtime;
    private static SiteServer server;
    private static Article article;

    @BeforeAll
    static void start() throws Exception {
        // Every test client comes through the loopback "proxy" and is told apart by X-Forwarded-For.
        runtime = NewsRuntime.start(RuntimeConfig.forTests()
                .withCounting(true, 10)
                .withTrustedProxies(TrustedProxies.parse("127.0.0.1, ::1")));
        article = runtime.articles().create(draft("Tin được đếm", Instant.now().minusSeconds(3600)), "t");
        server = SiteServer.start(runtime, 0);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        runtime.close();
    }

    /** Each test client its own address, made from its user agent. */
    private static String addressOf(String userAgent) {
        int h = userAgent.hashCode();
        return "10." + ((h >>> 16) & 0xFF) + "." + ((h >>> 8) & 0xFF) + "." + (h & 0xFF);
    }

    private static HttpResponse<String> post(String body, String userAgent, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + ViewBeaconServlet.PATH))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("User-Agent", userAgent)
                .header("X-Forwarded-For", addressOf(userAgent))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answersEveryCaseWithItsStatus() throws Exception {
        long before = runtime.viewCounter().views(article.id());
        assertEquals(204, post("id=" + article.id(), BROWSER + " a").statusCode());
        assertEquals(before + 1, runtime.viewCounter().views(article.id()));
        assertEquals(
                204,
                post("{\"id\":\"" + article.id() + "\"}", BROWSER + " json").statusCode(),
                "JSON bodies too");
        assertEquals(before + 2, runtime.viewCounter().views(article.id()));

        assertEquals(204, post("id=" + article.id(), BROWSER + " a").statusCode(), "a repeat: 204, not counted");
        assertEquals(
                204,
                post("id=" + article.id(), "Googlebot/2.1 (+http://www.google.com/bot.html)")
                        .statusCode());
        assertEquals(
                204,
                post("id=" + article.id(), BROWSER + " b", ViewBeaconServlet.PREVIEW_HEADER, "1")
                        .statusCode());
        assertEquals(
                204, post("id=" + article.id() + "&preview=1", BROWSER + " c").statusCode());
        assertEquals(before + 2, runtime.viewCounter().views(article.id()));

        HttpResponse<String> unknown = post("id=" + UUID.randomUUID(), BROWSER + " d");
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("notFound"));
        assertEquals(400, post("nothing=here", BROWSER + " e").statusCode());
        assertEquals(
                413,
                post("id=" + article.id() + "&pad=" + "x".repeat(1100), BROWSER + " f")
                        .statusCode());

        HttpResponse<String> get = HTTP.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + ViewBeaconServlet.PATH))
                        .header("User-Agent", BROWSER)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, get.statusCode());
        assertEquals("POST", get.headers().firstValue("Allow").orElse(""));
        assertEquals(before + 2, runtime.viewCounter().views(article.id()), "nothing refused was counted");
    }

    @Test
    void oneClientSendingTooMuchGets429() throws Exception {
        // The limit counts per clock minute; a burst that straddles a minute is tried again.
        for (int attempt = 0; attempt < 3; attempt++) {
            long minute = Instant.now().getEpochSecond() / 60;
            String client = BROWSER + " flood " + attempt;
            int limited = 0;
            for (int i = 0; i < 12; i++) {
                int status = post("id=" + article.id(), client).statusCode();
                assertTrue(status == 204 || status == 429, "status " + status);
                if (status == 429) {
                    limited++;
                }
            }
            if (minute == Instant.now().getEpochSecond() / 60) {
                assertEquals(2, limited, "10 per minute are allowed");
                return;
            }
        }
        fail("three bursts in a row straddled a minute");
    }

    @Test
    void beaconsFromAnotherSitesPagesAreAnsweredButNotCounted() throws Exception {
        Article other = runtime.articles()
                .create(TestArticles.draft("Tin khác trang", Instant.now().minusSeconds(60)), "t");
        long before = runtime.viewCounter().stats().crossSite();
        assertEquals(
                204,
                post("id=" + other.id(), BROWSER + " x1", "Origin", "https://evil.example.com")
                        .statusCode());
        assertEquals(
                204,
                post("id=" + other.id(), BROWSER + " x2", "Referer", "https://evil.example.com/page.html")
                        .statusCode());
        assertEquals(
                204, post("id=" + other.id(), BROWSER + " x3", "Origin", "null").statusCode());
        assertEquals(before + 3, runtime.viewCounter().stats().crossSite());
        assertEquals(0, runtime.viewCounter().views(other.id()));
        assertEquals(
                204,
                post("id=" + other.id(), BROWSER + " x4", "Origin", server.baseUrl())
                        .statusCode());
        assertEquals(1, runtime.viewCounter().views(other.id()), "the site's own pages count");
    }
}
