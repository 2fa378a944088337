package io.newsroom.news.article;

import java.util.ArrayList;
import java.util.List;

/**
 * Which articles to list, in which order, which page. Immutable; the {@code with...} methods
 * return changed copies.
 *
 * @param text     case-insensitive substring of title or lead, or its words (the admin's search box)
 * @param words    words in title, lead or body, with or without accents, the last also as the start of
 *                 a word (the site's search box): answered by the full-text index alone, so its cost
 *                 does not grow with the number of titles as a substring's does
 * @param fullText words matched by the full-text index (the delivery API's {@code q})
 * @param ancestor only articles below this path, e.g. {@code /2020}
 * @param publication published articles only, drafts only, or all
 */
public record ArticleQuery(
        String text,
        String words,
        String fullText,
        String ancestor,
        List<PropertyFilter> filters,
        List<Sort> sort,
        long offset,
        int limit,
        Publication.Filter publication) {

    public static final int MAX_LIMIT = 1_000;

    /** One ordering key; {@code property} is an article property name. */
    public record Sort(String property, boolean descending) {
        public static Sort desc(String property) {
            return new Sort(property, true);
        }

        public static Sort asc(String property) {
            return new Sort(property, false);
        }
    }

    public ArticleQuery(
            String text,
            String fullText,
            String ancestor,
            List<PropertyFilter> filters,
            List<Sort> sort,
            long offset,
            int limit) {
        this(text, null, fullText, ancestor, filters, sort, offset, limit, Publication.Filter.ANY);
    }

    public ArticleQuery {
        publication = publication == null ? Publication.Filter.ANY : publication;
        filters = List.copyOf(filters);
        sort = List.copyOf(sort);
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }

    /** The newest articles first, {@code limit} of them. */
    public static ArticleQuery newest(int limit) {
        return new ArticleQuery(null, null, null, List.of(), List.of(Sort.desc("postedDate")), 0, limit);
    }

    public ArticleQuery withText(String newText) {
        return new ArticleQuery(newText, words, fullText, ancestor, filters, sort, offset, limit, publication);
    }

    public ArticleQuery withFullText(String indexWords) {
        return new ArticleQuery(text, words, indexWords, ancestor, filters, sort, offset, limit, publication);
    }

    /** Only articles with all these words (the last also as a prefix), as the site's search asks. */
    public ArticleQuery withWords(String searched) {
        return new ArticleQuery(text, searched, fullText, ancestor, filters, sort, offset, limit, publication);
    }

    public ArticleQuery withAncestor(String path) {
        return new ArticleQuery(text, words, fullText, path, filters, sort, offset, limit, publication);
    }

    public ArticleQuery withFilter(PropertyFilter filter) {
        List<PropertyFilter> more = new ArrayList<>(filters);
        more.add(filter);
        return new ArticleQuery(text, words, fullText, ancestor, more, sort, offset, limit, publication);
    }

    public ArticleQuery withCategory(String category) {
        return withFilter(PropertyFilter.eq("category", category));
    }

    public ArticleQuery featuredOnly() {
        return withFilter(PropertyFilter.eq("featured", Boolean.TRUE));
    }

    public ArticleQuery withSort(List<Sort> order) {
        return new ArticleQuery(text, words, fullText, ancestor, filters, order, offset, limit, publication);
    }

    /** Only what readers may see (published), or only drafts. */
    public ArticleQuery withPublication(Publication.Filter filter) {
        return new ArticleQuery(text, words, fullText, ancestor, filters, sort, offset, limit, filter);
    }

    public ArticleQuery publishedOnly() {
        return withPublication(Publication.Filter.PUBLISHED);
    }

    public ArticleQuery page(long newOffset, int newLimit) {
        return new ArticleQuery(text, words, fullText, ancestor, filters, sort, newOffset, newLimit, publication);
    }
}
