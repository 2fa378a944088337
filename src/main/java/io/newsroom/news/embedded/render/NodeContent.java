package io.newsroom.news.embedded.render;

import io.newsroom.news.definitions.Messages;
import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.Property;
import javax.jcr.PropertyIterator;
import javax.jcr.PropertyType;
import javax.jcr.RepositoryException;
import javax.jcr.Value;

/**
 * A JCR node as the map templates know from Magnolia's {@code content}: its properties by name
 * (strings, booleans, longs, doubles, decimals, calendars), its child nodes by name as maps
 * again, and {@code @name}, {@code @path}, {@code @id}, {@code @nodeType}, {@code @depth}.
 * Read once when first used; a render sees one consistent state.
 */
public final class NodeContent extends AbstractMap<String, Object> {
    private final Node node;
    /** The language of the page; its own values ({@code heading_en}) stand in for the plain ones. */
    private final String language;

    private Map<String, Object> entries;

    public NodeContent(Node node) {
        this(node, null);
    }

    /**
     * The node as a page in {@code locale} reads it: as Magnolia's i18n content support does for
     * fields marked {@code i18n: true}, {@code heading_en} is {@code heading} on English pages, and the
     * plain value is the default language's and the fallback.
     */
    public NodeContent(Node node, Locale locale) {
        this.node = node;
        this.language = locale == null || locale.equals(Messages.VIETNAMESE) ? null : locale.getLanguage();
    }

    public Node node() {
        return node;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return entries().entrySet();
    }

    @Override
    public Object get(Object key) {
        return entries().get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return entries().containsKey(key);
    }

    private Map<String, Object> entries() {
        if (entries == null) {
            try {
                entries = read();
            } catch (RepositoryException e) {
                throw new IllegalStateException("Cannot read " + safePath(), e);
            }
        }
        return entries;
    }

    private Map<String, Object> read() throws RepositoryException {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("@name", node.getDepth() == 0 ? "" : node.getName());
        map.put("@path", node.getPath());
        map.put("@id", node.getIdentifier());
        map.put("@nodeType", node.getPrimaryNodeType().getName());
        map.put("@depth", node.getDepth());
        for (PropertyIterator it = node.getProperties(); it.hasNext(); ) {
            Property property = it.nextProperty();
            if (property.getType() == PropertyType.BINARY || property.isMultiple()) {
                continue;
            }
            map.put(property.getName(), value(property.getValue()));
        }
        if (language != null) {
            String suffix = "_" + language;
            for (String name : List.copyOf(map.keySet())) {
                if (name.endsWith(suffix)
                        && name.length() > suffix.length()
                        && map.get(name) instanceof String text
                        && !text.isBlank()) {
                    map.put(name.substring(0, name.length() - suffix.length()), text);
                }
            }
        }
        for (NodeIterator it = node.getNodes(); it.hasNext(); ) {
            Node child = it.nextNode();
            map.putIfAbsent(
                    child.getName(), new NodeContent(child, language == null ? null : Locale.forLanguageTag(language)));
        }
        return map;
    }

    private static Object value(Value value) throws RepositoryException {
        return switch (value.getType()) {
            case PropertyType.BOOLEAN -> value.getBoolean();
            case PropertyType.LONG -> value.getLong();
            case PropertyType.DOUBLE -> value.getDouble();
            case PropertyType.DECIMAL -> value.getDecimal();
            case PropertyType.DATE -> value.getDate();
            default -> value.getString();
        };
    }

    private String safePath() {
        try {
            return node.getPath();
        } catch (RepositoryException e) {
            return "(unknown node)";
        }
    }
}
