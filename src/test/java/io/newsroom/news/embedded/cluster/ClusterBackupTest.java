package io.newsroom.news.embedded.cluster;

import static io.newsroom.news.TestArticles.draft;
import static org.junit.jupiter.api.Assertions.*;

import io.newsroom.news.article.Article;
import io.newsroom.news.article.ArticleDraft;
import io.newsroom.news.embedded.server.NewsRuntime;
import io.newsroom.news.embedded.server.NewsServer;
import io.newsroom.news.embedded.server.RuntimeConfig;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two ways the README gives to back up a cluster, done while a node runs: {@code pg_dump} of
 * the database restored into an empty one, where a node on a new data folder has everything; and
 * {@code --export} through a short-lived extra node, whose files hold the articles.
 */
class ClusterBackupTest {
    @TempDir
    Path folders;

    @Test
    void aDumpOfTheRunningClusterRestoredElsewhereHasEverythingAndAnExtraNodeExportsIt() throws Exception {
        try (ClusterDatabase database = ClusterDatabase.create()) {
            ClusterDatabase restored = database.sibling();
            Article article;
            long views;
            try (NewsRuntime a = node(database, "a")) {
                ArticleDraft featured =
                        draft("Tin trước khi sao lưu", Instant.now().minusSeconds(60));
                featured.setFeatured(true);
                featured.setFeaturedRank(1L);
                article = a.articles().create(featured, "nam");
                a.publishing().publish(article.id(), "nam", "bản đầu"); // a kept version too
                for (int i = 0; i < 7; i++) {
                    a.viewCounter().record(article.id(), Instant.now());
                }
                a.viewCounter().flush();
                views = a.viewCounter().views(article.id());
                assertEquals(7, views);

                Path dump = folders.resolve("cluster.dump");
                run("pg_dump", "-h", "127.0.0.1", "-U", database.user, "-Fc", "-f", dump.toString(), database.name);
                run("pg_restore", "-h", "127.0.0.1", "-U", database.user, "-d", restored.name, dump.toString());

                Path exported = folders.resolve("export");
                run(
                        java(),
                        "-cp",
                        classpath(),
                        NewsServer.class.getName(),
                        "--cluster-db",
                        database.url(),
                        "--cluster-db-user",
                        database.user,
                        "--data",
                        folders.resolve("export-node").toString(),
                        "--export",
                        exported.toString());
                try (Stream<Path> files = Files.walk(exported)) {
                    assertTrue(
                            files.filter(Files::isRegularFile).anyMatch(f -> contains(f, "Tin trước khi sao lưu")),
                            "the extra node exported the article");
                }
                assertTrue(
                        Files.list(exported)
                                .anyMatch(f -> f.getFileName().toString().startsWith("mgnlVersion.")),
                        "and its version");
            }
            try (NewsRuntime r = node(restored, "restored")) {
                Article back = r.articles()
                        .findById(article.id())
                        .orElseThrow(() -> new AssertionError("the article is in the restored database"));
                assertEquals("Tin trước khi sao lưu", back.title());
                assertEquals(views, r.viewCounter().views(article.id()), "with its views");
                assertTrue(
                        r.newsFunctions().featured(5).stream()
                                .anyMatch(v -> v.getId().equals(article.id())),
                        "and featured");
                assertEquals(
                        1,
                        r.publishing()
                                .versions()
                                .orElseThrow()
                                .history(article.id())
                                .size(),
                        "and its kept version");
            } finally {
                restored.close();
            }
        }
    }

    private NewsRuntime node(ClusterDatabase database, String id) throws Exception {
        return NewsRuntime.start(RuntimeConfig.forTests()
                .withDataFolder(folders.resolve(id))
                .withCounting(true, 0)
                .withCluster(database.settings(id)));
    }

    private static boolean contains(Path file, String text) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String classpath() throws IOException {
        return Path.of("target", "classes").toAbsolutePath()
                + File.pathSeparator
                + Files.readString(Path.of("target", "runtime-classpath.txt")).strip();
    }

    private static void run(String... command) throws Exception {
        Process process =
                new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), command[0] + " finished");
        assertEquals(0, process.exitValue(), String.join(" ", command) + " failed:\n" + output);
    }
}
