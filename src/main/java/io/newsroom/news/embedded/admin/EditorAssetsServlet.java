package io.newsroom.news.embedded.admin;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/** {@code /admin/editor/...}: the rich text editor's two files, straight from Quill's WebJar. */
public final class EditorAssetsServlet extends HttpServlet {
    public static final String PATH = "/editor";
    private static final String WEBJAR = "/META-INF/resources/webjars/quill/1.3.7/dist/";
    private static final Map<String, String> FILES = Map.of(
            "/quill.min.js", "text/javascript;charset=UTF-8",
            "/quill.snow.css", "text/css;charset=UTF-8");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String file = request.getPathInfo();
        String type = file == null ? null : FILES.get(file);
        InputStream in =
                type == null ? null : EditorAssetsServlet.class.getResourceAsStream(WEBJAR + file.substring(1));
        if (in == null) {
            response.sendError(404);
            return;
        }
        response.setContentType(type);
        response.setHeader("Cache-Control", "public, max-age=86400");
        try (in) {
            in.transferTo(response.getOutputStream());
        }
    }
}
