package io.newsroom.news.templating;

import java.util.List;

/**
 * The model of one featured news block: its settings, clamped, and the articles it shows.
 * Built by {@link NewsFunctions#featuredBlock}; read by {@code featuredNews.ftl}.
 */
public final class FeaturedBlock {
    public static final String LAYOUT_LIST = "list";
    public static final String LAYOUT_LEAD = "lead";

    private final String heading;
    private final String layout;
    private final boolean showImage;
    private final boolean showDate;
    private final boolean showViews;
    private final boolean showLead;
    private final List<ArticleView> items;

    FeaturedBlock(
            String heading,
            String layout,
            boolean showImage,
            boolean showDate,
            boolean showViews,
            boolean showLead,
            List<ArticleView> items) {
        this.heading = heading;
        this.layout = layout;
        this.showImage = showImage;
        this.showDate = showDate;
        this.showViews = showViews;
        this.showLead = showLead;
        this.items = List.copyOf(items);
    }

    /** The editor's heading, or {@code null}: the template then uses the i18n default. */
    public String getHeading() {
        return heading;
    }

    public String getLayout() {
        return layout;
    }

    public boolean isShowImage() {
        return showImage;
    }

    public boolean isShowDate() {
        return showDate;
    }

    public boolean isShowViews() {
        return showViews;
    }

    public boolean isShowLead() {
        return showLead;
    }

    public List<ArticleView> getItems() {
        return items;
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }
}
