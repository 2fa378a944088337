package io.newsroom.news.embedded.server;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsroom.news.embedded.admin.accounts.AdminAccounts;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real main class in its own JVM: starts, serves demo content, stops cleanly on SIGTERM,
 * starts again on the same data, and backs up and restores from the command line.
 */
public class NewsServerProcessTest {
    private static final Pattern RUNNING = Pattern.compile("running at (http://localhost:\\d+)/");

    @Test
    void startsServesStopsOnSigtermAndRestartsOnTheSameData(@TempDir Path data) throws Exception {
        int firstCount;
        try (Child first = Child.start("--data", data.toString(), "--port", "0")) {
            String base = first.awaitUrl();
            firstCount = resultCount(base);
            assertTrue(firstCount >= 10, "demo content is served, got " + firstCount);
            for (String page :
                    List.of("/", "/news", "/admin/", "/admin/editor/quill.min.js", "/admin/editor/chart.umd.min.js")) {
                HttpResponse<String> response = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(base + page)).build(),
                                HttpResponse.BodyHandlers.ofString());
                assertEquals(200, response.statusCode(), page);
            }
            assertTrue(
                    first.awaitLine("Created the admin account 'admin' with password:"),
                    "the first password is shown once");
            // The demo in English: its English versions, under the categories' English names.
            String english = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(base + "/en/news"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            assertTrue(english.contains("Ward opens a one-stop service desk on Saturdays"), english);
            assertTrue(english.contains("Announcements") && !english.contains("Thông báo"), "English category names");
            // SIGTERM through the handle: Process.destroy() would also close our end of its output.
            first.process.toHandle().destroy();
            assertTrue(first.process.waitFor(30, TimeUnit.SECONDS), "stops within 30 s");
            assertTrue(
                    first.awaitLine("stopped; repository closed"),
                    "exit " + first.process.exitValue() + ": " + first.output());
        }
        try (Child second = Child.start("--data", data.toString(), "--port", "0")) {
            String base = second.awaitUrl();
            assertEquals(firstCount, resultCount(base), "same articles, no second set of demo content");
            assertFalse(
                    second.output().contains("Created the admin account"),
                    "the password is shown on the first start only");
        }
    }

    @Test
    void exportsAndImportsFromTheCommandLine(@TempDir Path work) throws Exception {
        Path data = work.resolve("data");
        Path backup = work.resolve("backup");
        try (Child seed = Child.start("--data", data.toString(), "--port", "0")) {
            seed.awaitUrl();
            seed.process.destroy();
            // Limits below are for a loaded machine (the suite beside other work): each waits for the exit.
            assertTrue(seed.process.waitFor(180, TimeUnit.SECONDS), seed.output());
        }
        try (Child export = Child.start("--data", data.toString(), "--export", backup.toString())) {
            assertEquals(
                    0,
                    export.process.waitFor(180, TimeUnit.SECONDS) ? export.process.exitValue() : -1,
                    export.output());
        }
        assertFalse(Files.list(backup).toList().isEmpty());
        assertTrue(
                Files.list(backup).anyMatch(f -> f.getFileName().toString().startsWith("news-categories.")),
                "the demo's categories are in the backup");

        Path broken = work.resolve("broken");
        Files.createDirectories(broken);
        Files.writeString(broken.resolve("news.2026.xml"), "<sv:node");
        try (Child restore = Child.start("--memory", "--import", broken.toString())) {
            assertTrue(restore.process.waitFor(180, TimeUnit.SECONDS), restore.output());
            assertEquals(1, restore.process.exitValue());
            assertTrue(restore.awaitLine("Nothing was changed"), restore.output());
        }
        try (Child restore = Child.start("--memory", "--import", backup.toString())) {
            assertTrue(restore.process.waitFor(180, TimeUnit.SECONDS), restore.output());
            assertEquals(0, restore.process.exitValue(), restore.output());
            assertTrue(restore.awaitLine("Imported"), restore.output());
            assertTrue(
                    restore.output().matches("(?s).*Imported \\d+ file\\(s\\), [1-9]\\d* categories.*"),
                    restore.output());
        }
    }

    @Test
    void everyViewAnswered204SurvivesKillDashNineUnderLoad(@TempDir Path data) throws Exception {
        List<String> ids;
        long answered;
        long inDoubt;
        // The load comes through the loopback "proxy": each beacon is a new reader at its own forwarded address.
        try (Child first = Child.start(
                "--data",
                data.toString(),
                "--port",
                "0",
                "--views-per-minute",
                "0",
                "--trusted-proxies",
                "127.0.0.1,::1")) {
            String base = first.awaitUrl();
            ids = new ArrayList<>();
            for (JsonNode article : articles(base)) {
                ids.add(article.get("@id").asText());
            }
            AtomicLong ok = new AtomicLong();
            AtomicLong doubtful = new AtomicLong();
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> load = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                Thread worker = new Thread(() -> {
                    HttpClient http = HttpClient.newHttpClient();
                    for (int i = 0; !stop.get(); i++) {
                        // A new address each time: a new client, so no repeat rule applies.
                        HttpRequest beacon = HttpRequest.newBuilder(URI.create(base + "/.news/views"))
                                .header(
                                        "User-Agent",
                                        "Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0 reader-" + thread + "-" + i)
                                .header("X-Forwarded-For", "10." + thread + "." + ((i >>> 8) & 0xFF) + "." + (i & 0xFF))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("id=" + ids.get((thread + i) % ids.size())))
                                .build();
                        try {
                            if (http.send(beacon, HttpResponse.BodyHandlers.discarding())
                                            .statusCode()
                                    == 204) {
                                ok.incrementAndGet();
                            }
                        } catch (IOException killed) {
                            // Sent while the server died: it may or may not have been journalled.
                            doubtful.incrementAndGet();
                            return;
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
                worker.start();
                load.add(worker);
            }
            Thread.sleep(3_000);
            first.process.destroyForcibly(); // SIGKILL: no shutdown hook, no final save
            assertTrue(first.process.waitFor(30, TimeUnit.SECONDS));
            stop.set(true);
            for (Thread worker : load) {
                worker.join(30_000);
            }
            answered = ok.get();
            inDoubt = doubtful.get();
        }
        assertTrue(answered > 500, "the load ran: " + answered + " views answered");
        try (Child second = Child.start("--data", data.toString(), "--port", "0")) {
            String base = second.awaitUrl();
            long stored = 0;
            for (JsonNode article : articles(base)) {
                stored += article.get("views").asLong();
            }
            System.out.printf(
                    "kill -9 under load: %d answered 204, %d in flight at the kill, %d stored after restart%n",
                    answered, inDoubt, stored);
            assertTrue(stored >= answered, "no answered view is lost: stored " + stored + ", answered " + answered);
            assertTrue(
                    stored <= answered + inDoubt,
                    "nothing counted twice: stored " + stored + ", answered " + answered + ", in flight at the kill "
                            + inDoubt);
        }
    }

    @Test
    void outsideTheProjectTheLightModuleComesFromTheJarsClasspathCopy(@TempDir Path elsewhere) throws Exception {
        try (Child child = Child.startIn(elsewhere.toFile(), "--memory", "--port", "0")) {
            String base = child.awaitUrl();
            assertTrue(child.output().contains("light module: classpath:/news/"), child.output());
            HttpResponse<String> home = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(URI.create(base + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, home.statusCode());
            assertTrue(home.body().contains("Tin tức nổi bật"), "templates, i18n and demo pages from the classpath");
            JsonNode first = articles(base).get(0);
            HttpResponse<String> article = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(
                                            base + "/news" + first.get("@path").asText() + ".html"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(200, article.statusCode(), "the virtual URI mapping is read from the classpath too");
        }
    }

    @Test
    void badOptionsGetAClearMessage() throws Exception {
        try (Child child = Child.start("--port", "eighty")) {
            assertTrue(child.process.waitFor(30, TimeUnit.SECONDS));
            assertEquals(2, child.process.exitValue());
            assertTrue(child.awaitLine("--port must be a port number"), child.output());
        }
    }

    private static JsonNode articles(String base) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base + "/.rest/delivery/news?limit=100"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        return new ObjectMapper().readTree(response.body()).get("results");
    }

    private static int resultCount(String base) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base + "/.rest/delivery/news?limit=100"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        JsonNode json = new ObjectMapper().readTree(response.body());
        return json.get("results").size();
    }

    /** A child JVM running {@link NewsServer} with this test's classpath. */
    @Test
    void aStartThatCannotHaveItsPortCreatesNothing(@TempDir Path data) throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            try (Child child = Child.start("--data", data.toString(), "--port", String.valueOf(taken.getLocalPort()))) {
                assertTrue(child.process.waitFor(60, TimeUnit.SECONDS));
                assertNotEquals(0, child.process.exitValue());
                assertTrue(child.awaitLine("Cannot listen on port " + taken.getLocalPort()), child.output());
            }
        }
        assertFalse(Files.exists(data.resolve(AdminAccounts.FILE)), "no account whose password nobody saw");
        try (var files = Files.list(data)) {
            assertEquals(List.of(), files.toList(), "nothing at all");
        }
    }

    @Test
    void theOperatorsPasswordIsNeverPrintedFilesArePrivateAndAResetWorks(@TempDir Path data) throws Exception {
        try (Child child = Child.startWith(
                Map.of("NEWS_ADMIN_PASSWORD", "operator-s3cret-9"), "--data", data.toString(), "--port", "0")) {
            child.awaitUrl();
            assertTrue(child.awaitLine("password from NEWS_ADMIN_PASSWORD"), child.output());
            assertFalse(child.output().contains("operator-s3cret-9"), child.output());
            child.process.destroy();
            assertTrue(child.process.waitFor(30, TimeUnit.SECONDS));
        }
        // The account is in the repository's users workspace, inside the private data folder.
        assertFalse(Files.exists(data.resolve(AdminAccounts.FILE)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)));

        String printed;
        try (Child reset = Child.start("--data", data.toString(), "--port", "0", "--reset-admin-password")) {
            reset.awaitUrl();
            printed = reset.seen.stream()
                    .filter(l -> l.contains("has a new password: "))
                    .findFirst()
                    .map(l -> l.replaceAll(".*has a new password: (\\S+).*", "$1"))
                    .orElseThrow(() -> new AssertionError(reset.output()));
            reset.process.destroy();
            assertTrue(reset.process.waitFor(30, TimeUnit.SECONDS));
        }
        try (NewsRuntime restarted = NewsRuntime.start(
                RuntimeConfig.parse(new String[] {"--data", data.toString(), "--no-demo"}, Map.of()))) {
            var accounts = restarted.adminContext().accounts();
            assertEquals(
                    AdminAccounts.Result.SIGNED_IN,
                    accounts.signIn("admin", printed, "127.0.0.1").result());
            assertEquals(
                    AdminAccounts.Result.WRONG,
                    accounts.signIn("admin", "operator-s3cret-9", "127.0.0.1").result());
        }
    }

    public static final class Child implements AutoCloseable {
        public final Process process;
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final List<String> seen = new ArrayList<>();
        private final Thread reader;

        private Child(Process process) {
            this.process = process;
            reader = new Thread(() -> {
                try (BufferedReader in =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        lines.add(line);
                    }
                } catch (IOException ignored) {
                    // the process went away
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        public static Child start(String... args) throws IOException {
            return startIn(new File(System.getProperty("user.dir")), args);
        }

        static Child startIn(File directory, String... args) throws IOException {
            return startIn(directory, Map.of(), args);
        }

        static Child startWith(Map<String, String> environment, String... args) throws IOException {
            return startIn(new File(System.getProperty("user.dir")), environment, args);
        }

        static Child startIn(File directory, Map<String, String> environment, String... args) throws IOException {
            // The start command's own classpath (runtime scope, built by Maven): no test library may hide a gap.
            String classpath = Path.of("target", "classes").toAbsolutePath()
                    + File.pathSeparator
                    + Files.readString(Path.of("target", "runtime-classpath.txt"))
                            .strip();
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m",
                    "-cp",
                    classpath,
                    NewsServer.class.getName()));
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().remove("NEWS_PORT");
            builder.environment().remove("NEWS_DATA");
            builder.environment().remove("NEWS_ADMIN_PASSWORD");
            builder.environment().putAll(environment);
            builder.directory(directory);
            return new Child(builder.start());
        }

        /** {@code java -jar jar args...} at the README's {@code -Xmx512m}, in a new empty folder. */
        public static Child startJar(Path jar, Path directory, String... args) throws IOException {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m",
                    "-jar",
                    jar.toString()));
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().remove("NEWS_PORT");
            builder.environment().remove("NEWS_DATA");
            builder.environment().remove("NEWS_ADMIN_PASSWORD");
            builder.directory(directory.toFile());
            return new Child(builder.start());
        }

        public String awaitUrl() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                String line = lines.poll(200, TimeUnit.MILLISECONDS);
                if (line != null) {
                    seen.add(line);
                    Matcher m = RUNNING.matcher(line);
                    if (m.find()) {
                        return m.group(1);
                    }
                }
            }
            throw new AssertionError("server did not start: " + output());
        }

        boolean awaitLine(String fragment) throws InterruptedException {
            if (seen.stream().anyMatch(l -> l.contains(fragment))) {
                return true;
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                String line = lines.poll(200, TimeUnit.MILLISECONDS);
                if (line != null) {
                    seen.add(line);
                    if (line.contains(fragment)) {
                        return true;
                    }
                } else if (!reader.isAlive() && lines.isEmpty()) {
                    return false;
                }
            }
            return false;
        }

        public String output() {
            lines.drainTo(seen);
            return String.join("\n", seen);
        }

        @Override
        public void close() throws InterruptedException {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        }
    }
}
