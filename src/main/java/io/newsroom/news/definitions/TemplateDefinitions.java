package io.newsroom.news.definitions;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Finds template definitions by id in the light module, as Magnolia does: {@code news:pages/home}
 * is {@code templates/pages/home.yaml} of module {@code news}. Read once, then kept.
 */
public final class TemplateDefinitions {
    private static final Pattern ID = Pattern.compile("([a-zA-Z0-9-]+):((?:pages|components)/[a-zA-Z0-9/_-]+)");

    private final LightModule module;
    private final Map<String, Optional<TemplateDefinition>> cache = new ConcurrentHashMap<>();

    public TemplateDefinitions(LightModule module) {
        this.module = module;
    }

    public Optional<TemplateDefinition> byId(String id) {
        return cache.computeIfAbsent(id == null ? "" : id, this::load);
    }

    private Optional<TemplateDefinition> load(String id) {
        var m = ID.matcher(id);
        if (!m.matches() || !m.group(1).equals(LightModule.NAME)) {
            return Optional.empty();
        }
        String file = "templates/" + m.group(2) + ".yaml";
        if (!module.exists(file)) {
            return Optional.empty();
        }
        try {
            Object tree = module.yaml(file);
            if (!(tree instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException(file + " is not a YAML mapping");
            }
            return Optional.of(definition(id, file, map));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static TemplateDefinition definition(String id, String file, Map<?, ?> map) {
        String script = string(map.get("templateScript"));
        if (script == null) {
            throw new IllegalArgumentException(file + " has no templateScript");
        }
        Map<String, List<String>> areas = new LinkedHashMap<>();
        if (map.get("areas") instanceof Map<?, ?> areaMap) {
            areaMap.forEach((name, area) -> {
                List<String> ids = new ArrayList<>();
                if (area instanceof Map<?, ?> a && a.get("availableComponents") instanceof Map<?, ?> available) {
                    available.values().forEach(c -> {
                        if (c instanceof Map<?, ?> component && component.get("id") != null) {
                            ids.add(String.valueOf(component.get("id")));
                        }
                    });
                }
                areas.put(String.valueOf(name), List.copyOf(ids));
            });
        }
        Map<String, Object> parameters =
                map.get("parameters") instanceof Map<?, ?> p ? new LinkedHashMap<>((Map<String, Object>) p) : Map.of();
        return new TemplateDefinition(
                id,
                string(map.get("title")),
                string(map.get("renderType")),
                script,
                string(map.get("dialog")),
                parameters,
                areas,
                (Map<String, Object>) map);
    }

    private static String string(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
