package io.newsroom.news.templating;

import java.util.List;

/** One page of the archive list: its articles and where the previous and next pages are. */
public final class NewsListPage {
    private final List<ArticleView> items;
    private final int page;
    private final int pageCount;
    private final long total;

    NewsListPage(List<ArticleView> items, int page, int pageCount, long total) {
        this.items = List.copyOf(items);
        this.page = page;
        this.pageCount = pageCount;
        this.total = total;
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
