package io.newsroom.news.embedded.server;

import static io.newsroom.news.TestArticles.draft;
import static org.junit.jupiter.api.Assertions.*;

import io.newsroom.news.article.Article;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What an attacker sees of the running site, over raw HTTP (so the Host header and methods are the
 * attacker's to choose): headers on every kind of address, no echo of TRACE, no server version, the
 * site's own error pages, absolute links from the configured base URL, the admin cookie's flags.
 */
class HardeningTest {
    private static TestSite site;
    private static NewsRuntime runtime;
    private static SiteServer server;
    private static Article article;

    @BeforeAll
    static void start() throws Exception {
        site = TestSite.start(RuntimeConfig.forTests().withBaseUrl(URI.create("https://tin.example.vn")));
        runtime = site.runtime;
        article = runtime.articles().create(draft("Tin an toàn", Instant.now().minusSeconds(60)), "t");
        server = site.serve();
    }

    @AfterAll
    static void stop() throws Exception {
        site.close();
    }

    @Test
    void everyKindOfAddressCarriesTheSecurityHeadersAndNoServerVersion() throws Exception {
        for (String path : new String[] {
            "/",
            "/news" + article.path() + ".html",
            "/.resources/news/webresources/css/news.css",
            "/.rest/delivery/news",
            "/dam/jcr:00000000-0000-0000-0000-000000000000/x.png",
            "/no/such/page"
        }) {
            String response = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            String head = head(response);
            assertTrue(head.contains("X-Content-Type-Options: nosniff"), path + "\n" + head);
            assertTrue(head.contains("Referrer-Policy: strict-origin-when-cross-origin"), path);
            assertTrue(head.contains("Strict-Transport-Security: max-age=31536000"), path + ": the base URL is https");
            assertTrue(head.contains("Content-Security-Policy: default-src 'self'; script-src 'self'"), path);
            assertFalse(head.toLowerCase().contains("server:"), path + ": no Server header\n" + head);
            assertFalse(response.contains("Jetty") || response.contains("jetty"), path + ": no Jetty page");
        }
        String admin = head(raw("GET /admin/ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
        assertTrue(admin.contains("Content-Security-Policy: frame-ancestors 'none'"), admin);
        assertTrue(admin.contains("X-Frame-Options: DENY"), admin);
        assertTrue(
                admin.matches("(?s).*Set-Cookie: JSESSIONID=[^\r]*; Path=/admin;[^\r]*Secure[^\r]*\r.*")
                        && admin.contains("SameSite=Lax"),
                "https base URL: Secure and SameSite=Lax\n" + admin);
    }

    @Test
    void traceAndOtherMethodsAreRefusedWithoutEchoingTheRequest() throws Exception {
        for (String path :
                new String[] {"/.resources/news/webresources/css/news.css", "/dam/jcr:x/y.png", "/", "/admin/"}) {
            String response = raw("TRACE " + path
                    + " HTTP/1.1\r\nHost: localhost\r\nCookie: secret=s3cr3t\r\nConnection: close\r\n\r\n");
            assertTrue(response.startsWith("HTTP/1.1 405"), path + "\n" + response);
            assertFalse(response.contains("s3cr3t"), path + ": the request is not echoed");
        }
        String badUri = raw("GET /%% HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertTrue(
                badUri.startsWith("HTTP/1.1 400") && badUri.contains("news-error__title"),
                "a bad address gets the site's page:\n" + badUri);
        String put = raw(
                "PUT /dam/jcr:x/y.png HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        assertTrue(put.startsWith("HTTP/1.1 405"), put);
        assertTrue(put.contains("Allow: GET, HEAD"));
        assertTrue(put.contains("news-error__title"), "the site's own error page:\n" + put);
    }

    @Test
    void absoluteLinksFollowTheBaseUrlNotTheHostHeader() throws Exception {
        String page = raw(
                "GET /news" + article.path() + ".html HTTP/1.1\r\nHost: evil.example.com\r\nConnection: close\r\n\r\n");
        assertTrue(
                page.contains(
                        "<link rel=\"canonical\" href=\"https://tin.example.vn/news" + article.path() + ".html\">"),
                page);
        assertFalse(page.contains("evil.example.com"), "nothing of the Host header is printed");
        String feed = raw("GET /news/feed.xml HTTP/1.1\r\nHost: evil.example.com\r\nConnection: close\r\n\r\n");
        assertTrue(feed.contains("https://tin.example.vn/"), feed);
        assertFalse(feed.contains("evil.example.com"), feed);
    }

    @Test
    void unreadableAddressesAreTheClientsMistakeNeverAServerError() throws Exception {
        for (String target : new String[] {
            "/?%",
            "/news?page=%",
            "/?q=%FF%FE",
            "/en/?%",
            "/news/thong-bao?%",
            "/news" + article.path() + ".html?x=%zz",
            "/.rest/delivery/news?limit=%",
            "/admin/?v-r=init&location=//evil.example",
            "/admin/?query=%25zz%"
        }) {
            String response = raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertTrue(response.startsWith("HTTP/1.1 400"), target + "\n" + head(response));
        }
        for (String target : new String[] {
            "/.news/delivery/news/%7B%7D", "/.rest/delivery/news/%7B%7D", "/.rest/delivery/news/%7Bx%7Dy"
        }) {
            String response = raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertTrue(response.startsWith("HTTP/1.1 404"), target + "\n" + head(response));
        }
    }

    @Test
    void aBodyOverItsLimitIsRefusedAsItArrivesNotBuffered() throws Exception {
        // 200 MB announced to the admin app (its upload address or any other): refused before it is read.
        String announced = raw(
                "POST /admin/VAADIN/dynamic/resource/0/x/upload HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: multipart/form-data; boundary=x\r\nContent-Length: 209715200\r\nConnection: close\r\n\r\n");
        assertTrue(announced.startsWith("HTTP/1.1 413"), head(announced));
        String beacon = raw("POST /.news/views HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
                + "Content-Length: 10485760\r\nConnection: close\r\n\r\n");
        assertTrue(beacon.startsWith("HTTP/1.1 413"), head(beacon));
    }

    /** One request over a plain socket, the whole response as text. */
    private static String raw(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String head(String response) {
        int end = response.indexOf("\r\n\r\n");
        return end < 0 ? response : response.substring(0, end + 2);
    }
}
