package io.newsroom.news.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsroom.news.article.ArticleSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The English site's listings in the archive index: only articles with an English version (published, for
 * readers), newest first, scheduled ones apart, per category too; checked against the same question asked
 * of every article one by one, before and after changes.
 */
class EnglishListingsTest {
    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private static final String[] CATEGORIES = {"Thông báo", "Thể thao", "Y tế"};

    private static ArticleSummary summary(int i, boolean english, boolean englishPublished) {
        return summary(i, CATEGORIES[i % CATEGORIES.length], english, englishPublished);
    }

    private static ArticleSummary summary(int i, String category, boolean english, boolean englishPublished) {
        return new ArticleSummary(
                new UUID(0x456eL, i).toString(),
                NOW.minusSeconds(3600L * (i - 5)), // the first five are scheduled
                category,
                i % 3 != 0,
                i % 7 == 0,
                false,
                english,
                english && englishPublished);
    }

    @Test
    void theEnglishListingsHoldWhatTheEnglishSiteShowsWhateverChanges() {
        ArchiveListings listings = new ArchiveListings();
        List<ArticleSummary> all = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            all.add(summary(i, i % 2 == 0, i % 4 == 0));
        }
        listings.apply(all, Set.of(), new BitSet());
        check(listings, all);

        // Some English versions published, some removed, some articles moved to another category, one new
        // article: every listing follows (a category's, the English one's).
        List<ArticleSummary> changed = new ArrayList<>();
        for (int i = 0; i < 500; i += 5) {
            ArticleSummary now = i % 15 == 0
                    ? summary(i, CATEGORIES[(i + 1) % CATEGORIES.length], i % 10 != 0, true)
                    : summary(i, i % 10 != 0, true);
            changed.add(now);
            all.set(i, now);
        }
        ArticleSummary added = summary(500, true, true);
        changed.add(added);
        all.add(added);
        listings.apply(changed, Set.of(), new BitSet());
        check(listings, all);
    }

    private static void check(ArchiveListings listings, List<ArticleSummary> all) {
        for (boolean publishedOnly : new boolean[] {true, false}) {
            for (String category : new String[] {null, "Thông báo", "Y tế", "Không có"}) {
                List<String> expected = all.stream()
                        .filter(s -> s.english() && (!publishedOnly || s.englishPublished()))
                        .filter(s -> category == null || category.equals(s.category()))
                        .filter(s -> !s.postedDate().isAfter(NOW))
                        .sorted((a, b) -> b.postedDate().compareTo(a.postedDate()))
                        .map(ArticleSummary::id)
                        .toList();
                String what = "publishedOnly " + publishedOnly + ", category " + category;
                List<String> vietnamese = all.stream()
                        .filter(s -> !publishedOnly || s.published())
                        .filter(s -> category == null || category.equals(s.category()))
                        .filter(s -> !s.postedDate().isAfter(NOW))
                        .sorted((a, b) -> b.postedDate().compareTo(a.postedDate()))
                        .map(ArticleSummary::id)
                        .toList();
                ArchivePage site = listings.page(publishedOnly, category, NOW, 0, 1000);
                assertEquals(vietnamese, site.ids(), what + ", the Vietnamese listing");
                assertEquals(vietnamese.size(), site.total(), what + ", the Vietnamese total");
                ArchivePage first = listings.page(publishedOnly, category, "en", NOW, 0, 10);
                assertEquals(expected.size(), first.total(), what);
                assertEquals(expected.subList(0, Math.min(10, expected.size())), first.ids(), what);
                ArchivePage later = listings.page(publishedOnly, category, "en", NOW, 37, 10);
                assertEquals(
                        expected.subList(Math.min(37, expected.size()), Math.min(47, expected.size())),
                        later.ids(),
                        what + ", a later page");
                List<String> scheduled = all.stream()
                        .filter(s -> s.english() && (!publishedOnly || s.englishPublished()))
                        .filter(s -> category == null || category.equals(s.category()))
                        .filter(s -> s.postedDate().isAfter(NOW))
                        .sorted((a, b) -> a.postedDate().compareTo(b.postedDate()))
                        .map(ArticleSummary::id)
                        .toList();
                assertEquals(
                        scheduled, listings.scheduled(publishedOnly, category, "en", NOW, 50), what + ", scheduled");
                List<String> featured = all.stream()
                        .filter(s -> s.featured() && s.english() && (!publishedOnly || s.englishPublished()))
                        .filter(s -> category == null || category.equals(s.category()))
                        .sorted((a, b) -> b.postedDate().compareTo(a.postedDate()))
                        .map(ArticleSummary::id)
                        .toList();
                assertEquals(featured, listings.featured(publishedOnly, category, "en", 500), what + ", featured");
            }
        }
    }
}
