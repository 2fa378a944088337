package io.newsroom.news.templating;

import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a component's dialog values (Magnolia hands templates the component node as a map)
 * forgivingly: a value that is missing takes its default, a value out of range or of the wrong
 * kind is clamped or replaced and logged as a warning, so a bad setting never breaks a page.
 */
public final class ComponentSettings {
    private static final Logger LOG = LoggerFactory.getLogger(ComponentSettings.class);

    private final Map<?, ?> values;
    private final String component;

    public ComponentSettings(Map<?, ?> values, String component) {
        this.values = values == null ? Map.of() : values;
        this.component = component;
    }

    public int integer(String key, int fallback, int min, int max) {
        Object raw = values.get(key);
        if (raw == null || String.valueOf(raw).isBlank()) {
            return fallback;
        }
        long value;
        if (raw instanceof Number number) {
            value = number.longValue();
        } else {
            try {
                value = Long.parseLong(String.valueOf(raw).trim());
            } catch (NumberFormatException e) {
                LOG.warn("{}: {} '{}' is not a number; using {}", component, key, raw, fallback);
                return fallback;
            }
        }
        if (value < min || value > max) {
            int clamped = (int) Math.max(min, Math.min(max, value));
            LOG.warn("{}: {} {} is outside {}-{}; using {}", component, key, value, min, max, clamped);
            return clamped;
        }
        return (int) value;
    }

    public boolean flag(String key, boolean fallback) {
        Object raw = values.get(key);
        if (raw == null) {
            return fallback;
        }
        if (raw instanceof Boolean b) {
            return b;
        }
        String text = String.valueOf(raw).trim();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        LOG.warn("{}: {} '{}' is not true or false; using {}", component, key, raw, fallback);
        return fallback;
    }

    /** A trimmed string, or {@code null} when empty. */
    public String text(String key) {
        Object raw = values.get(key);
        if (raw == null) {
            return null;
        }
        String text = String.valueOf(raw).trim();
        return text.isEmpty() ? null : text;
    }

    public String choice(String key, String fallback, Set<String> allowed) {
        String text = text(key);
        if (text == null) {
            return fallback;
        }
        if (!allowed.contains(text)) {
            LOG.warn("{}: {} '{}' is not one of {}; using {}", component, key, text, allowed, fallback);
            return fallback;
        }
        return text;
    }
}
