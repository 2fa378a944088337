package io.newsroom.news.packaging;

import static org.junit.jupiter.api.Assertions.*;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.newsroom.news.embedded.server.NewsServerProcessTest.Child;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build's two artifacts, as Maven made them before the tests: the Magnolia module jar holds the
 * core, the Magnolia host, the descriptor, bootstrap files and the light module, and nothing of the
 * embedded runtime; the standalone jar holds everything and runs with {@code java -jar}.
 */
class JarsTest {
    private static final String VERSION = "0.1.0-SNAPSHOT";
    private static final Path MAGNOLIA_JAR = Path.of("target", "magnolia-news-" + VERSION + ".jar");
    private static final Path STANDALONE_JAR = Path.of("target", "magnolia-news-" + VERSION + "-standalone.jar");

    @Test
    void theMagnoliaJarHoldsWhatMagnoliaNeedsAndNothingOfTheEmbeddedRuntime() throws IOException {
        assertTrue(Files.exists(MAGNOLIA_JAR), "the build made " + MAGNOLIA_JAR);
        long size = Files.size(MAGNOLIA_JAR);
        assertTrue(size < 1_000_000, "under 1 MB: " + size + " bytes");
        Set<String> entries = entries(MAGNOLIA_JAR);
        for (String needed : List.of(
                "META-INF/magnolia/news.xml",
                "mgnl-bootstrap/news/config.modules.rendering.renderers.freemarker.contextAttributes.newsfn.xml",
                "io/newsroom/news/NewsModule.class",
                "io/newsroom/news/magnolia/MagnoliaNews.class",
                "io/newsroom/news/magnolia/MagnoliaViewBeaconServlet.class",
                "io/newsroom/news/magnolia/NewsModuleClass.class",
                "io/newsroom/news/templating/NewsFunctions.class",
                "io/newsroom/news/views/stats-indexing.xml",
                "io/newsroom/news/views/bots.txt",
                "news/contentTypes/article.yaml",
                "news/templates/components/featuredNews.ftl",
                "news/i18n/module-news-messages_vi.properties",
                "news/webresources/css/news.css")) {
            assertTrue(entries.contains(needed), "the Magnolia jar has " + needed);
        }
        for (String entry : entries) {
            assertFalse(entry.startsWith("io/newsroom/news/embedded/"), "no embedded host: " + entry);
            assertFalse(entry.startsWith("META-INF/VAADIN/"), "no Vaadin Flow bundle: " + entry);
            assertFalse(entry.startsWith("META-INF/services/com.vaadin"), "no Vaadin Flow listener: " + entry);
            assertFalse(entry.equals("logback.xml"), "no logging configuration for Magnolia's webapp");
            assertFalse(entry.endsWith(".png"), "no screenshots: " + entry);
            assertFalse(entry.equals("news/module.yaml"), "one descriptor: the jar's news.xml");
            assertFalse(entry.startsWith("info/"), "no stub of Magnolia's interfaces: " + entry);
        }
    }

    @Test
    void everyModuleClassTheMagnoliaJarUsesIsInIt() throws IOException {
        JavaClasses classes;
        try (JarFile jar = new JarFile(MAGNOLIA_JAR.toFile())) {
            classes = new ClassFileImporter().importJar(jar);
        }
        Set<String> inJar = new TreeSet<>();
        classes.forEach(c -> inJar.add(c.getName()));
        Set<String> missing = new TreeSet<>();
        for (JavaClass c : classes) {
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String target = d.getTargetClass().getBaseComponentType().getName();
                if (target.startsWith("io.newsroom.") && !inJar.contains(target)) {
                    missing.add(c.getName() + " -> " + target);
                }
            }
        }
        assertTrue(inJar.size() > 100, "classes read from the jar: " + inJar.size());
        assertEquals(Set.of(), missing, "classes the Magnolia jar needs but lacks");
    }

    @Test
    void theStandaloneJarHoldsEverythingAndServesTheSiteAndTheAdminApp(@TempDir Path folder) throws Exception {
        assertTrue(Files.exists(STANDALONE_JAR), "the build made " + STANDALONE_JAR);
        Set<String> entries = entries(STANDALONE_JAR);
        for (String needed : List.of(
                "io/newsroom/news/embedded/server/NewsServer.class",
                "META-INF/VAADIN/config/stats.json",
                "logback.xml",
                "org/eclipse/jetty/server/Server.class",
                "org/apache/jackrabbit/core/RepositoryImpl.class",
                "META-INF/services/com.vaadin.flow.server.VaadinServiceInitListener",
                "news/templates/pages/home.ftl")) {
            assertTrue(entries.contains(needed), "the standalone jar has " + needed);
        }
        assertTrue(entries.stream().noneMatch(e -> e.startsWith("info/magnolia/")), "no stub of Magnolia's interfaces");
        try (JarFile jar = new JarFile(STANDALONE_JAR.toFile())) {
            assertEquals(
                    "io.newsroom.news.embedded.server.NewsServer",
                    jar.getManifest().getMainAttributes().getValue("Main-Class"));
            ZipEntry services = jar.getEntry("META-INF/services/com.vaadin.flow.server.VaadinServiceInitListener");
            String listeners = new String(jar.getInputStream(services).readAllBytes());
            assertTrue(
                    listeners.contains("io.newsroom.news.embedded.admin.AdminRoutes"),
                    "the app's routes are registered: " + listeners);
        }
        try (Child child = Child.startJar(STANDALONE_JAR.toAbsolutePath(), folder, "--memory", "--port", "0")) {
            String url = child.awaitUrl();
            HttpClient http = HttpClient.newHttpClient();
            for (String path : List.of("/", "/news", "/admin/login")) {
                HttpResponse<String> page = http.send(
                        HttpRequest.newBuilder(URI.create(url + path)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, page.statusCode(), path + ": " + child.output());
            }
        }
    }

    private static Set<String> entries(Path jar) throws IOException {
        Set<String> names = new TreeSet<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            file.stream().forEach(e -> names.add(e.getName()));
        }
        return names;
    }
}
