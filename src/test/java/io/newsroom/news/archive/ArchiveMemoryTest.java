package io.newsroom.news.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsroom.news.article.ArticleSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What the archive index costs per article, so a million articles keep fitting in the service's
 * 512 MB heap beside the site, the admin and the counter (47 MB measured at a million). Grows by
 * design only with a reason written here.
 */
class ArchiveMemoryTest {
    private static final int ARTICLES = 200_000;
    private static final long MAX_BYTES_PER_ARTICLE = 64;

    @Test
    void twoHundredThousandArticlesTakeAtMost64BytesEach() {
        ArchiveListings listings = new ArchiveListings();
        String[] categories = {"Thông báo", "Thể thao", "Văn hoá - Xã hội", "Y tế", "Giáo dục"};
        Instant start = Instant.parse("2006-01-01T00:00:00Z");
        List<ArticleSummary> batch = new ArrayList<>();
        int trashed = 0;
        for (int i = 0; i < ARTICLES; i++) {
            trashed += i % 500 == 1 ? 1 : 0;
            batch.add(new ArticleSummary(
                    new UUID(0x4e657773L, i).toString(),
                    start.plusSeconds(600L * i),
                    categories[i % categories.length],
                    i % 10 != 0,
                    i % 1000 == 0,
                    i % 500 == 1,
                    i % 4 == 0,
                    i % 8 == 0));
            if (batch.size() == 10_000) {
                listings.apply(batch, Set.of(), new BitSet());
                batch.clear();
            }
        }
        // Trashed articles are in no listing.
        assertEquals(ARTICLES - trashed, listings.size());
        long perArticle = listings.bytes() / listings.size();
        assertTrue(
                perArticle <= MAX_BYTES_PER_ARTICLE,
                "the index takes " + perArticle + " bytes an article (at most " + MAX_BYTES_PER_ARTICLE + ")");
        assertTrue(perArticle >= 16, "the accounting counts the arrays (16 bytes of id alone): " + perArticle);
    }
}
