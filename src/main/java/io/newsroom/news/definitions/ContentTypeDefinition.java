package io.newsroom.news.definitions;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a Magnolia content type YAML says about storage: workspace, namespaces, node type and
 * properties. Read by {@link ContentTypeReader}; the embedded runtime registers node type and
 * workspace from it the way Magnolia's {@code autoCreate} does.
 */
public record ContentTypeDefinition(
        String name,
        String workspace,
        boolean autoCreate,
        Map<String, String> namespaces,
        String nodeType,
        List<ContentTypeProperty> properties) {

    public Optional<ContentTypeProperty> property(String propertyName) {
        return properties.stream().filter(p -> p.name().equals(propertyName)).findFirst();
    }

    /** The namespace prefix of the node type, e.g. {@code news} for {@code news:article}. */
    public String nodeTypePrefix() {
        int colon = nodeType.indexOf(':');
        return colon < 0 ? "" : nodeType.substring(0, colon);
    }
}
