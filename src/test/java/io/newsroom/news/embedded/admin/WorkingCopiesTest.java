package io.newsroom.news.embedded.admin;

import static org.junit.jupiter.api.Assertions.*;

import io.newsroom.news.article.ArticleDraft;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkingCopiesTest {

    @Test
    void everyFieldComesBackAsKeptPerEditorAndArticleAndIsGoneOnceDiscarded(@TempDir Path folder) throws Exception {
        WorkingCopies copies = new WorkingCopies(folder);
        ArticleDraft draft = new ArticleDraft();
        draft.setTitle("Tiêu đề / có ký tự lạ: \"ngoặc\"");
        draft.setBody("<p>Đoạn <strong>đậm</strong></p>");
        draft.setPostedDate(Instant.parse("2026-12-01T03:00:00Z"));
        draft.setUnpublishDate(Instant.parse("2026-12-31T03:00:00Z"));
        draft.setFeatured(true);
        draft.setFeaturedRank(3L);
        Instant kept = Instant.parse("2026-12-06T04:12:00Z");
        copies.keep("lan/../x", "a1", draft, 42L, kept);

        WorkingCopies.Copy read = copies.find("lan/../x", "a1").orElseThrow();
        assertEquals(kept, read.kept());
        assertEquals(42L, read.baseVersion());
        assertEquals(java.util.List.of(), ConflictMerge.differences(draft, draft, read.draft()), "every field back");
        assertTrue(copies.find("nam", "a1").isEmpty(), "another editor's copy is not offered");
        assertTrue(copies.find("lan/../x", null).isEmpty(), "nor one of another article");
        try (var files = Files.walk(folder)) {
            assertTrue(files.allMatch(p -> p.startsWith(folder)), "a user name never leads out of the folder");
        }

        copies.discard("lan/../x", "a1");
        assertTrue(copies.find("lan/../x", "a1").isEmpty());
    }

    @Test
    void aDamagedFileIsNotOffered(@TempDir Path folder) throws Exception {
        WorkingCopies copies = new WorkingCopies(folder);
        copies.keep("nam", null, new ArticleDraft(), 0, Instant.now());
        try (var files = Files.walk(folder)) {
            Path file = files.filter(p -> p.toString().endsWith(".json"))
                    .findFirst()
                    .orElseThrow();
            Files.writeString(file, "{\"kept\": \"hôm qua\"");
        }
        assertTrue(copies.find("nam", null).isEmpty());
    }
}
