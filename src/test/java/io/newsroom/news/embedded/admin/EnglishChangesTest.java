package io.newsroom.news.embedded.admin;

import static org.junit.jupiter.api.Assertions.*;

import io.newsroom.news.article.Article;
import io.newsroom.news.article.ArticleDraft;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An English version's changes are an article's changes like any other: a version comparison lists them,
 * and a conflicting save shows them field by field and merges them as the editor chooses.
 */
class EnglishChangesTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private static ArticleDraft draft(String englishTitle, String englishBody) {
        ArticleDraft draft = new ArticleDraft();
        draft.setTitle("Tin thử");
        draft.setPostedDate(Instant.parse("2026-01-10T02:30:00Z"));
        draft.getEnglish().setTitle(englishTitle);
        draft.getEnglish().setBody(englishBody);
        return draft;
    }

    @Test
    void aVersionComparisonListsTheEnglishVersionsChanges() {
        Article then = draft(null, null).toPreview("a", "/2026/01/tin-thu", null);
        Article now = draft("Test news", "<p>In <b>English</b>.</p>").toPreview("a", "/2026/01/tin-thu", null);
        List<VersionComparison.FieldChange> changes = VersionComparison.fields(then, now, ZONE);
        assertEquals(
                List.of("news.admin.english.title", "news.admin.english.slug", "news.admin.english.body"),
                changes.stream().map(VersionComparison.FieldChange::labelKey).toList());
        assertEquals("In English.", changes.get(2).now(), "the body as the reader reads it");
    }

    @Test
    void aConflictShowsAndMergesEnglishFieldsToo() {
        ArticleDraft base = draft("Base title", "<p>Base</p>");
        ArticleDraft mine = draft("My title", "<p>Base</p>");
        ArticleDraft theirs = draft("Base title", "<p>Their body</p>");
        List<ConflictMerge.Difference> differences = ConflictMerge.differences(base, mine, theirs);
        assertEquals(
                List.of(ConflictMerge.Field.ENGLISH_TITLE, ConflictMerge.Field.ENGLISH_BODY),
                differences.stream().map(ConflictMerge.Difference::field).toList());
        ArticleDraft merged = ConflictMerge.merged(mine, theirs, java.util.Set.of(ConflictMerge.Field.ENGLISH_BODY));
        assertEquals("My title", merged.getEnglish().getTitle(), "mine where only I changed it");
        assertEquals("<p>Their body</p>", merged.getEnglish().getBody(), "theirs where chosen");
    }
}
