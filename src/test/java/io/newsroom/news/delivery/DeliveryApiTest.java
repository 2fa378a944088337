package io.newsroom.news.delivery;

import static io.newsroom.news.TestArticles.draft;
import static io.newsroom.news.TestArticles.hanoi;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsroom.news.article.Article;
import io.newsroom.news.article.ArticleDraft;
import io.newsroom.news.embedded.server.NewsRuntime;
import io.newsroom.news.embedded.server.RuntimeConfig;
import io.newsroom.news.embedded.server.SiteServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JSON API over real HTTP on Jetty, against Magnolia's documented delivery shape. */
class DeliveryApiTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static NewsRuntime runtime;
    private static SiteServer server;
    private static Article featuredOne;

    @BeforeAll
    static void start() throws Exception {
        runtime = NewsRuntime.start(RuntimeConfig.forTests());
        for (int i = 1; i <= 14; i++) {
            ArticleDraft d = draft("Bản tin số " + i, hanoi(2025, 1 + (i % 12), 10, 9, 30));
            d.setCategory(i % 2 == 0 ? "Thông báo" : "Tin hoạt động");
            d.setFeatured(i <= 3);
            d.setFeaturedRank(i <= 3 ? (long) (10 - i) : null);
            d.setLead("Tóm tắt của bản tin số " + i);
            Article a = runtime.articles().create(d, "t");
            if (i == 1) {
                featuredOne = a;
            }
        }
        server = SiteServer.start(runtime, 0);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        runtime.close();
    }

    static HttpResponse<String> get(String pathAndQuery, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + pathAndQuery));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        return JSON.readTree(response.body());
    }

    @Test
    void oversizedQueriesAndOddPathsAreRefusedWithAMessageNotA500() throws Exception {
        StringBuilder many = new StringBuilder("category[in]=");
        for (int i = 0; i < 600; i++) {
            many.append(i == 0 ? "" : ",").append("c").append(i);
        }
        HttpResponse<String> values = get("/.rest/delivery/news?" + many);
        assertEquals(400, values.statusCode(), values.body());
        assertEquals("invalidQuery", json(values).get("error").get("code").asText());
        assertTrue(json(values).get("error").get("message").asText().contains("100"));

        String words = String.join("+", Collections.nCopies(1100, "tin"));
        HttpResponse<String> text = get("/.rest/delivery/news?q=" + words, "Accept-Language", "en");
        assertEquals(400, text.statusCode(), text.body());
        assertTrue(json(text).get("error").get("message").asText().contains("32 words"), text.body());

        for (String path : List.of("/a%20", "/%20a", "/2025/01/%20")) {
            assertEquals(404, get("/.rest/delivery/news" + path).statusCode(), path);
        }
        HttpResponse<String> tab = get("/.rest/delivery/news/a%09");
        assertEquals(400, tab.statusCode(), "Jetty refuses a control character in a path");
        assertEquals("badRequest", json(tab).get("error").get("code").asText(), "in the API's JSON, not Jetty's page");
        assertEquals(404, get("/news/article.html?article=/a%20").statusCode());
    }

    @Test
    void anonymousReadersGetWhatTheSiteShowsAndNoAccountNames() throws Exception {
        Article scheduled =
                runtime.articles().create(draft("Bản tin hẹn giờ", Instant.now().plusSeconds(3600)), "t");
        try {
            for (String base : List.of(DeliveryApiServlet.PATH, DeliveryApiServlet.MODULE_PATH)) {
                String all = get(base + "?limit=100").body();
                assertFalse(all.contains(scheduled.id()), base + ": a scheduled article is not public yet");
                assertTrue(all.contains(featuredOne.id()), base);
                assertFalse(
                        all.contains("mgnl:createdBy") || all.contains("mgnl:lastModifiedBy") || all.contains("\"t\""),
                        base + ": account names stay private");
                assertEquals(404, get(base + scheduled.path()).statusCode());
                assertEquals(404, get(base + "/" + scheduled.id()).statusCode());
                assertEquals(200, get(base + featuredOne.path()).statusCode());
            }
        } finally {
            runtime.articles().delete(scheduled.id());
        }
    }

    @Test
    void queryReturnsResultsInMagnoliasShape() throws Exception {
        HttpResponse<String> response = get("/.rest/delivery/news");
        assertEquals(200, response.statusCode());
        JsonNode results = json(response).get("results");
        assertEquals(10, results.size(), "default limit is 10 as in Magnolia");
        JsonNode node = results.get(0);
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("@name", "@path", "@id", "@nodeType"), keys.subList(0, 4));
        assertEquals("@nodes", keys.get(keys.size() - 1));
        assertEquals("news:article", node.get("@nodeType").asText());
        assertTrue(node.get("@nodes").isArray());
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getKey().equals("@nodes")) {
                assertTrue(field.getValue().isTextual(), field.getKey() + " must be a JSON string");
            }
        }
        assertTrue(
                node.get("postedDate").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+07:00"),
                node.get("postedDate").asText());
        assertTrue(node.get("featured").asText().matches("true|false"));
        assertTrue(node.has("mgnl:created") && node.has("mgnl:lastModified"));
    }

    @Test
    void limitOffsetOrderByAndFilters() throws Exception {
        JsonNode page = json(get("/.rest/delivery/news?limit=3&offset=0&orderBy=title%20asc"));
        assertEquals(List.of("Bản tin số 1", "Bản tin số 10", "Bản tin số 11"), titles(page));
        JsonNode next = json(get("/.rest/delivery/news?limit=3&offset=3&orderBy=title%20asc"));
        assertEquals(List.of("Bản tin số 12", "Bản tin số 13", "Bản tin số 14"), titles(next));

        JsonNode featured = json(get("/.rest/delivery/news?featured=true&orderBy=featuredRank"));
        assertEquals(List.of("Bản tin số 3", "Bản tin số 2", "Bản tin số 1"), titles(featured));
        assertEquals("7", featured.get("results").get(0).get("featuredRank").asText());

        JsonNode category = json(get("/.rest/delivery/news?limit=100&category=Th%C3%B4ng%20b%C3%A1o"));
        assertEquals(7, category.get("results").size());
        JsonNode notCategory = json(get("/.rest/delivery/news?limit=100&category[ne]=Th%C3%B4ng%20b%C3%A1o"));
        assertEquals(7, notCategory.get("results").size());
        JsonNode range = json(get("/.rest/delivery/news?limit=100&postedDate[in]=2025-02-01~2025-03-31"));
        assertEquals(4, range.get("results").size(), "numbers 1, 2, 13, 14");
        JsonNode after = json(get("/.rest/delivery/news?limit=100&postedDate[gte]=2025-12-01T00:00:00.000%2B07:00"));
        assertEquals(1, after.get("results").size());
        JsonNode in = json(get("/.rest/delivery/news?limit=100&featuredRank[in]=7,9"));
        assertEquals(2, in.get("results").size());
        JsonNode like = json(get("/.rest/delivery/news?limit=100&title[like]=%25s%E1%BB%91%201%25"));
        assertEquals(6, like.get("results").size(), "1, 10..14");
        JsonNode runs = json(get("/.rest/delivery/news?limit=100&title[like]=%25%25%25%25s%E1%BB%91%201%25%25%25"));
        assertEquals(6, runs.get("results").size(), "runs of % are one");
        JsonNode ancestor = json(get("/.rest/delivery/news?limit=100&@ancestor=/2025/02"));
        assertEquals(2, ancestor.get("results").size());
        JsonNode byName = json(get("/.rest/delivery/news?@name=" + featuredOne.name()));
        assertEquals(List.of("Bản tin số 1"), titles(byName));
        JsonNode q = json(get("/.rest/delivery/news?q=t%C3%B3m%20t%E1%BA%AFt%2014"));
        assertEquals(List.of("Bản tin số 14"), titles(q));
    }

    @Test
    void aLikePatternWhoseMatchingCostExplodesIsRefusedAtOnce() throws Exception {
        // Each %_ pair made Jackrabbit's matching about seven times slower (seconds at six, minutes at hundreds).
        String attack = "%25_".repeat(500) + "%23";
        HttpResponse<String> refused = get("/.rest/delivery/news?title[like]=" + attack, "Accept-Language", "en");
        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals("patternTooComplex", json(refused).get("error").get("code").asText());
        assertTrue(refused.body().contains("wildcards"), refused.body());
        assertEquals(
                400, get("/.rest/delivery/news?title[like]=%25_%25_%25_%25").statusCode(), "five wildcards");
        assertEquals(200, get("/.rest/delivery/news?title[like]=%25_%25_").statusCode(), "four are fine");
    }

    @Test
    void readsOneArticleByPathOrId() throws Exception {
        JsonNode byPath = json(get("/.rest/delivery/news" + featuredOne.path()));
        assertEquals(featuredOne.id(), byPath.get("@id").asText());
        assertEquals(featuredOne.name(), byPath.get("@name").asText());
        assertEquals("Bản tin số 1", byPath.get("title").asText());
        JsonNode byId = json(get("/.rest/delivery/news/" + featuredOne.id()));
        assertEquals(featuredOne.path(), byId.get("@path").asText());
    }

    @Test
    void badParametersAre400WithALocalizedMessage() throws Exception {
        for (String bad : List.of(
                "limit=abc",
                "limit=0",
                "limit=101",
                "offset=-1",
                "orderBy=nope",
                "orderBy=title%20sideways",
                "orderBy=@name",
                "featured=maybe",
                "featuredRank=seven",
                "postedDate=yesterday",
                "nope=1",
                "title[contains]=x",
                "@ancestor=relative",
                "postedDate[in]=2020-01-01~",
                "limit=1&limit=2",
                "title%5D%20%7C%20//*%5B@x=1")) {
            HttpResponse<String> response = get("/.rest/delivery/news?" + bad, "Accept-Language", "en");
            assertEquals(400, response.statusCode(), bad + " -> " + response.body());
            JsonNode error = json(response).get("error");
            assertTrue(error.get("code").asText().matches("invalidQuery|invalidValueFormat"), bad);
            assertFalse(error.get("message").asText().isBlank());
            assertFalse(response.body().contains("Exception"), response.body());
        }
        JsonNode vi = json(get("/.rest/delivery/news?limit=abc")).get("error");
        assertTrue(vi.get("message").asText().contains("phải là số nguyên"), vi.toString());
        JsonNode en = json(get("/.rest/delivery/news?limit=abc&lang=en")).get("error");
        assertTrue(en.get("message").asText().contains("must be a whole number"), en.toString());
    }

    @Test
    void unknownItemsAre404AndOtherMethods405() throws Exception {
        for (String missing :
                List.of("/2025/01/nope", "/00000000-0000-0000-0000-000000000000", "/2025%5B1%5D", "/2025", "/%27%5D")) {
            HttpResponse<String> response = get("/.rest/delivery/news" + missing);
            assertEquals(404, response.statusCode(), missing + " -> " + response.body());
            assertEquals("pathNotFound", json(response).get("error").get("code").asText());
        }
        // Jetty itself turns away paths that climb out of the context, before any servlet.
        int climbing = get("/.rest/delivery/news/../../../etc/passwd").statusCode();
        assertTrue(climbing == 400 || climbing == 404, "status " + climbing);
        HttpResponse<String> post = HTTP.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/.rest/delivery/news"))
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode());
        assertEquals("methodNotAllowed", json(post).get("error").get("code").asText());
    }

    private static List<String> titles(JsonNode page) {
        List<String> titles = new ArrayList<>();
        page.get("results").forEach(r -> titles.add(r.get("title").asText()));
        return titles;
    }
}
