package io.newsroom.news.embedded.server;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A servlet that only answers GET and HEAD: every other method (TRACE included, which
 * {@link HttpServlet} would otherwise echo back with the request's headers) gets 405 with
 * {@code Allow: GET, HEAD}, on the site's own error page.
 */
public abstract class ReadOnlyServlet extends HttpServlet {
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            response.setHeader("Allow", "GET, HEAD");
            response.sendError(405);
            return;
        }
        super.service(request, response);
    }
}
