package io.newsroom.news.definitions;

import java.util.Locale;

/**
 * The property types a Magnolia content type model may name, and the JCR type each is stored as.
 * {@code richText} and {@code asset} are strings in JCR (HTML, and an asset key such as {@code jcr:<uuid>}).
 */
public enum PropertyType {
    STRING("String", javax.jcr.PropertyType.STRING),
    RICH_TEXT("richText", javax.jcr.PropertyType.STRING),
    ASSET("asset", javax.jcr.PropertyType.STRING),
    BOOLEAN("Boolean", javax.jcr.PropertyType.BOOLEAN),
    LONG("Long", javax.jcr.PropertyType.LONG),
    DOUBLE("Double", javax.jcr.PropertyType.DOUBLE),
    DECIMAL("Decimal", javax.jcr.PropertyType.DECIMAL),
    DATE("Date", javax.jcr.PropertyType.DATE);

    private final String yamlName;
    private final int jcrType;

    PropertyType(String yamlName, int jcrType) {
        this.yamlName = yamlName;
        this.jcrType = jcrType;
    }

    public String yamlName() {
        return yamlName;
    }

    public int jcrType() {
        return jcrType;
    }

    /** The CND spelling of the JCR type, e.g. {@code DATE}. */
    public String cndType() {
        return javax.jcr.PropertyType.nameFromValue(jcrType).toUpperCase(Locale.ROOT);
    }

    /** Reads a YAML {@code type:}; a missing type means String, as in Magnolia. */
    public static PropertyType fromYaml(String name) {
        if (name == null || name.isBlank()) {
            return STRING;
        }
        for (PropertyType type : values()) {
            if (type.yamlName.equals(name.trim())) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown content type property type '" + name
                + "'; expected one of String, richText, asset, Boolean, Long, Double, Decimal, Date");
    }
}
