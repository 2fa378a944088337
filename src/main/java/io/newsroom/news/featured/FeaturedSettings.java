package io.newsroom.news.featured;

/**
 * What a featured block asks for, already clamped to sane values.
 *
 * @param category       only this category, or {@code null} for all
 * @param fillWithLatest when fewer articles are featured than asked, add the newest others
 */
public record FeaturedSettings(int maxItems, String category, boolean fillWithLatest) {
    public static final int MIN_ITEMS = 1;
    public static final int MAX_ITEMS = 20;
    public static final int DEFAULT_ITEMS = 5;

    public FeaturedSettings {
        if (maxItems < MIN_ITEMS || maxItems > MAX_ITEMS) {
            throw new IllegalArgumentException("maxItems must be from " + MIN_ITEMS + " to " + MAX_ITEMS);
        }
        if (category != null && category.isBlank()) {
            category = null;
        }
    }
}
