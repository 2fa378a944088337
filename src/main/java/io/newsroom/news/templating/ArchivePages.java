package io.newsroom.news.templating;

import io.newsroom.news.archive.ArchivePage;
import io.newsroom.news.article.Article;
import io.newsroom.news.article.ArticleQuery;
import io.newsroom.news.article.PropertyFilter;
import io.newsroom.news.article.ResultPage;
import io.newsroom.news.article.Slugs;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import javax.jcr.RepositoryException;

/** The paged lists readers browse: the archive, a category's archive and the site's search. */
final class ArchivePages {
    static final int LIST_DEFAULT_SIZE = 10;
    static final int LIST_MAX_SIZE = 50;
    private static final int SEARCH_MAX_CHARS = 100;
    /** The most search results counted (and paged through): "more than 1,000" beyond. */
    static final int SEARCH_COUNT_CAP = 1_000;
    /** The windows of newest years a search asks before the whole archive. */
    private static final int[] SEARCH_WINDOWS = {1, 5};

    private static final int MAX_PAGE = 100_000;

    private final TemplatingParts parts;

    ArchivePages(TemplatingParts parts) {
        this.parts = parts;
    }

    NewsListPage newsList(Map<?, ?> component, Object page, String categorySlug, String language)
            throws RepositoryException {
        ComponentSettings settings = new ComponentSettings(component, "newsList");
        int size = settings.integer("pageSize", LIST_DEFAULT_SIZE, 1, LIST_MAX_SIZE);
        String category = settings.text("category");
        if (category == null && categorySlug != null && !categorySlug.isBlank()) {
            category = category(categorySlug);
        }
        if (parts.archive().ready()) {
            return fromIndex(category, size, page, language);
        }
        return page(
                parts.audience()
                        .visibleAt(
                                ArticleQuery.newest(size),
                                language,
                                parts.clock().instant()),
                category,
                size,
                page,
                language);
    }

    /** A page of the newest listing as the archive index has it: the page's articles are the only nodes read. */
    private NewsListPage fromIndex(String category, int size, Object page, String language) throws RepositoryException {
        int requested = pageNumber(page);
        boolean publishedOnly = parts.audience().publishedOnly()
                || (language != null && parts.audience() == io.newsroom.news.article.Audience.PUBLIC_INSTANCE);
        Instant now = parts.clock().instant();
        ArchivePage result =
                parts.archive().page(publishedOnly, category, language, now, (long) (requested - 1) * size, size);
        int pageCount = (int) Math.max(1, (result.total() + size - 1) / size);
        if (requested > pageCount) {
            requested = pageCount;
            result = parts.archive().page(publishedOnly, category, language, now, (long) (requested - 1) * size, size);
        }
        List<ArticleView> views = parts.articles().findAllById(result.ids()).stream()
                .flatMap(article -> parts.audience().inLanguage(article, language, now).stream())
                .map(parts::view)
                .toList();
        return new NewsListPage(views, requested, pageCount, result.total());
    }

    NewsListPage search(String words, Object page, String language) throws RepositoryException {
        if (words == null || words.isBlank()) {
            return new NewsListPage(List.of(), 1, 1, 0);
        }
        String limited = words.strip().length() > SEARCH_MAX_CHARS
                ? words.strip().substring(0, SEARCH_MAX_CHARS)
                : words.strip();
        Instant now = parts.clock().instant();
        // In English, the articles with a visible English version whose words (in either language) match.
        ArticleQuery everything = parts.audience()
                .visibleAt(ArticleQuery.newest(LIST_DEFAULT_SIZE).withWords(limited), language, now);
        // Counted up to a cap: words found in much of a large archive would otherwise mean reading every hit.
        // The newest years are asked first: when they alone hold more than the cap, they hold every result
        // shown, and the index sorts their hits instead of the whole archive's.
        ArticleQuery query = everything;
        long counted = -1;
        for (int years : SEARCH_WINDOWS) {
            ArticleQuery recent = everything.withFilter(new PropertyFilter(
                    "postedDate",
                    PropertyFilter.Operator.GTE,
                    List.of(now.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(365L * years)))));
            long inWindow = parts.articles().countUpTo(recent, SEARCH_COUNT_CAP);
            if (inWindow > SEARCH_COUNT_CAP) {
                query = recent;
                counted = inWindow;
                break;
            }
        }
        if (counted < 0) {
            counted = parts.articles().countUpTo(everything, SEARCH_COUNT_CAP);
        }
        boolean more = counted > SEARCH_COUNT_CAP;
        long total = Math.min(counted, SEARCH_COUNT_CAP);
        int pageCount = (int) Math.max(1, (total + LIST_DEFAULT_SIZE - 1) / LIST_DEFAULT_SIZE);
        int requested = Math.min(pageNumber(page), pageCount);
        List<Article> items =
                parts.articles().items(query.page((long) (requested - 1) * LIST_DEFAULT_SIZE, LIST_DEFAULT_SIZE));
        return new NewsListPage(
                items.stream()
                        .flatMap(article -> parts.audience().inLanguage(article, language, now).stream())
                        .map(parts::view)
                        .toList(),
                requested,
                pageCount,
                total,
                more);
    }

    String category(String slug) throws RepositoryException {
        if (slug == null || slug.isBlank()) {
            return null;
        }
        if (parts.archive().ready()) {
            return parts.archive().categoryBySlug(slug).orElse(null);
        }
        for (String name : parts.articles().categories()) {
            if (Slugs.fromTitle(name).equals(slug)) {
                return name;
            }
        }
        return null;
    }

    private NewsListPage page(ArticleQuery visible, String category, int size, Object page, String language)
            throws RepositoryException {
        int requested = pageNumber(page);
        ArticleQuery query = category != null ? visible.withCategory(category) : visible;
        ResultPage<Article> result = parts.articles().list(query.page((long) (requested - 1) * size, size));
        int pageCount = (int) Math.max(1, (result.total() + size - 1) / size);
        if (requested > pageCount) {
            requested = pageCount;
            result = parts.articles().list(query.page((long) (requested - 1) * size, size));
        }
        Instant now = parts.clock().instant();
        return new NewsListPage(
                result.items().stream()
                        .flatMap(article -> parts.audience().inLanguage(article, language, now).stream())
                        .map(parts::view)
                        .toList(),
                requested,
                pageCount,
                result.total());
    }

    private static int pageNumber(Object page) {
        if (page == null) {
            return 1;
        }
        try {
            long n = Long.parseLong(String.valueOf(page).trim());
            return n < 1 || n > MAX_PAGE ? 1 : (int) n;
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
