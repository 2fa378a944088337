package io.newsroom.news.site;

import static io.newsroom.news.TestArticles.draft;
import static io.newsroom.news.TestArticles.hanoi;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.newsroom.news.article.Article;
import io.newsroom.news.article.ArticleDraft;
import io.newsroom.news.article.ArticleQuery;

/** Export to system-view XML and import into an empty repository gives the same articles. */
class WorkspaceBackupTest {

    @Test
    void exportThenImportIntoAnEmptyRepositoryGivesTheSameArticles(@TempDir Path backup) throws Exception {
        List<Article> original;
        try (NewsRuntime source = NewsRuntime.start(RuntimeConfig.forTests())) {
            DemoContent.createOnFirstStart(source);
            ArticleDraft full = draft("Bài đầy đủ thuộc tính", hanoi(2020, 10, 27, 10, 28));
            full.setImage("jcr:6f1c2a3b-1111-2222-3333-444455556666");
            full.setImageAlt("Ảnh");
            full.setFeatured(true);
            full.setFeaturedRank(4L);
            full.setFeaturedUntil(hanoi(2020, 12, 1, 0, 0));
            source.articles().create(full, "e");
            original = all(source);
            List<Path> files = new WorkspaceBackup(source.repository(), "news").exportTo(backup);
            assertTrue(files.stream().allMatch(f -> f.getFileName().toString().matches("news\\.\\d{4}\\.xml")), files.toString());
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
    void aMalformedImportChangesNothing(@TempDir Path backup) throws Exception {
        try (NewsRuntime runtime = NewsRuntime.start(RuntimeConfig.forTests())) {
            runtime.articles().create(draft("Giữ nguyên", hanoi(2021, 3, 3, 3, 0)), "e");
            runtime.articles().create(draft("Cũng giữ nguyên", hanoi(2022, 3, 3, 3, 0)), "e");
            WorkspaceBackup workspace = new WorkspaceBackup(runtime.repository(), "news");
            workspace.exportTo(backup);
            List<Article> before = all(runtime);

            // A good file for 2021 next to a broken one: the good one must not be applied alone.
            Files.writeString(backup.resolve("news.2022.xml"), "<sv:node xmlns:sv=\"http://www.jcp.org/jcr/sv/1.0\" sv:name=\"2022\"><sv:property");
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

    private static List<Article> all(NewsRuntime runtime) throws Exception {
        return runtime.articles().list(ArticleQuery.newest(1000).withSort(
                List.of(ArticleQuery.Sort.asc("postedDate"), ArticleQuery.Sort.asc("title")))).items();
    }
}
