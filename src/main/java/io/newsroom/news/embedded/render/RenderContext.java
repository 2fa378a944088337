package io.newsroom.news.embedded.render;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ctx} in templates: the part of Magnolia's web context the news templates use, over the
 * real request. Parameters come from the request and from a virtual URI forward
 * ({@code ?article=/2020/10/x}), as in Magnolia.
 */
public final class RenderContext {
    private final HttpServletRequest request;
    private final Map<String, String> forwardedParameters;
    private final Locale locale;

    public RenderContext(HttpServletRequest request, Map<String, String> forwardedParameters, Locale locale) {
        this.request = request;
        this.forwardedParameters = forwardedParameters;
        this.locale = locale;
    }

    public String getParameter(String name) {
        String forwarded = forwardedParameters.get(name);
        return forwarded != null ? forwarded : request.getParameter(name);
    }

    public String getContextPath() {
        return request.getContextPath();
    }

    public HttpServletRequest getRequest() {
        return request;
    }

    public Locale getLocale() {
        return locale;
    }

    public Object getAttribute(String name) {
        return request.getAttribute(name);
    }
}
