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
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.servlet.ServletMapping;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jetty serving the embedded site on one port: the pages, the light module's web resources, the
 * delivery JSON API and the view-counting beacon, and the admin app at {@code /admin}.
 */
public final class SiteServer implements AutoCloseable {
    /** Room for the form around an upload in the admin app's largest request body. */
    static final long ADMIN_FORM_ROOM = 1024 * 1024;
    /** The largest request body the site takes (beacons are at most 1 KB). */
    static final long SITE_BODY_LIMIT = 64 * 1024;

    /** What the standalone server asks for before it takes connections: the home page and the archive. */
    public static final List<String> WARM_UP = List.of("/", "/news");

    private static final Duration WARM_UP_WAIT = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(SiteServer.class);

    private final Server server;
    private final Map<String, String> warmedUp = new LinkedHashMap<>();
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
        return serve(runtime, List.of());
    }

    /**
     * Serves as {@link #serve(NewsRuntime)}, after asking for {@code warmUp} (paths such as
     * {@link #WARM_UP}) in-process while the port does not yet take connections: a fresh JVM's first
     * render loads classes and compiles templates (0.9 s for the home page at a million articles), and
     * that wait belongs to the start, not to the first reader after it.
     */
    public SiteServer serve(NewsRuntime runtime, List<String> warmUp) throws Exception {

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
        // Bodies over their limit are refused (413) as they arrive, never buffered: an image upload (the upload
        // limit and its form) in the admin app, a beacon or a form on the site.
        admin.insertHandler(new SizeLimitHandler(runtime.images().maxBytes() + ADMIN_FORM_ROOM, -1));
        context.insertHandler(new SizeLimitHandler(SITE_BODY_LIMIT, -1));
        ContextHandlerCollection contexts = new ContextHandlerCollection();
        contexts.addHandler(admin);
        contexts.addHandler(context);
        server.setHandler(new SecurityHeaders(contexts, bodies, secureCookies(runtime)));
        server.setErrorHandler(ErrorBodies.serverHandler(bodies));
        server.setStopAtShutdown(false);
        if (warmUp.isEmpty()) {
            server.start();
        } else {
            startWarm(warmUp);
        }
        runtime.serving(port());
        return this;
    }

    /**
     * Starts with an in-memory connector only, asks for each path through it, then lets the network
     * connector (bound since {@link #bind}) accept. A path that takes longer than a few seconds (an archive
     * index still being read) is not waited for: the start goes on.
     */
    private void startWarm(List<String> paths) throws Exception {
        Connector network = server.getConnectors()[0];
        server.removeConnector(network);
        LocalConnector local = new LocalConnector(server);
        server.addConnector(local);
        server.start();
        for (String path : paths) {
            long start = System.nanoTime();
            String answer = local.getResponse(
                    "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                    WARM_UP_WAIT.toMillis(),
                    TimeUnit.MILLISECONDS);
            String status = answer == null
                    ? "no answer yet"
                    : answer.lines().findFirst().orElse("");
            warmedUp.put(path, status);
            LOG.debug("Warm-up {}: {} in {} ms", path, status, (System.nanoTime() - start) / 1_000_000);
        }
        server.removeConnector(local);
        local.stop();
        server.addConnector(network);
        if (!network.isStarted()) {
            network.start();
        }
    }

    /** Each warm-up path and the status line it got (or "no answer yet"), in the order asked. */
    public Map<String, String> warmedUp() {
        return Collections.unmodifiableMap(warmedUp);
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
        for (Connector connector : server.getConnectors()) {
            if (connector instanceof ServerConnector network) {
                return network.getLocalPort();
            }
        }
        throw new IllegalStateException("not serving on a port yet");
    }

    public String baseUrl() {
        return "http://localhost:" + port();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
