package io.newsroom.news.article;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void foldsVietnameseToAscii() {
        assertEquals("dang-bo-phuong-thanh-nhan", Slugs.fromTitle("Đảng bộ phường Thanh Nhàn"));
        assertEquals("ngay-hoi-hien-mau-2026", Slugs.fromTitle("  Ngày hội hiến máu – 2026!  "));
        assertEquals("uy-ban-nhan-dan-quan-hai-ba-trung", Slugs.fromTitle("ỦY BAN NHÂN DÂN QUẬN HAI BÀ TRƯNG"));
        assertEquals("tieng-viet-co-dau-a-a-e-o-o-u-y", Slugs.fromTitle("Tiếng Việt có dấu: ắ ặ ể ỗ ợ ữ ỷ"));
    }

    @Test
    void titlesWithoutLettersStillGetAName() {
        assertEquals("bai-viet", Slugs.fromTitle("!!! ??? "));
        assertEquals("bai-viet", Slugs.fromTitle(null));
    }

    @Test
    void longTitlesAreCutAtAWordBoundary() {
        String slug = Slugs.fromTitle(
                "Quán triệt triển khai thực hiện nghị quyết đại hội đại biểu đảng bộ quận lần thứ hai mươi sáu nhiệm kỳ");
        assertTrue(slug.length() <= Slugs.MAX_LENGTH, slug);
        assertFalse(slug.endsWith("-"));
        assertTrue(Slugs.isValid(slug));
    }

    @Test
    void uniqueAddsTheFirstFreeNumber() {
        Set<String> taken = Set.of("tin", "tin-2", "tin-3");
        assertEquals("tin-4", Slugs.unique("tin", taken::contains));
        assertEquals("khac", Slugs.unique("khac", taken::contains));
        String longBase = "a".repeat(Slugs.MAX_LENGTH);
        String next = Slugs.unique(longBase, longBase::equals);
        assertTrue(next.length() <= Slugs.MAX_LENGTH && next.endsWith("-2"), next);
    }

    @Test
    void validatesHandWrittenSlugs() {
        assertTrue(Slugs.isValid("lich-tiep-dan-2026"));
        assertFalse(Slugs.isValid("Lich"));
        assertFalse(Slugs.isValid("a--b"));
        assertFalse(Slugs.isValid("-a"));
        assertFalse(Slugs.isValid("a/b"));
        assertFalse(Slugs.isValid(""));
    }
}
