package io.newsroom.news.embedded.admin;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * {@code /admin/editor/...}: the admin's script files straight from their WebJars: the rich text
 * editor's two (Quill) and the views charts' one (Chart.js).
 */
public final class EditorAssetsServlet extends HttpServlet {
    public static final String PATH = "/editor";
    /** Where the views charts' library is served (relative to the admin app). */
    public static final String CHART_JS = "editor/chart.umd.min.js";

    private record Asset(String resource, String type) {}

    private static final String QUILL = "/META-INF/resources/webjars/quill/1.3.7/dist/";
    private static final String CHART = "/META-INF/resources/webjars/chart.js/4.5.1/dist/";
    private static final Map<String, Asset> FILES = Map.of(
            "/quill.min.js", new Asset(QUILL + "quill.min.js", "text/javascript;charset=UTF-8"),
            "/quill.snow.css", new Asset(QUILL + "quill.snow.css", "text/css;charset=UTF-8"),
            "/chart.umd.min.js", new Asset(CHART + "chart.umd.min.js", "text/javascript;charset=UTF-8"));

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String file = request.getPathInfo();
        Asset asset = file == null ? null : FILES.get(file);
        InputStream in = asset == null ? null : EditorAssetsServlet.class.getResourceAsStream(asset.resource());
        if (in == null) {
            response.sendError(404);
            return;
        }
        response.setContentType(asset.type());
        response.setHeader("Cache-Control", "public, max-age=86400");
        try (in) {
            in.transferTo(response.getOutputStream());
        }
    }
}
