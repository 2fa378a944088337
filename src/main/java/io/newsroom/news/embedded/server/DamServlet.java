package io.newsroom.news.embedded.server;

import io.newsroom.news.assets.ImageAssets;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import javax.jcr.RepositoryException;

/**
 * {@code /dam/jcr:<id>/<name>}: article images stored by the admin app, at the address Magnolia's
 * DAM serves assets from, so templates link images the same way in both hosts.
 */
public final class DamServlet extends ReadOnlyServlet {
    private final transient ImageAssets images;

    public DamServlet(ImageAssets images) {
        this.images = images;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null || path.length() < 2) {
            response.sendError(404);
            return;
        }
        String key = path.substring(1).split("/", 2)[0];
        try {
            Optional<ImageAssets.Image> image = images.read(key);
            if (image.isEmpty()) {
                response.sendError(404);
                return;
            }
            response.setContentType(image.get().mimeType());
            response.setHeader("Cache-Control", "public, max-age=86400");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.getOutputStream().write(image.get().data());
        } catch (RepositoryException e) {
            response.sendError(404);
        }
    }
}
