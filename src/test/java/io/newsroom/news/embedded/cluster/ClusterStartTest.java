package io.newsroom.news.embedded.cluster;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsroom.news.embedded.server.NewsServerProcessTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes started at the same moment on an empty database, each in its own JVM with the README's
 * start command and the demo content on: one waits while the other creates the tables, workspaces,
 * node types and demo content, then joins. Both serve the same articles, each made once, and neither
 * logs an error.
 */
class ClusterStartTest {
    @TempDir
    Path folders;

    @Test
    void twoNodesStartedAtOnceOnAnEmptyDatabaseBothServeOneCopyOfEverything() throws Exception {
        try (ClusterDatabase database = ClusterDatabase.create()) {
            List<NewsServerProcessTest.Child> nodes = new ArrayList<>();
            try {
                for (String id : List.of("first", "second")) {
                    nodes.add(NewsServerProcessTest.Child.start(
                            "--cluster-db",
                            database.url(),
                            "--cluster-db-user",
                            database.user,
                            "--cluster-node-id",
                            id,
                            "--data",
                            folders.resolve(id).toString(),
                            "--port",
                            "0"));
                }
                List<Set<String>> titlesPerNode = new ArrayList<>();
                for (NewsServerProcessTest.Child node : nodes) {
                    String base = node.awaitUrl();
                    assertEquals(200, status(base + "/"), "the home page of " + base);
                    List<String> titles = titles(base);
                    Set<String> distinct = new HashSet<>(titles);
                    assertFalse(titles.isEmpty(), "the demo articles are there");
                    assertEquals(distinct.size(), titles.size(), "each demo article made once: " + titles);
                    titlesPerNode.add(distinct);
                }
                assertEquals(titlesPerNode.get(0), titlesPerNode.get(1), "both nodes serve the same articles");
            } finally {
                for (NewsServerProcessTest.Child node : nodes) {
                    node.close();
                }
            }
            for (NewsServerProcessTest.Child node : nodes) {
                String output = node.output();
                assertFalse(output.contains(" ERROR "), "no node logs an error:\n" + output);
                assertFalse(output.contains("could not start"), "no start had to be tried again:\n" + output);
            }
        }
    }

    private static List<String> titles(String base) throws Exception {
        String json = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base + "/.rest/delivery/news?limit=100"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        List<String> titles = new ArrayList<>();
        for (JsonNode article : new ObjectMapper().readTree(json).path("results")) {
            titles.add(article.path("title").asText());
        }
        return titles;
    }

    private static int status(String url) throws Exception {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
