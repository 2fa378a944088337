package io.newsroom.news.templating;

import io.newsroom.news.article.Article;
import io.newsroom.news.featured.ArticleCache;
import io.newsroom.news.featured.FeaturedSelector;
import io.newsroom.news.featured.FeaturedSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.jcr.RepositoryException;

/**
 * The blocks site builders drop onto pages: featured news and most read, from their dialog values;
 * the newest and related articles. Featured and newest are served from the in-memory snapshot.
 */
final class ArticleBlocks {
    /** Periods of the most-read block and the days each covers (0: all time). */
    static final Map<String, Integer> PERIODS = Map.of("today", 1, "7d", 7, "30d", 30, "all", 0);

    private static final Set<String> LAYOUTS = Set.of(FeaturedBlock.LAYOUT_LIST, FeaturedBlock.LAYOUT_LEAD);

    private final TemplatingParts parts;

    ArticleBlocks(TemplatingParts parts) {
        this.parts = parts;
    }

    FeaturedBlock featuredBlock(Map<?, ?> component, String exclude, String language) {
        ComponentSettings settings = new ComponentSettings(component, "featuredNews");
        FeaturedSettings selection = new FeaturedSettings(
                settings.integer(
                        "maxItems",
                        FeaturedSettings.DEFAULT_ITEMS,
                        FeaturedSettings.MIN_ITEMS,
                        FeaturedSettings.MAX_ITEMS),
                settings.text("category"),
                settings.flag("fillWithLatest", true));
        List<Article> chosen = FeaturedSelector.select(
                parts.cache().snapshot(language, selection.category()),
                selection,
                blankToNull(exclude),
                parts.clock().instant());
        return new FeaturedBlock(
                settings.text("heading"),
                settings.choice("layout", FeaturedBlock.LAYOUT_LEAD, LAYOUTS),
                settings.flag("showImage", true),
                settings.flag("showDate", true),
                settings.flag("showViews", true),
                settings.flag("showLead", false),
                chosen.stream().map(parts::view).toList());
    }

    MostReadBlock mostReadBlock(Map<?, ?> component, String language) throws RepositoryException {
        ComponentSettings settings = new ComponentSettings(component, "mostRead");
        String period = settings.choice("period", "7d", PERIODS.keySet());
        int maxItems = settings.integer("maxItems", 5, 1, 20);
        return new MostReadBlock(settings.text("heading"), period, mostRead(PERIODS.get(period), maxItems, language));
    }

    List<MostReadBlock.Entry> mostRead(int days, int maxItems, String language) throws RepositoryException {
        Instant now = parts.clock().instant();
        List<MostReadBlock.Entry> entries = new ArrayList<>();
        // Ask for more than needed: deleted or not yet visible articles are skipped.
        for (Map.Entry<String, Long> ranked :
                parts.views().mostRead(days, maxItems * 3 + 10).entrySet()) {
            if (entries.size() == maxItems) {
                break;
            }
            // Views are the article's, whatever the language it was read in.
            Optional<Article> article = parts.articles()
                    .findById(ranked.getKey())
                    .flatMap(found -> parts.audience().inLanguage(found, language, now));
            article.ifPresent(shown -> entries.add(new MostReadBlock.Entry(parts.view(shown), ranked.getValue())));
        }
        return entries;
    }

    List<ArticleView> featured(int maxItems, String category, String language) {
        return featuredBlock(Map.of("maxItems", maxItems, "category", category == null ? "" : category), null, language)
                .getItems();
    }

    List<ArticleView> latest(int limit, String category, String language) {
        int n = Math.max(1, Math.min(ArticleCache.LATEST_DEPTH - 1, limit));
        String cat = blankToNull(category);
        return FeaturedSelector.latest(
                        parts.cache().snapshot(language, cat),
                        n,
                        cat,
                        null,
                        parts.clock().instant())
                .stream()
                .map(parts::view)
                .toList();
    }

    List<ArticleView> related(ArticleView article, int max, String language) {
        if (article == null
                || article.getCategory() == null
                || article.getCategory().isBlank()) {
            return List.of();
        }
        int n = Math.max(1, Math.min(10, max));
        return latest(n + 1, article.getCategory(), language).stream()
                .filter(a -> !a.getId().equals(article.getId()))
                .limit(n)
                .toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
