package io.newsroom.news.templating;

import java.util.List;

/** One page of the archive list: its articles and where the previous and next pages are. */
public final class NewsListPage {
    private final List<ArticleView> items;
    private final int page;
    private final int pageCount;
    private final long total;
    private final boolean moreThanTotal;

    NewsListPage(List<ArticleView> items, int page, int pageCount, long total) {
        this(items, page, pageCount, total, false);
    }

    /** {@code moreThanTotal}: the count stopped at {@code total} (a search matching much of the archive). */
    NewsListPage(List<ArticleView> items, int page, int pageCount, long total, boolean moreThanTotal) {
        this.items = List.copyOf(items);
        this.page = page;
        this.pageCount = pageCount;
        this.total = total;
        this.moreThanTotal = moreThanTotal;
    }

    public List<ArticleView> getItems() {
        return items;
    }
    /** 1-based. */
    public int getPage() {
        return page;
    }

    public int getPageCount() {
        return pageCount;
    }

    public long getTotal() {
        return total;
    }

    /** Whether more than {@link #getTotal} match: the count stopped there. */
    public boolean isMoreThanTotal() {
        return moreThanTotal;
    }

    public boolean isHasPrevious() {
        return page > 1;
    }

    public boolean isHasNext() {
        return page < pageCount;
    }

    public int getPreviousPage() {
        return Math.max(1, page - 1);
    }

    public int getNextPage() {
        return Math.min(pageCount, page + 1);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }
}
