package io.newsroom.news.embedded.admin;

import static org.junit.jupiter.api.Assertions.*;

import io.newsroom.news.article.ArticleDraft;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConflictMergeTest {
    private static final java.time.ZoneId HANOI = java.time.ZoneId.of("Asia/Ho_Chi_Minh");

    private static ArticleDraft draft(String title, String lead, String author) {
        ArticleDraft d = new ArticleDraft();
        d.setTitle(title);
        d.setLead(lead);
        d.setAuthor(author);
        d.setPostedDate(Instant.parse("2026-12-01T03:00:00Z"));
        return d;
    }

    @Test
    void differencesSayWhoChangedWhatAndKeepTheirsOnlyWhereTheEditorDidNotChangeIt() {
        ArticleDraft base = draft("Tiêu đề", "Tóm tắt", "Ban biên tập");
        ArticleDraft mine = draft("Tiêu đề", "Tóm tắt của tôi", "Nam");
        ArticleDraft theirs = draft("Tiêu đề của họ", "Tóm tắt của họ", "Ban biên tập");
        List<ConflictMerge.Difference> found = ConflictMerge.differences(base, mine, theirs);
        assertEquals(
                List.of(ConflictMerge.Field.TITLE, ConflictMerge.Field.LEAD, ConflictMerge.Field.AUTHOR),
                found.stream().map(ConflictMerge.Difference::field).toList());
        assertTrue(found.get(0).theirsByDefault(), "only they changed the title");
        assertFalse(found.get(1).theirsByDefault(), "both changed the lead: the editor decides, mine first");
        assertTrue(found.get(1).iChanged() && found.get(1).theyChanged());
        assertFalse(found.get(2).theirsByDefault(), "only I changed the author");

        ArticleDraft merged = ConflictMerge.merged(mine, theirs, Set.of(ConflictMerge.Field.TITLE));
        assertEquals("Tiêu đề của họ", merged.getTitle());
        assertEquals("Tóm tắt của tôi", merged.getLead());
        assertEquals("Nam", merged.getAuthor());
        assertEquals("Tóm tắt của tôi", mine.getLead(), "the form's draft is not changed");
    }

    @Test
    void anEmptyTextAndNoneAreNoDifferenceAndValuesReadAsEditorsReadThem() {
        ArticleDraft mine = draft("A", "", null);
        ArticleDraft theirs = draft("A", null, "");
        assertEquals(List.of(), ConflictMerge.differences(mine, mine, theirs));
        assertEquals("—", ConflictMerge.shown(null, HANOI));
        assertEquals("01/12/2026 10:00", ConflictMerge.shown(Instant.parse("2026-12-01T03:00:00Z"), HANOI));
        assertEquals("Đoạn một Đoạn hai", ConflictMerge.shown("<p>Đoạn một</p><p>Đoạn hai</p>", HANOI));
    }
}
