package io.newsroom.news.embedded.render;

import freemarker.cache.TemplateLoader;
import io.newsroom.news.definitions.LightModule;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/**
 * Serves FreeMarker the light module's files under the names Magnolia uses for them:
 * {@code /news/templates/pages/home.ftl} is {@code templates/pages/home.ftl} of module {@code news}.
 */
final class LightModuleTemplateLoader implements TemplateLoader {
    private static final String PREFIX = LightModule.NAME + "/";

    private final LightModule module;

    LightModuleTemplateLoader(LightModule module) {
        this.module = module;
    }

    @Override
    public Object findTemplateSource(String name) {
        if (!name.startsWith(PREFIX)) {
            return null;
        }
        String relative = name.substring(PREFIX.length());
        return module.exists(relative) ? relative : null;
    }

    @Override
    public long getLastModified(Object source) {
        return module.folder()
                .map(folder -> folder.resolve((String) source).toFile().lastModified())
                .orElse(-1L);
    }

    @Override
    public Reader getReader(Object source, String encoding) throws IOException {
        return new InputStreamReader(module.open((String) source), StandardCharsets.UTF_8);
    }

    @Override
    public void closeTemplateSource(Object source) {
        // Each reader is closed by FreeMarker; nothing else is held.
    }
}
