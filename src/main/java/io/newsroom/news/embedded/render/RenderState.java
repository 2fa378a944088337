package io.newsroom.news.embedded.render;

import java.util.Locale;

/**
 * {@code state} in templates: what Magnolia's aggregation state tells about the current request,
 * as far as the news templates use it.
 *
 * @param originalURI the URI the browser asked for, with the context path and any language prefix
 * @param previewMode an editor previews the page: views are not counted
 */
public record RenderState(Locale locale, String originalURI, String currentURI, boolean previewMode) {
    public RenderState(Locale locale, String originalURI, String currentURI) {
        this(locale, originalURI, currentURI, false);
    }

    public boolean isPreviewMode() {
        return previewMode;
    }

    public Locale getLocale() {
        return locale;
    }

    public String getOriginalURI() {
        return originalURI;
    }

    public String getCurrentURI() {
        return currentURI;
    }
}
