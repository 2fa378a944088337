package io.newsroom.news.templating;

import java.util.List;

/** The model of the most-read block: its settings and the articles with their view counts. */
public final class MostReadBlock {
    /** One entry: the article and how often it was read in the period. */
    public static final class Entry {
        private final ArticleView article;
        private final long views;

        Entry(ArticleView article, long views) {
            this.article = article;
            this.views = views;
        }

        public ArticleView getArticle() {
            return article;
        }

        public long getViews() {
            return views;
        }
    }

    private final String heading;
    private final String period;
    private final List<Entry> items;

    MostReadBlock(String heading, String period, List<Entry> items) {
        this.heading = heading;
        this.period = period;
        this.items = List.copyOf(items);
    }

    public String getHeading() {
        return heading;
    }
    /** {@code today}, {@code 7d}, {@code 30d} or {@code all}. */
    public String getPeriod() {
        return period;
    }

    public List<Entry> getItems() {
        return items;
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }
}
