package io.newsroom.news.magnolia;

import io.newsroom.news.delivery.DeliveryApiServlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The module's read-only JSON endpoint in Magnolia ({@code /.news/delivery/news}), declared in the
 * module descriptor like the view beacon. Magnolia's configurable delivery endpoint cannot leave out
 * articles whose posted date has not come, and with {@code bypassWorkspaceAcls} it would serve them
 * (and editors' account names) to anyone; this one serves exactly what the site shows, in the same
 * JSON as the embedded runtime's {@code /.rest/delivery/news}.
 */
public class MagnoliaDeliveryServlet extends HttpServlet {
    public static final String PATH = DeliveryApiServlet.MODULE_PATH;
    private transient volatile Endpoint endpoint;

    // No init(): Magnolia initialises the filter chain inside its own system context, so the servlet
    // does no JCR work then; it builds its endpoint on the first request the running module serves.

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        if (!NotRunning.answered(response)) {
            delegate().service(request, response);
        }
    }

    /** The endpoint over the running module's parts; made again when the module was restarted. */
    private DeliveryApiServlet delegate() {
        MagnoliaNews news = MagnoliaNews.get();
        Endpoint current = endpoint;
        if (current == null || current.owner() != news) {
            current = new Endpoint(
                    news,
                    new DeliveryApiServlet(
                            news.articles(),
                            news.module().archive(),
                            news.messages(),
                            news.functions(),
                            news.counter(),
                            MagnoliaNews.NODE_TYPE,
                            news.clock(),
                            news.module().readers()));
            endpoint = current;
        }
        return current.servlet();
    }

    private record Endpoint(MagnoliaNews owner, DeliveryApiServlet servlet) {}
}
