package io.newsroom.news.embedded.server;

import io.newsroom.news.definitions.LightModule;
import io.newsroom.news.embedded.demo.DemoContent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * What most site tests read over HTTP: a runtime with the demo pages ({@link #start}), served on a
 * free port once the test's own content is in ({@link #serve}).
 */
public final class TestSite implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    public final NewsRuntime runtime;
    private SiteServer server;

    private TestSite(NewsRuntime runtime) {
        this.runtime = runtime;
    }

    public static TestSite start(RuntimeConfig config) throws Exception {
        return start(config, Clock.systemUTC());
    }

    public static TestSite start(RuntimeConfig config, Clock clock) throws Exception {
        NewsRuntime runtime = NewsRuntime.start(config, LightModule.locate(), clock);
        try {
            DemoContent.createPages(runtime.repository());
        } catch (Exception e) {
            runtime.close();
            throw e;
        }
        return new TestSite(runtime);
    }

    /** Starts the server; returns it for tests that need its address. */
    public SiteServer serve() throws Exception {
        server = SiteServer.start(runtime, 0);
        return server;
    }

    /** A GET of {@code path} on the served site, with optional header name/value pairs; the body as UTF-8 text. */
    HttpResponse<String> get(String path, String... headers) throws Exception {
        return HTTP.send(request(path, headers), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The served site's address of {@code path}. */
    URI uri(String path) {
        return URI.create(server.baseUrl() + path);
    }

    /** A GET of {@code path} on the served site; the body as bytes. */
    public HttpResponse<byte[]> getBytes(String path) throws Exception {
        return HTTP.send(request(path), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpRequest request(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return request.build();
    }

    @Override
    public void close() throws Exception {
        if (server != null) {
            server.close();
        }
        runtime.close();
    }
}
