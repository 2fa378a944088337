package io.newsroom.news.magnolia;

import io.newsroom.news.views.ViewBeaconServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The counting endpoint as declared in the module descriptor: Magnolia creates it with its public
 * no-argument constructor. It only uses the counter {@link MagnoliaNews} owns. Its {@code init()} does
 * no JCR work (Magnolia initialises the filter chain inside its own system context), and its
 * {@code destroy()} leaves the counter running: Magnolia initialises a new filter chain before it
 * destroys the old one on another thread.
 */
public class MagnoliaViewBeaconServlet extends ViewBeaconServlet {
    public MagnoliaViewBeaconServlet() {
        super(() -> MagnoliaNews.get().counter());
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!NotRunning.answered(response)) {
            super.service(request, response);
        }
    }

    @Override
    public void destroy() {
        // Nothing to stop: the counter outlives this servlet (see MagnoliaNews).
    }
}
