package io.newsroom.news.magnolia;

import io.newsroom.news.views.ViewBeaconServlet;
import jakarta.servlet.ServletException;

/**
 * The counting endpoint as declared in the module descriptor: Magnolia creates it with its public
 * no-argument constructor. It only uses the counter {@link MagnoliaNews} owns: Magnolia initialises a
 * new filter chain (a new instance of this servlet) before it destroys the old one on another thread,
 * so {@code destroy()} must leave the counter running.
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
        // Nothing to stop: the counter outlives this servlet (see MagnoliaNews).
    }
}
