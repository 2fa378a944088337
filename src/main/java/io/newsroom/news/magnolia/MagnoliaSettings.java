package io.newsroom.news.magnolia;

import java.lang.reflect.Method;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The module's settings in Magnolia: from the webapp's own {@code magnolia.properties}
 * ({@code MagnoliaConfigurationProperties.getProperty}, through {@code Components}), else a JVM system
 * property of the same name, else the default. Per webapp first, because an author and a public
 * instance often share one servlet container (and so its system properties) while each needs its
 * own journal folder.
 */
final class MagnoliaSettings {
    static final String PROPERTIES = "info.magnolia.init.MagnoliaConfigurationProperties";
    private static final Logger LOG = LoggerFactory.getLogger(MagnoliaSettings.class);

    private final Object properties;
    private final Method getProperty;

    private MagnoliaSettings(Object properties, Method getProperty) {
        this.properties = properties;
        this.getProperty = getProperty;
    }

    static MagnoliaSettings find(ClassLoader loader) {
        try {
            Class<?> type = Class.forName(PROPERTIES, true, loader);
            Object properties = Class.forName(SiteLanguagesOfMagnolia.COMPONENTS, true, loader)
                    .getMethod("getComponent", Class.class)
                    .invoke(null, type);
            return new MagnoliaSettings(properties, type.getMethod("getProperty", String.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn(
                    "Cannot read magnolia.properties ({}); the news module's settings come from system properties",
                    e.toString());
            return new MagnoliaSettings(null, null);
        }
    }

    /** The setting {@code key}, or {@code fallback} when neither magnolia.properties nor the JVM sets it (or it is blank). */
    String get(String key, String fallback) {
        String value = null;
        if (properties != null) {
            try {
                value = (String) getProperty.invoke(properties, key);
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOG.warn("Reading {} from magnolia.properties failed: {}", key, e.toString());
            }
        }
        if (value == null || value.isBlank()) {
            value = System.getProperty(key);
        }
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    /** The folder of the view journal: {@code newsroom.news.views.journal}, else {@code <magnolia.home>/news-views-journal}. */
    Path journalFolder() {
        String configured = get("newsroom.news.views.journal", null);
        if (configured != null) {
            return Path.of(configured);
        }
        return Path.of(get("magnolia.home", System.getProperty("java.io.tmpdir")), "news-views-journal");
    }

    /**
     * Where the archive index is kept between starts: beside this instance's view journal folder
     * ({@code news-views-journal-archive-index.bin}), which is this instance's own (its lock sees to that),
     * so an author and its publics never read each other's.
     */
    Path archiveSnapshot() {
        Path journal = journalFolder().toAbsolutePath();
        return journal.resolveSibling(journal.getFileName() + "-archive-index.bin");
    }
}
