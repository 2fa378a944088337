package io.newsroom.news.delivery;

import io.newsroom.news.views.ViewCounts;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.Property;
import javax.jcr.PropertyIterator;
import javax.jcr.PropertyType;
import javax.jcr.RepositoryException;
import javax.jcr.Value;

/**
 * A JCR node as Magnolia's delivery endpoint writes it: {@code @name}, {@code @path}, {@code @id},
 * {@code @nodeType}, then every property as a string (multi-values as arrays of strings, dates as
 * ISO-8601 with milliseconds and offset), then each child inline under its name, then
 * {@code @nodes}, the ordered child names. {@code jcr:} properties and binaries are left out, and
 * so are the account names Magnolia stamps on content ({@code mgnl:createdBy} and every other
 * {@code mgnl:...By}): the endpoint is public, and user names help whoever guesses passwords.
 * Articles also carry {@code views}, which Magnolia's endpoint does not have.
 */
public final class DeliveryJson {
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX", Locale.ROOT);

    private final ZoneId siteZone;
    private final String articleType;
    private final ViewCounts views;

    /** Article nodes ({@code articleType}) also get {@code views}: their view count, as a string like every value. */
    public DeliveryJson(ZoneId siteZone, String articleType, ViewCounts views) {
        this.siteZone = siteZone;
        this.articleType = articleType;
        this.views = views;
    }

    /**
     * An article node's JSON as a reader of {@code language} gets it, the way Magnolia's delivery endpoint
     * answers a {@code lang}: each translated field ({@code title}...) holds its value in that language.
     */
    public static Map<String, Object> localized(Map<String, Object> node, String language) {
        Map<String, Object> shown = new LinkedHashMap<>(node);
        for (String field : io.newsroom.news.article.Translation.TEXT_FIELDS) {
            String stored = io.newsroom.news.article.Translation.property(field, language);
            if (shown.containsKey(stored)) {
                shown.put(field, shown.get(stored));
            } else {
                shown.remove(field);
            }
        }
        return shown;
    }

    public Map<String, Object> node(Node node) throws RepositoryException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("@name", node.getDepth() == 0 ? "" : node.getName());
        json.put("@path", node.getPath());
        json.put("@id", node.getIdentifier());
        json.put("@nodeType", node.getPrimaryNodeType().getName());
        PropertyIterator properties = node.getProperties();
        while (properties.hasNext()) {
            Property property = properties.nextProperty();
            if (property.getName().startsWith("jcr:")
                    || property.getType() == PropertyType.BINARY
                    || isAccountName(property.getName())) {
                continue;
            }
            json.put(
                    property.getName(),
                    property.isMultiple() ? strings(property.getValues()) : string(property.getValue()));
        }
        if (node.isNodeType(articleType)) {
            json.put("views", String.valueOf(views.views(node.getIdentifier())));
        }
        List<String> childNames = new ArrayList<>();
        NodeIterator children = node.getNodes();
        while (children.hasNext()) {
            Node child = children.nextNode();
            if (child.getName().startsWith("jcr:")) {
                continue;
            }
            childNames.add(child.getName());
            json.put(child.getName(), node(child));
        }
        json.put("@nodes", childNames);
        return json;
    }

    private static boolean isAccountName(String property) {
        return property.startsWith("mgnl:") && property.endsWith("By");
    }

    private List<String> strings(Value[] values) throws RepositoryException {
        List<String> out = new ArrayList<>(values.length);
        for (Value value : values) {
            out.add(string(value));
        }
        return out;
    }

    private String string(Value value) throws RepositoryException {
        if (value.getType() == PropertyType.DATE) {
            return ISO_MILLIS.format(value.getDate().toInstant().atZone(siteZone));
        }
        return value.getString();
    }
}
