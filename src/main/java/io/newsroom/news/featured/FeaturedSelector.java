package io.newsroom.news.featured;

import io.newsroom.news.article.Article;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The selection rules of the featured block, in one place: only articles visible at {@code now}
 * (posted date reached) and, for featured ones, inside their featured window; featured by rank
 * (smaller first, unranked last) then newest; never the article the page shows; no duplicates;
 * optionally filled up with the newest other articles. The article to leave out is named by
 * identifier or by path.
 */
public final class FeaturedSelector {
    public static final Comparator<Article> BY_RANK_THEN_NEWEST = Comparator.comparing(
                    (Article a) -> a.featuredRank() == null ? Long.MAX_VALUE : a.featuredRank())
            .thenComparing(ArticleSnapshot.NEWEST_FIRST);

    private FeaturedSelector() {}

    public static List<Article> select(
            ArticleSnapshot snapshot, FeaturedSettings settings, String exclude, Instant now) {
        Map<String, Article> chosen = new LinkedHashMap<>();
        List<Article> featured = new ArrayList<>();
        for (Article a : snapshot.featured()) {
            if (a.isPostedBy(now) && a.isFeaturedAt(now) && fits(a, settings, exclude)) {
                featured.add(a);
            }
        }
        featured.sort(BY_RANK_THEN_NEWEST);
        for (Article a : featured) {
            if (chosen.size() == settings.maxItems()) {
                break;
            }
            chosen.putIfAbsent(a.id(), a);
        }
        if (settings.fillWithLatest()) {
            for (Article a : snapshot.visibleLatest(now)) {
                if (chosen.size() == settings.maxItems()) {
                    break;
                }
                if (fits(a, settings, exclude)) {
                    chosen.putIfAbsent(a.id(), a);
                }
            }
        }
        return List.copyOf(chosen.values());
    }

    /** The newest visible articles, for lists that do not care about featuring. */
    public static List<Article> latest(
            ArticleSnapshot snapshot, int limit, String category, String excludeId, Instant now) {
        List<Article> out = new ArrayList<>();
        for (Article a : snapshot.visibleLatest(now)) {
            if (out.size() == limit) {
                break;
            }
            if ((category == null || category.equals(a.category())) && !isExcluded(a, excludeId)) {
                out.add(a);
            }
        }
        return out;
    }

    private static boolean fits(Article a, FeaturedSettings settings, String exclude) {
        return !isExcluded(a, exclude)
                && (settings.category() == null || settings.category().equals(a.category()));
    }

    /** The page names the article it shows by identifier or by path; either excludes it. */
    private static boolean isExcluded(Article a, String exclude) {
        return exclude != null && (a.id().equals(exclude) || a.path().equals(exclude));
    }
}
