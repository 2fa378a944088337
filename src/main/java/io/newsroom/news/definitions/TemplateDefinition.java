package io.newsroom.news.definitions;

import java.util.List;
import java.util.Map;

/**
 * A page or component template definition as the light module's YAML states it.
 *
 * @param id             {@code news:components/featuredNews}
 * @param templateScript {@code /news/templates/components/featuredNews.ftl}
 * @param areas          area name to the template ids its components may use (pages only)
 */
public record TemplateDefinition(
        String id,
        String title,
        String renderType,
        String templateScript,
        String dialog,
        Map<String, Object> parameters,
        Map<String, List<String>> areas,
        Map<String, Object> raw) {}
