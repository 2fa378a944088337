package io.newsroom.news.site;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import org.eclipse.jetty.server.handler.ContextHandlerCollection;

import io.newsroom.news.admin.AdminWebApp;
import io.newsroom.news.views.ViewBeaconServlet;

/**
 * Jetty serving the embedded site on one port: the pages, the light module's web resources, the
 * delivery JSON API and the view-counting beacon, and the admin app at {@code /admin}.
 */
public final class SiteServer implements AutoCloseable {
    private final Server server;

    private SiteServer(Server server) {
        this.server = server;
    }

    public static SiteServer start(NewsRuntime runtime, int port) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setPort(port);
        server.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        // The same endpoint at Magnolia's delivery address and at the module's own, which is where
        // a Magnolia install serves it (see MagnoliaDeliveryServlet): one address works in both hosts.
        ServletHolder delivery = new ServletHolder("delivery", new DeliveryApiServlet(runtime));
        context.getServletHandler().addServlet(delivery);
        org.eclipse.jetty.ee10.servlet.ServletMapping deliveryPaths = new org.eclipse.jetty.ee10.servlet.ServletMapping();
        deliveryPaths.setServletName("delivery");
        deliveryPaths.setPathSpecs(new String[] {DeliveryApiServlet.PATH + "/*", DeliveryApiServlet.MODULE_PATH + "/*"});
        context.getServletHandler().addServletMapping(deliveryPaths);
        context.addServlet(new ServletHolder("webresources", new WebResourceServlet(runtime.lightModule())),
                WebResourceServlet.PATH + "/*");
        context.addServlet(new ServletHolder("dam", new DamServlet(runtime.images())), DamServlet.PATH + "/*");
        ServletHolder views = new ServletHolder("views", new ViewBeaconServlet(runtime::viewCounter));
        views.setAsyncSupported(true);
        context.addServlet(views, ViewBeaconServlet.PATH);
        context.addServlet(new ServletHolder("site", new SiteServlet(runtime)), "/");
        ContextHandlerCollection contexts = new ContextHandlerCollection();
        contexts.addHandler(AdminWebApp.create(runtime.adminContext()));
        contexts.addHandler(context);
        server.setHandler(contexts);
        server.setStopAtShutdown(false);
        server.start();
        return new SiteServer(server);
    }

    /** The port actually bound (useful when started on port 0). */
    public int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    public String baseUrl() {
        return "http://localhost:" + port();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
