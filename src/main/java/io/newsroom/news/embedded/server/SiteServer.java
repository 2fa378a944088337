package io.newsroom.news.embedded.server;

import io.newsroom.news.assets.ImageAssets;
import io.newsroom.news.delivery.DeliveryApiServlet;
import io.newsroom.news.embedded.admin.AdminWebApp;
import io.newsroom.news.embedded.admin.AnonymousSessions;
import io.newsroom.news.embedded.renditions.ImageRenditions;
import io.newsroom.news.publishing.Previews;
import io.newsroom.news.views.ViewBeaconServlet;
import java.io.IOException;
import java.time.Clock;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.servlet.ServletMapping;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.server.handler.SizeLimitHandler;

/**
 * Jetty serving the embedded site on one port: the pages, the light module's web resources, the
 * delivery JSON API and the view-counting beacon, and the admin app at {@code /admin}.
 */
public final class SiteServer implements AutoCloseable {
    /** The largest request body the admin app takes: an image of the upload limit with its form around it. */
    static final long ADMIN_BODY_LIMIT = ImageAssets.MAX_BYTES + 1024 * 1024;
    /** The largest request body the site takes (beacons are at most 1 KB). */
    static final long SITE_BODY_LIMIT = 64 * 1024;

    private final Server server;
    private AnonymousSessions adminSessions;

    private SiteServer(Server server) {
        this.server = server;
    }

    public static SiteServer start(NewsRuntime runtime, int port) throws Exception {
        return bind(port).serve(runtime);
    }

    /**
     * Takes the port before anything else happens, so a start that cannot have it fails before it
     * creates demo content or an admin account.
     *
     * @throws java.io.IOException naming the port when it is taken
     */
    public static SiteServer bind(int port) throws Exception {
        Server server = new Server();
        // No version in a Server header, no X-Powered-By: nothing that tells an attacker what to try.
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setPort(port);
        server.addConnector(connector);
        try {
            connector.open();
        } catch (IOException e) {
            throw new IOException(
                    "Cannot listen on port " + port + " (" + e.getMessage()
                            + "): is another server running there? Choose another with --port or NEWS_PORT",
                    e);
        }
        return new SiteServer(server);
    }

    /** Serves the runtime's site and admin app on the bound port. */
    public SiteServer serve(NewsRuntime runtime) throws Exception {

        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        // The same endpoint at Magnolia's delivery address and at the module's own, which is where
        // a Magnolia install serves it (see MagnoliaDeliveryServlet): one address works in both hosts.
        ServletHolder delivery = new ServletHolder(
                "delivery",
                new DeliveryApiServlet(
                        runtime.articles(),
                        runtime.module().archive(),
                        runtime.messages(),
                        runtime.newsFunctions(),
                        runtime.viewCounter(),
                        runtime.articleType().nodeType(),
                        Clock.systemUTC(),
                        runtime.module().readers()));
        context.getServletHandler().addServlet(delivery);
        ServletMapping deliveryPaths = new ServletMapping();
        deliveryPaths.setServletName("delivery");
        deliveryPaths.setPathSpecs(
                new String[] {DeliveryApiServlet.PATH + "/*", DeliveryApiServlet.MODULE_PATH + "/*"});
        context.getServletHandler().addServletMapping(deliveryPaths);
        context.addServlet(
                new ServletHolder("webresources", new WebResourceServlet(runtime.lightModule())),
                WebResourceServlet.PATH + "/*");
        context.addServlet(new ServletHolder("dam", new DamServlet(runtime.images())), ImageAssets.DAM_PATH + "/*");
        ServletHolder views = new ServletHolder("views", new ViewBeaconServlet(runtime::viewCounter));
        views.setAsyncSupported(true);
        context.addServlet(views, ViewBeaconServlet.PATH);
        context.addServlet(new ServletHolder("preview", new PreviewServlet(runtime)), Previews.PATH);
        context.addServlet(
                new ServletHolder("renditions", new RenditionServlet(runtime.renditions())),
                ImageRenditions.PATH + "/*");
        context.addServlet(new ServletHolder("site", new SiteServlet(runtime)), "/");
        ErrorBodies bodies = new ErrorBodies(runtime.messages());
        SiteErrorHandler errors = new SiteErrorHandler(bodies);
        context.setErrorHandler(errors);
        WebAppContext admin = AdminWebApp.create(runtime.adminContext(), secureCookies(runtime));
        admin.setErrorHandler(errors);
        adminSessions = (AnonymousSessions) admin.getAttribute(AnonymousSessions.class.getName());
        // Bodies over their limit are refused (413) as they arrive, never buffered: an image upload (5 MB and
        // its form) in the admin app, a beacon or a form on the site.
        admin.insertHandler(new SizeLimitHandler(ADMIN_BODY_LIMIT, -1));
        context.insertHandler(new SizeLimitHandler(SITE_BODY_LIMIT, -1));
        ContextHandlerCollection contexts = new ContextHandlerCollection();
        contexts.addHandler(admin);
        contexts.addHandler(context);
        server.setHandler(new SecurityHeaders(contexts, bodies, secureCookies(runtime)));
        server.setErrorHandler(ErrorBodies.serverHandler(bodies));
        server.setStopAtShutdown(false);
        server.start();
        runtime.serving(port());
        return this;
    }

    /** Session cookies are {@code Secure} when the site's public address is https. */
    private static boolean secureCookies(NewsRuntime runtime) {
        return runtime.config().baseUrl() != null
                && "https".equals(runtime.config().baseUrl().getScheme());
    }

    /** The port actually bound (useful when started on port 0). */
    /** The admin app's sessions of nobody signed in. */
    public AnonymousSessions adminSessions() {
        return adminSessions;
    }

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
