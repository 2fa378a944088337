package io.newsroom.news.archive;

import io.newsroom.news.article.ArticleSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What a page of the English site's listings costs in the archive index beside the same page of the
 * Vietnamese site, at a million articles (argument: how many; default 1,000,000), a third of them with an
 * English version and a fifth with a published one. Prints the median of 300 asks of each; stops with an
 * error when an answer is not a full page. Run by hand (README, "Benchmarks"); lives beside the listings it
 * measures because they are not public.
 */
public final class EnglishListingBenchmark {
    private static final String[] CATEGORIES = {"Thông báo", "Tin hoạt động", "Thể thao", "Y tế", "Giáo dục"};

    private EnglishListingBenchmark() {}

    public static void main(String[] args) {
        int articles = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Instant now = Instant.parse("2026-12-01T00:00:00Z");
        ArchiveListings listings = new ArchiveListings();
        List<ArticleSummary> batch = new ArrayList<>();
        for (int i = 0; i < articles; i++) {
            boolean english = i % 3 == 0;
            batch.add(new ArticleSummary(
                    new UUID(0x42656eL, i).toString(),
                    now.minusSeconds(60L * i - 600),
                    CATEGORIES[i % CATEGORIES.length],
                    true,
                    i % 500 == 0,
                    false,
                    english,
                    english && i % 5 == 0));
            if (batch.size() == 10_000) {
                listings.apply(batch, Set.of(), new BitSet());
                batch.clear();
            }
        }
        listings.apply(batch, Set.of(), new BitSet());
        System.out.printf("%,d articles, index %,d KB%n", listings.size(), listings.bytes() / 1024);
        double vietnamese = median(() -> listings.page(true, null, null, now, 0, 10));
        double english = median(() -> listings.page(true, null, "en", now, 0, 10));
        double vietnameseCategory = median(() -> listings.page(true, "Thông báo", null, now, 0, 10));
        double englishCategory = median(() -> listings.page(true, "Thông báo", "en", now, 0, 10));
        double englishLater = median(() -> listings.page(true, null, "en", now, 5_000, 10));
        System.out.printf(
                "newest page:          Vietnamese %.3f ms, English %.3f ms (%.1fx)%n",
                vietnamese, english, english / vietnamese);
        System.out.printf(
                "category page:        Vietnamese %.3f ms, English %.3f ms (%.1fx)%n",
                vietnameseCategory, englishCategory, englishCategory / vietnameseCategory);
        System.out.printf(
                "English page 501:     %.3f ms (%.1fx the Vietnamese newest page)%n",
                englishLater, englishLater / vietnamese);
        // An edit that unpublishes an article and publishes its English version (a change every time): every
        // listing it is in is merged and counted again.
        double[] edits = new double[21];
        for (int i = 0; i < edits.length; i++) {
            int n = 3 * (i + 1);
            long start = System.nanoTime();
            listings.apply(
                    List.of(new ArticleSummary(
                            new UUID(0x42656eL, n).toString(),
                            now.minusSeconds(60L * n - 600),
                            CATEGORIES[n % CATEGORIES.length],
                            false,
                            n % 500 == 0,
                            false,
                            true,
                            true)),
                    Set.of(),
                    null);
            edits[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(edits);
        if (listings.page(true, null, "en", now, 0, 10).ids().size() != 10) {
            throw new IllegalStateException("the listings broke under the edits");
        }
        System.out.printf(
                "one edit (a published English version): %.2f ms (median of %d edits)%n",
                edits[edits.length / 2], edits.length);
    }

    private interface Ask {
        ArchivePage run();
    }

    /** Median milliseconds of 300 asks after 50 to warm up; every answer must be a full page with a total. */
    private static double median(Ask ask) {
        double[] times = new double[300];
        for (int i = -50; i < times.length; i++) {
            long start = System.nanoTime();
            ArchivePage page = ask.run();
            long took = System.nanoTime() - start;
            if (page.ids().size() != 10 || page.total() < 10) {
                throw new IllegalStateException("not a full page: " + page.ids().size() + " of " + page.total());
            }
            if (i >= 0) {
                times[i] = took / 1e6;
            }
        }
        Arrays.sort(times);
        return times[times.length / 2];
    }
}
