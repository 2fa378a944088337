package io.newsroom.news.magnolia;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** What the module's servlets answer while the module is not running: 503, and why, in the error shape of the endpoints. */
final class NotRunning {
    private NotRunning() {}

    /** True (and the 503 sent) when the module is not running. */
    static boolean answered(HttpServletResponse response) throws IOException {
        if (MagnoliaNews.running()) {
            return false;
        }
        response.setStatus(503);
        response.setHeader("Retry-After", "30");
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write("{\"error\":{\"code\":\"notRunning\"}}");
        return true;
    }
}
