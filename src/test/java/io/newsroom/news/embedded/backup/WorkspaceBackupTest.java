package io.newsroom.news.embedded.backup;

import static io.newsroom.news.TestArticles.draft;
import static io.newsroom.news.TestArticles.hanoi;
import static org.junit.jupiter.api.Assertions.*;

import io.newsroom.news.TestArticles;
import io.newsroom.news.article.Article;
import io.newsroom.news.article.ArticleDraft;
import io.newsroom.news.article.ArticleQuery;
import io.newsroom.news.embedded.demo.DemoContent;
import io.newsroom.news.embedded.server.NewsRuntime;
import io.newsroom.news.embedded.server.RuntimeConfig;
import io.newsroom.news.publishing.ArticleVersion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Export to system-view XML and import into an empty repository gives the same articles. */
class WorkspaceBackupTest {

    @Test
    void anExportIsReadableByTheServersUserOnly(@TempDir Path backup) throws Exception {
        try (NewsRuntime runtime = NewsRuntime.start(RuntimeConfig.forTests())) {
            runtime.articles()
                    .create(
                            io.newsroom.news.TestArticles.unpublished("Bản nháp riêng", java.time.Instant.now()),
                            "nam");
            Path folder = backup.resolve("export");
            List<Path> files = new WorkspaceBackup(runtime.repository(), "news").exportTo(folder);
            assertFalse(files.isEmpty());
            assertEquals(
                    "rwx------",
                    java.nio.file.attribute.PosixFilePermissions.toString(
                            java.nio.file.Files.getPosixFilePermissions(folder)));
            for (Path file : files) {
                assertEquals(
                        "rw-------",
                        java.nio.file.attribute.PosixFilePermissions.toString(
                                java.nio.file.Files.getPosixFilePermissions(file)),
                        file.toString());
            }
        }
    }

    @Test
    void exportThenImportIntoAnEmptyRepositoryGivesTheSameArticles(@TempDir Path backup) throws Exception {
        List<Article> original;
        try (NewsRuntime source = NewsRuntime.start(RuntimeConfig.forTests())) {
            DemoContent.createOnFirstStart(
                    source.repository(), source.articles(), source.config().siteZone());
            ArticleDraft full = draft("Bài đầy đủ thuộc tính", hanoi(2020, 10, 27, 10, 28));
            full.setImage("jcr:6f1c2a3b-1111-2222-3333-444455556666");
            full.setImageAlt("Ảnh");
            full.setFeatured(true);
            full.setFeaturedRank(4L);
            full.setFeaturedUntil(hanoi(2020, 12, 1, 0, 0));
            full.getEnglish().setTitle("An article with every property");
            full.getEnglish().setImageAlt("Photo");
            source.articles().create(full, "e");
            original = all(source);
            assertTrue(
                    original.stream()
                            .anyMatch(a -> a.english() != null
                                    && a.english().publication().published()),
                    "the demo's published English versions are part of the round trip");
            List<Path> files = new WorkspaceBackup(source.repository(), "news").exportTo(backup);
            assertTrue(
                    files.stream().allMatch(f -> f.getFileName().toString().matches("news\\.\\d{4}\\.xml")),
                    files.toString());
            String xml = Files.readString(files.get(0), StandardCharsets.UTF_8);
            assertTrue(xml.contains("sv:node") && xml.contains("mgnl:folder") && xml.contains("news:article"));
        }
        try (NewsRuntime target = NewsRuntime.start(RuntimeConfig.forTests())) {
            assertEquals(0, target.articles().count(ArticleQuery.newest(1)));
            new WorkspaceBackup(target.repository(), "news").importFrom(backup);
            assertEquals(original, all(target));
        }
    }

    @Test
    void aPageASiteBuilderMadeGoesIntoTheBackupInMagnoliasShapeAndComesBack(@TempDir Path backup) throws Exception {
        try (NewsRuntime source = NewsRuntime.start(RuntimeConfig.forTests())) {
            String path = source.sitePages().create("Trang giới thiệu", "About us", null, "news:pages/home", "e");
            assertEquals("/trang-gioi-thieu", path);
            // The site builder's draft copy has it at once; readers' pages once it is published.
            assertEquals(
                    List.of(backup.resolve("website-draft.trang-gioi-thieu.xml")),
                    new WorkspaceBackup(source.repository(), "website-draft").exportTo(backup));
            assertEquals(List.of(), new WorkspaceBackup(source.repository(), "website").exportTo(backup.resolve("x")));
            source.pageDrafts().publish(path, "e");
            List<Path> files = new WorkspaceBackup(source.repository(), "website").exportTo(backup);
            assertEquals(List.of(backup.resolve("website.trang-gioi-thieu.xml")), files, "Magnolia's export name");

            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Element page =
                    factory.newDocumentBuilder().parse(files.get(0).toFile()).getDocumentElement();
            assertEquals("trang-gioi-thieu", page.getAttributeNS("http://www.jcp.org/jcr/sv/1.0", "name"));
            assertEquals("mgnl:page", property(page, "jcr:primaryType")[1]);
            assertEquals("news:pages/home", property(page, "mgnl:template")[1]);
            assertEquals("Trang giới thiệu", property(page, "title")[1]);
            assertEquals("About us", property(page, "title_en")[1], "the English title as Magnolia stores i18n");
        }
        try (NewsRuntime target = NewsRuntime.start(RuntimeConfig.forTests())) {
            new WorkspaceBackup(target.repository(), "website").importFrom(backup);
            javax.jcr.Session session = target.repository().login("website");
            try {
                javax.jcr.Node page = session.getNode("/trang-gioi-thieu");
                assertTrue(page.isNodeType("mgnl:page"));
                assertEquals("About us", page.getProperty("title_en").getString());
            } finally {
                session.logout();
            }
        }
    }

    @Test
    void aMalformedImportChangesNothing(@TempDir Path backup) throws Exception {
        try (NewsRuntime runtime = NewsRuntime.start(RuntimeConfig.forTests())) {
            runtime.articles().create(draft("Giữ nguyên", hanoi(2021, 3, 3, 3, 0)), "e");
            runtime.articles().create(draft("Cũng giữ nguyên", hanoi(2022, 3, 3, 3, 0)), "e");
            WorkspaceBackup workspace = new WorkspaceBackup(runtime.repository(), "news");
            workspace.exportTo(backup);
            List<Article> before = all(runtime);

            // A good file for 2021 next to a broken one: the good one must not be applied alone.
            Files.writeString(
                    backup.resolve("news.2022.xml"),
                    "<sv:node xmlns:sv=\"http://www.jcp.org/jcr/sv/1.0\" sv:name=\"2022\"><sv:property");
            assertThrows(IllegalArgumentException.class, () -> workspace.importFrom(backup));
            assertEquals(before, all(runtime));

            Files.writeString(backup.resolve("news.2022.xml"), "<not-a-system-view/>");
            assertThrows(IllegalArgumentException.class, () -> workspace.importFrom(backup));
            assertEquals(before, all(runtime));

            Path empty = Files.createDirectories(backup.resolve("empty"));
            assertThrows(IllegalArgumentException.class, () -> workspace.importFrom(empty));
            assertEquals(before, all(runtime));
        }
    }

    @Test
    void theExportHasTheShapeAMagnoliaNewsWorkspaceImports(@TempDir Path backup) throws Exception {
        try (NewsRuntime runtime = NewsRuntime.start(RuntimeConfig.forTests())) {
            ArticleDraft d = draft("Bài để chuyển sang Magnolia", hanoi(2020, 10, 27, 10, 28));
            d.setFeatured(true);
            d.setFeaturedRank(2L);
            d.getEnglish().setTitle("An article moving to Magnolia");
            d.getEnglish().setBody("<p>In English.</p>");
            Article article = runtime.articles().create(d, "editor");
            runtime.publishing().publish(article.id(), "editor", "first");
            runtime.publishing().publishEnglish(article.id(), "editor");
            runtime.publishing().versions().orElseThrow().save(article.id(), "editor", "second");
            List<Path> files = new WorkspaceBackup(runtime.repository(), "news").exportTo(backup);
            assertEquals(List.of(backup.resolve("news.2020.xml")), files);

            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document xml = factory.newDocumentBuilder().parse(files.get(0).toFile());
            String sv = "http://www.jcp.org/jcr/sv/1.0";
            Element year = xml.getDocumentElement();
            assertEquals("2020", year.getAttributeNS(sv, "name"));
            assertEquals("mgnl:folder", property(year, "jcr:primaryType")[1]);
            assertNotNull(property(year, "jcr:uuid"), "folders are referenceable, as in Magnolia");
            Element month = child(year, "10");
            assertEquals("mgnl:folder", property(month, "jcr:primaryType")[1]);
            Element node = child(month, article.name());
            assertEquals("news:article", property(node, "jcr:primaryType")[1]);
            assertEquals(article.id(), property(node, "jcr:uuid")[1]);
            assertEquals("Date", property(node, "mgnl:created")[0]);
            assertEquals("editor", property(node, "mgnl:createdBy")[1]);
            assertEquals("Date", property(node, "mgnl:lastModified")[0]);
            assertEquals("Date", property(node, "postedDate")[0]);
            assertTrue(
                    property(node, "postedDate")[1].startsWith("2020-10-27T10:28:00.000+07:00"),
                    property(node, "postedDate")[1]);
            assertEquals("Boolean", property(node, "featured")[0]);
            assertEquals("Long", property(node, "featuredRank")[0]);
            assertEquals("String", property(node, "title")[0]);
            // The English version as Magnolia stores an i18n field's other language: the same property, "_en".
            assertArrayEquals(new String[] {"String", "An article moving to Magnolia"}, property(node, "title_en"));
            assertArrayEquals(new String[] {"String", "<p>In English.</p>"}, property(node, "body_en"));
            assertArrayEquals(new String[] {"String", "an-article-moving-to-magnolia"}, property(node, "slug_en"));
            assertArrayEquals(new String[] {"Boolean", "true"}, property(node, "published_en"));
            assertArrayEquals(new String[] {"Boolean", "true"}, property(node, "mgnl:activationStatus"));
            assertEquals("editor", property(node, "mgnl:lastActivatedBy")[1]);
            // Versions live apart, as in Magnolia: nothing of them in the article a Magnolia workspace imports.
            assertNull(property(node, "jcr:versionHistory"));
            assertNull(property(node, "jcr:baseVersion"));
            String mixins = Arrays.toString(property(node, "jcr:mixinTypes"));
            assertFalse(mixins.contains("versionable"), mixins);
        }
    }

    @Test
    void versionsGoIntoTheBackupAndComeBackWithTheirUsersTimesAndComments(@TempDir Path backup) throws Exception {
        List<ArticleVersion> before;
        String id;
        try (NewsRuntime source = NewsRuntime.start(RuntimeConfig.forTests())) {
            Article a =
                    source.articles().create(TestArticles.unpublished("Bản một", hanoi(2020, 10, 27, 10, 28)), "nam");
            id = a.id();
            source.publishing().publish(id, "lan", "Duyệt lần đầu");
            ArticleDraft second = a.toDraft();
            second.setTitle("Bản hai");
            second.setBody("<p>Thân bài mới</p>");
            source.articles().update(id, a.version(), second, "nam");
            source.publishing().publish(id, "lan", null);
            before = source.publishing().versions().orElseThrow().history(id);
            new WorkspaceBackup(source.repository(), "news").exportTo(backup);
            List<Path> versionFiles =
                    new VersionBackup(source.publishing().versions().orElseThrow()).exportTo(backup);
            assertEquals(
                    List.of("mgnlVersion." + id + ".001.xml", "mgnlVersion." + id + ".002.xml"),
                    versionFiles.stream().map(f -> f.getFileName().toString()).toList());
        }
        try (NewsRuntime target = NewsRuntime.start(RuntimeConfig.forTests())) {
            VersionBackup.Restore restore =
                    new VersionBackup(target.publishing().versions().orElseThrow()).read(backup);
            new WorkspaceBackup(target.repository(), "news").importFrom(backup);
            restore.apply();
            List<ArticleVersion> after =
                    target.publishing().versions().orElseThrow().history(id);
            assertEquals(before.size(), after.size());
            for (int i = 0; i < before.size(); i++) {
                assertEquals(before.get(i).user(), after.get(i).user());
                assertEquals(before.get(i).created(), after.get(i).created());
                assertEquals(before.get(i).comment(), after.get(i).comment());
                assertEquals(
                        before.get(i).content().title(), after.get(i).content().title());
                assertEquals(
                        before.get(i).content().body(), after.get(i).content().body());
            }
            // The restored history works like one made here: restoring its first version.
            Article current = target.articles().findById(id).orElseThrow();
            Article restored = target.publishing()
                    .restoreVersion(id, current.version(), after.get(1).name(), "lan", null);
            assertEquals("Bản một", restored.title());
        }
    }

    @Test
    void aBrokenVersionFileIsRefusedBeforeAnythingChanges(@TempDir Path backup) throws Exception {
        Files.writeString(backup.resolve("mgnlVersion.0a1b2c3d-0000-4000-8000-000000000001.001.xml"), "<sv:node");
        try (NewsRuntime target = NewsRuntime.start(RuntimeConfig.forTests())) {
            assertThrows(
                    IllegalArgumentException.class,
                    () -> new VersionBackup(target.publishing().versions().orElseThrow()).read(backup));
        }
    }

    /** {type, first value} of a property of a system-view node, or null. */
    private static String[] property(Element node, String name) {
        String sv = "http://www.jcp.org/jcr/sv/1.0";
        for (Node n = node.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e
                    && e.getLocalName().equals("property")
                    && name.equals(e.getAttributeNS(sv, "name"))) {
                return new String[] {
                    e.getAttributeNS(sv, "type"),
                    e.getElementsByTagNameNS(sv, "value").item(0).getTextContent()
                };
            }
        }
        return null;
    }

    private static Element child(Element node, String name) {
        String sv = "http://www.jcp.org/jcr/sv/1.0";
        for (Node n = node.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e
                    && e.getLocalName().equals("node")
                    && name.equals(e.getAttributeNS(sv, "name"))) {
                return e;
            }
        }
        throw new AssertionError("no child " + name);
    }

    private static List<Article> all(NewsRuntime runtime) throws Exception {
        return runtime.articles()
                .list(ArticleQuery.newest(1000)
                        .withSort(List.of(ArticleQuery.Sort.asc("postedDate"), ArticleQuery.Sort.asc("title"))))
                .items();
    }
}
