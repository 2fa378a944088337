package io.newsroom.news.article;

import io.newsroom.news.definitions.PropertyType;
import java.util.Optional;

/**
 * The article's properties as the Java model knows them. {@code contentTypes/article.yaml} is the
 * source of truth; a test fails when this list and the YAML disagree on a name, type or "required".
 */
public enum ArticleField {
    TITLE("title", PropertyType.STRING, true),
    LEAD("lead", PropertyType.STRING, false),
    BODY("body", PropertyType.RICH_TEXT, false),
    IMAGE("image", PropertyType.ASSET, false),
    IMAGE_ALT("imageAlt", PropertyType.STRING, false),
    IMAGE_CAPTION("imageCaption", PropertyType.STRING, false),
    IMAGE_CREDIT("imageCredit", PropertyType.STRING, false),
    POSTED_DATE("postedDate", PropertyType.DATE, true),
    CATEGORY("category", PropertyType.STRING, false),
    AUTHOR("author", PropertyType.STRING, false),
    FEATURED("featured", PropertyType.BOOLEAN, false),
    FEATURED_RANK("featuredRank", PropertyType.LONG, false),
    FEATURED_FROM("featuredFrom", PropertyType.DATE, false),
    FEATURED_UNTIL("featuredUntil", PropertyType.DATE, false),
    UNPUBLISH_DATE("unpublishDate", PropertyType.DATE, false);

    private final String propertyName;
    private final PropertyType type;
    private final boolean required;

    ArticleField(String propertyName, PropertyType type, boolean required) {
        this.propertyName = propertyName;
        this.type = type;
        this.required = required;
    }

    /** The JCR property name, also the field name in dialogs, forms and JSON. */
    public String propertyName() {
        return propertyName;
    }

    public PropertyType type() {
        return type;
    }

    public boolean required() {
        return required;
    }

    public static Optional<ArticleField> byPropertyName(String name) {
        for (ArticleField field : values()) {
            if (field.propertyName.equals(name)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }
}
