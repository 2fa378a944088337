package io.newsroom.news.embedded.server;

import io.newsroom.news.assets.ImageAssets;
import io.newsroom.news.embedded.renditions.ImageRenditions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.jcr.RepositoryException;

/**
 * {@code /.imaging/mte/news/<rendition>/dam/jcr:<id>/<name>}: an image's rendition, at the address
 * Magnolia's imaging module gives a theme's variation. An asset never changes under its id (a new
 * upload is a new asset), so the answer may be kept for a year.
 */
public final class RenditionServlet extends ReadOnlyServlet {
    private static final Pattern ADDRESS = Pattern.compile("/" + ImageRenditions.THEME + "/([a-zA-Z0-9_-]{1,40})"
            + ImageAssets.DAM_PATH + "/(jcr:[0-9a-fA-F-]{36})(/[^/]*)?");
    private final transient ImageRenditions renditions;

    public RenditionServlet(ImageRenditions renditions) {
        this.renditions = renditions;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher address = ADDRESS.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!address.matches()) {
            response.sendError(404);
            return;
        }
        try {
            Optional<ImageRenditions.Rendered> rendition = renditions.rendition(address.group(2), address.group(1));
            if (rendition.isEmpty()) {
                response.sendError(404);
                return;
            }
            response.setContentType(rendition.get().mimeType());
            response.setHeader("Cache-Control", "public, max-age=31536000, immutable");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setContentLengthLong(Files.size(rendition.get().file()));
            Files.copy(rendition.get().file(), response.getOutputStream());
        } catch (RepositoryException e) {
            response.sendError(404);
        }
    }
}
