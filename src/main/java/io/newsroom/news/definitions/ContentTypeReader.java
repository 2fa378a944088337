package io.newsroom.news.definitions;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a content type definition in Magnolia's YAML format. Fails with a message naming the
 * file and the offending key, because a broken definition must stop start-up, not half-work.
 */
public final class ContentTypeReader {

    private ContentTypeReader() {}

    public static ContentTypeDefinition read(String name, InputStream yaml) throws IOException {
        try (Reader reader = new InputStreamReader(yaml, StandardCharsets.UTF_8)) {
            Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            return fromTree(name, root);
        } catch (YAMLException e) {
            throw new IllegalArgumentException("Content type '" + name + "' is not valid YAML: " + e.getMessage(), e);
        }
    }

    private static ContentTypeDefinition fromTree(String name, Object root) {
        Map<?, ?> top = map(root, name, "(root)");
        Map<?, ?> datasource = map(top.get("datasource"), name, "datasource");
        Map<?, ?> model = map(top.get("model"), name, "model");

        String workspace = text(datasource.get("workspace"), name, "datasource.workspace");
        boolean autoCreate = Boolean.parseBoolean(String.valueOf(datasource.get("autoCreate")));
        Map<String, String> namespaces = new LinkedHashMap<>();
        Object ns = datasource.get("namespaces");
        if (ns != null) {
            map(ns, name, "datasource.namespaces")
                    .forEach((k, v) -> namespaces.put(String.valueOf(k), String.valueOf(v)));
        }
        String nodeType = text(model.get("nodeType"), name, "model.nodeType");

        Object rawProperties = model.get("properties");
        if (!(rawProperties instanceof List<?> list)) {
            throw new IllegalArgumentException("Content type '" + name + "': model.properties must be a list");
        }
        List<ContentTypeProperty> properties = new ArrayList<>();
        for (Object entry : list) {
            Map<?, ?> p = map(entry, name, "model.properties[]");
            String propertyName = text(p.get("name"), name, "model.properties[].name");
            Object type = p.get("type");
            properties.add(new ContentTypeProperty(
                    propertyName,
                    PropertyType.fromYaml(type == null ? null : String.valueOf(type)),
                    Boolean.TRUE.equals(p.get("required")),
                    Boolean.TRUE.equals(p.get("multiple"))));
        }
        return new ContentTypeDefinition(
                name, workspace, autoCreate, Map.copyOf(namespaces), nodeType, List.copyOf(properties));
    }

    private static Map<?, ?> map(Object value, String file, String key) {
        if (value instanceof Map<?, ?> m) {
            return m;
        }
        throw new IllegalArgumentException("Content type '" + file + "': '" + key + "' must be a mapping");
    }

    private static String text(Object value, String file, String key) {
        if (value == null || String.valueOf(value).isBlank()) {
            throw new IllegalArgumentException("Content type '" + file + "': '" + key + "' is missing");
        }
        return String.valueOf(value).trim();
    }
}
