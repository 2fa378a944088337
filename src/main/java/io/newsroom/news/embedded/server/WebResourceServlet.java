package io.newsroom.news.embedded.server;

import io.newsroom.news.definitions.LightModule;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code /.resources/news/webresources/...}: the light module's CSS and scripts, at the address
 * Magnolia serves a light module's web resources from.
 */
public final class WebResourceServlet extends ReadOnlyServlet {
    public static final String PATH = "/.resources/news/webresources";
    private static final Pattern SAFE = Pattern.compile("(/[A-Za-z0-9_-][A-Za-z0-9._-]*)+");
    private static final Map<String, String> TYPES = Map.of(
            "css",
            "text/css;charset=UTF-8",
            "js",
            "text/javascript;charset=UTF-8",
            "svg",
            "image/svg+xml",
            "png",
            "image/png",
            "jpg",
            "image/jpeg",
            "webp",
            "image/webp",
            "woff2",
            "font/woff2",
            "ico",
            "image/x-icon");

    private final transient LightModule module;

    /** A short hash of a resource's content, the {@code v} of its fingerprinted address. */
    public static String fingerprint(byte[] content) {
        return ConditionalResponse.etag(content).substring(1, 11);
    }

    /** The fingerprint of the light module's web resource {@code path} ({@code css/news.css}); null when there is none. */
    public static String fingerprint(LightModule module, String path) {
        String file = "webresources/" + path;
        if (path == null || !SAFE.matcher("/" + path).matches() || !module.exists(file)) {
            return null;
        }
        try (InputStream in = module.open(file)) {
            return fingerprint(in.readAllBytes());
        } catch (IOException e) {
            return null;
        }
    }

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
        byte[] bytes;
        try (InputStream in = module.open(file)) {
            bytes = in.readAllBytes();
        }
        response.setContentType(type);
        // Asked for with its fingerprint (newsfn.resource): that content never changes at that address.
        String version = request.getParameter("v");
        boolean fingerprinted = version != null && version.equals(fingerprint(bytes));
        response.setHeader(
                "Cache-Control", fingerprinted ? "public, max-age=31536000, immutable" : "public, max-age=3600");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
