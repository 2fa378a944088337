package io.newsroom.news.embedded.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsroom.news.definitions.LightModule;
import io.newsroom.news.embedded.demo.DemoContent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The standalone server renders its home page and archive in-process before its port takes
 * connections, so the first reader after a restart does not wait for class loading and template
 * compilation.
 */
class WarmStartTest {
    @Test
    void theHomePageAndTheArchiveAreRenderedBeforeThePortTakesConnections() throws Exception {
        try (NewsRuntime runtime =
                NewsRuntime.start(RuntimeConfig.forTests(), LightModule.locate(), Clock.systemUTC())) {
            DemoContent.createPages(runtime.repository());
            try (SiteServer server = SiteServer.bind(0).serve(runtime, SiteServer.WARM_UP)) {
                Map<String, String> warmed = server.warmedUp();
                assertEquals(List.of("/", "/news"), List.copyOf(warmed.keySet()));
                warmed.forEach(
                        (path, status) -> assertTrue(status.contains(" 200"), path + " warmed up with " + status));

                HttpResponse<String> home = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                assertEquals(200, home.statusCode(), "the network port serves once the warm-up is done");
            }
        }
    }

    @Test
    void withoutWarmUpPathsTheServerStartsAsBefore() throws Exception {
        try (NewsRuntime runtime =
                        NewsRuntime.start(RuntimeConfig.forTests(), LightModule.locate(), Clock.systemUTC());
                SiteServer server = SiteServer.bind(0).serve(runtime)) {
            assertTrue(server.warmedUp().isEmpty());
            assertTrue(server.port() > 0);
        }
    }
}
