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
    private transient volatile DeliveryApiServlet delegate;

    @Override
    public void init() throws ServletException {
        try {
            delegate();
        } catch (IllegalStateException e) {
            throw new ServletException(e.getMessage(), e);
        }
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        delegate().service(request, response);
    }

    private DeliveryApiServlet delegate() {
        DeliveryApiServlet current = delegate;
        if (current == null) {
            MagnoliaNews news = MagnoliaNews.get();
            current = new DeliveryApiServlet(
                    news.articles(),
                    news.messages(),
                    news.functions(),
                    news.counter(),
                    MagnoliaNews.NODE_TYPE,
                    news.clock());
            delegate = current;
        }
        return current;
    }
}
