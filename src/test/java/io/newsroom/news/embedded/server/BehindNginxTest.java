package io.newsroom.news.embedded.server;

import static org.junit.jupiter.api.Assertions.*;

import io.newsroom.news.Beacons;
import io.newsroom.news.Eventually;
import io.newsroom.news.Nginx;
import io.newsroom.news.embedded.server.NewsServerProcessTest.Child;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The view counter behind a real nginx with its default {@code Host} ({@code $proxy_host}: the
 * backend's own address), as Apache's {@code ProxyPreserveHost Off} does too: the readers' pages come
 * from the site's public address, the beacon reaches the server as {@code 127.0.0.1:<port>}.
 */
class BehindNginxTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern ID = Pattern.compile("\"@id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern VIEWS = Pattern.compile("\"views\"\\s*:\\s*\"(\\d+)\"");

    @TempDir
    Path folder;

    @Test
    void beaconsFromTheSitesPagesCountWhateverHostTheProxyPassesAndOthersAreReported() throws Exception {
        try (Child server = Child.start(
                "--memory",
                "--port",
                "0",
                "--base-url",
                "https://tin.example.vn",
                "--trusted-proxies",
                "127.0.0.1,::1")) {
            String backend = server.awaitUrl();
            String proxyTo = backend.replace("localhost", "127.0.0.1");
            try (Nginx nginx = Nginx.start(folder, 2, """
                    server {
                      listen 127.0.0.1:%%PORT0%%;
                      location / {
                        proxy_pass %s;
                        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                      }
                    }
                    server {
                      listen 127.0.0.1:%%PORT1%%;
                      location / {
                        proxy_pass %s;
                        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                        proxy_set_header X-Forwarded-Host $http_host;
                      }
                    }
                    """.formatted(proxyTo, proxyTo))) {
                String id = first(ID, get(nginx.url(0) + "/.rest/delivery/news?limit=1"));
                long before = views(nginx.url(0));

                for (int i = 0; i < 5; i++) {
                    assertEquals(204, beacon(nginx.url(0), id, "https://tin.example.vn", "203.0.113." + (10 + i)));
                }
                Eventually.await(
                        () -> views(nginx.url(0)) == before + 5,
                        "the five beacons from the site's public address counted through nginx");

                // No base URL for this address, but nginx (trusted) says which host the reader asked for.
                for (int i = 0; i < 3; i++) {
                    assertEquals(204, beacon(nginx.url(1), id, nginx.url(1), "203.0.113." + (20 + i)));
                }
                Eventually.await(() -> views(nginx.url(0)) == before + 8, "counted through X-Forwarded-Host");

                assertEquals(
                        204,
                        beacon(nginx.url(0), id, "https://other-site.example", "203.0.113.99"),
                        "another site's page gets the same answer (nothing to learn from it)");
                assertTrue(
                        server.awaitLine("sent by pages of another site (https://other-site.example)"),
                        "and the refusal is in the log for the operator: " + server.output());
                assertEquals(before + 8, views(nginx.url(0)), "but is not counted");
            }
        }
    }

    @Test
    void aReaderCannotChooseItsOwnAddressWithAForwardedHeaderNginxPassesOn() throws Exception {
        // nginx connects from 127.0.0.2 (the one trusted proxy); readers come from 127.0.0.1, untrusted.
        try (Child server = Child.start("--memory", "--port", "0", "--trusted-proxies", "127.0.0.2")) {
            String backend = server.awaitUrl().replace("localhost", "127.0.0.1");
            try (Nginx nginx = Nginx.start(folder, 1, """
                    server {
                      listen 127.0.0.1:%%PORT0%%;
                      location / {
                        proxy_pass %s;
                        proxy_bind 127.0.0.2;
                        proxy_set_header Host $host;
                        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                      }
                    }
                    """.formatted(backend))) {
                String site = nginx.url(0);
                String id = first(ID, get(site + "/.rest/delivery/news?limit=1"));
                long before = views(site);
                for (int i = 0; i < 5; i++) {
                    // Each beacon claims another reader in both headers; nginx passes Forwarded on untouched and
                    // appends the real address to X-Forwarded-For.
                    assertEquals(
                            204,
                            Beacons.send(
                                    URI.create(site + "/.news/views"),
                                    id,
                                    "198.51.100." + i,
                                    null,
                                    "Forwarded",
                                    "for=203.0.113." + i));
                }
                // Every beacon was answered after its decision: the count is final, counted ones included.
                assertEquals(before + 1, views(site), "one reader (the real address nginx appended), one view");
            }
        }
    }

    private static int beacon(String site, String id, String origin, String reader) throws Exception {
        return Beacons.send(URI.create(site + "/.news/views"), id, reader, origin);
    }

    private static long views(String site) throws Exception {
        return Long.parseLong(first(VIEWS, get(site + "/.rest/delivery/news?limit=1")));
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> response =
                HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), url + ": " + response.body());
        return response.body();
    }

    private static String first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertTrue(m.find(), pattern + " in " + text);
        return m.group(1);
    }
}
