package io.newsroom.news.site;

import java.util.Locale;

/**
 * {@code state} in templates: what Magnolia's aggregation state tells about the current request,
 * as far as the news templates use it.
 *
 * @param originalURI the URI the browser asked for, with the context path and any language prefix
 */
public record RenderState(Locale locale, String originalURI, String currentURI) {
    public Locale getLocale() { return locale; }
    public String getOriginalURI() { return originalURI; }
    public String getCurrentURI() { return currentURI; }
}
