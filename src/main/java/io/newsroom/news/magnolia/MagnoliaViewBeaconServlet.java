package io.newsroom.news.magnolia;

import jakarta.servlet.ServletException;

import io.newsroom.news.views.ViewBeaconServlet;

/**
 * The counting endpoint as declared in the module descriptor: Magnolia creates it with its public
 * no-argument constructor and runs {@code init}/{@code destroy} with the webapp, which start the
 * module's counter and save what is pending at shutdown.
 */
public class MagnoliaViewBeaconServlet extends ViewBeaconServlet {
    public MagnoliaViewBeaconServlet() {
        super(() -> MagnoliaNews.get().counter());
    }

    @Override
    public void init() throws ServletException {
        try {
            MagnoliaNews.get();
        } catch (IllegalStateException e) {
            throw new ServletException(e.getMessage(), e);
        }
    }

    @Override
    public void destroy() {
        MagnoliaNews.shutdown();
    }
}
