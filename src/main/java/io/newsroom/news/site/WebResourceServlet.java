package io.newsroom.news.site;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /.resources/news/webresources/...}: the light module's CSS and scripts, at the address
 * Magnolia serves a light module's web resources from.
 */
public final class WebResourceServlet extends ReadOnlyServlet {
    public static final String PATH = "/.resources/news/webresources";
    private static final Pattern SAFE = Pattern.compile("(/[A-Za-z0-9_-][A-Za-z0-9._-]*)+");
    private static final Map<String, String> TYPES = Map.of(
            "css", "text/css;charset=UTF-8", "js", "text/javascript;charset=UTF-8", "svg", "image/svg+xml",
            "png", "image/png", "jpg", "image/jpeg", "webp", "image/webp", "woff2", "font/woff2", "ico", "image/x-icon");

    private final transient LightModule module;

    public WebResourceServlet(LightModule module) {
        this.module = module;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        String type = path == null ? null : TYPES.get(path.substring(path.lastIndexOf('.') + 1));
        String file = "webresources" + path;
        if (type == null || !SAFE.matcher(path).matches() || !module.exists(file)) {
            response.sendError(404);
            return;
        }
        response.setContentType(type);
        response.setHeader("Cache-Control", "public, max-age=3600");
        try (InputStream in = module.open(file)) {
            in.transferTo(response.getOutputStream());
        }
    }
}
