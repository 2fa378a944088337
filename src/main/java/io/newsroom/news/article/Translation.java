package io.newsroom.news.article;

import java.time.Instant;

/**
 * An article's version in another language than the site's own, stored as Magnolia stores the fields of
 * a content type marked {@code i18n: true}: on the article node, each property with the language as a
 * suffix ({@code title_en}, {@code lead_en}, {@code body_en}, {@code imageAlt_en}, {@code imageCaption_en}).
 * It has its own address ({@code slug_en}, in the article's month folder) and its own state: readers of
 * that language see it once it is published ({@code published_en}), whatever the state of the article in
 * the site's language. The image, its credit, the dates, the category and the author are the article's.
 *
 * @param slug        the last part of its address, unique among the folder's articles in that language
 * @param publication published or a draft, and when and by whom it last changed
 */
public record Translation(
        String language,
        String title,
        String lead,
        String body,
        String imageAlt,
        String imageCaption,
        String slug,
        Publication publication) {

    /** The one language besides Vietnamese that articles are translated into (the embedded site's two). */
    public static final String ENGLISH = "en";

    public static final String SLUG = "slug";
    public static final String PUBLISHED = "published";
    public static final String PUBLISHED_AT = "publishedAt";
    public static final String PUBLISHED_BY = "publishedBy";
    /** The properties of a translation, as their base names; stored as {@code <name>_<language>}. */
    public static final java.util.List<String> TEXT_FIELDS =
            java.util.List.of("title", "lead", "body", "imageAlt", "imageCaption");

    /** The stored name of {@code field} in {@code language}: {@code title_en}. */
    public static String property(String field, String language) {
        return field + "_" + language;
    }

    /** Whether {@code property} is one a translation stores ({@code title_en}, {@code published_en}...). */
    public static boolean isStoredProperty(String property) {
        int cut = property.lastIndexOf('_');
        if (cut < 0 || !Article.isTranslatedLanguage(property.substring(cut + 1))) {
            return false;
        }
        String field = property.substring(0, cut);
        return TEXT_FIELDS.contains(field) || field.equals(SLUG) || field.equals(PUBLISHED);
    }

    /** Draft, scheduled (waiting for the article's posted date), published or published and edited since. */
    public Publication.State state(Instant now, Instant postedDate, Instant lastModified) {
        return publication.stateAt(now, postedDate, lastModified);
    }
}
