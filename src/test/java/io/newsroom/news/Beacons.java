package io.newsroom.news;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A reader's browser sending the article page's view beacon, as the page's script does; for tests. */
public final class Beacons {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0 Safari/537.36";

    private Beacons() {}

    /**
     * POSTs {@code id=<articleId>} to {@code endpoint} for the reader at {@code readerAddress} (in
     * {@code X-Forwarded-For}, as a proxy in front passes it), from a page at {@code origin} (null: no
     * {@code Origin}), with any further header name/value pairs; the status answered.
     */
    public static int send(URI endpoint, String articleId, String readerAddress, String origin, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", readerAddress)
                .header("User-Agent", BROWSER)
                .POST(HttpRequest.BodyPublishers.ofString("id=" + articleId));
        if (origin != null) {
            request.header("Origin", origin);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
