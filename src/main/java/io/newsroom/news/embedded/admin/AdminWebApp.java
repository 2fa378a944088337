package io.newsroom.news.embedded.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.http.HttpCookie;

/**
 * The admin app as a web application at {@code /admin} on the site's Jetty: Vaadin Flow in
 * production mode from the pre-compiled bundle. Its own context keeps its session cookie on
 * {@code /admin}, so the site's pages never see the admin session.
 */
public final class AdminWebApp {
    public static final String PATH = "/admin";
    static final int SESSION_SECONDS = LoginView.SESSION_MINUTES * 60;

    private AdminWebApp() {}

    /**
     * The admin web app; its session cookie is HttpOnly, {@code SameSite=Lax} (a form posted from another
     * site does not carry it) and, when the site is served over https, {@code Secure}.
     */
    public static WebAppContext create(AdminContext admin, boolean secureCookie) throws IOException {
        WebAppContext context = new WebAppContext();
        context.setContextPath(PATH);
        Path base = Files.createTempDirectory("news-admin-");
        base.toFile().deleteOnExit();
        context.setBaseResourceAsPath(base);
        context.setParentLoaderPriority(true);
        context.setThrowUnavailableOnStartupException(true);
        // Scan only Vaadin's jars and our own classes for Flow's start-up hooks: fast and predictable.
        context.setAttribute(
                "org.eclipse.jetty.server.webapp.ContainerIncludeJarPattern",
                ".*/flow-[^/]*\\.jar$|.*/vaadin-[^/]*\\.jar$|.*/magnolia-news[^/]*\\.jar$|.*/classes/.*");
        context.setInitParameter("productionMode", "true");
        context.setInitParameter("i18n.provider", AdminI18N.class.getName());
        context.getSessionHandler().setMaxInactiveInterval(SESSION_SECONDS);
        AnonymousSessions anonymous = new AnonymousSessions(
                Integer.getInteger("newsroom.admin.maxAnonymousSessions", AnonymousSessions.DEFAULT_CAP));
        context.getSessionHandler().addEventListener(anonymous);
        context.setAttribute(AnonymousSessions.class.getName(), anonymous);
        context.getSessionHandler().getSessionCookieConfig().setHttpOnly(true);
        context.getSessionHandler().getSessionCookieConfig().setSecure(secureCookie);
        context.getSessionHandler().setSameSite(HttpCookie.SameSite.LAX);
        context.setAttribute(AdminContext.class.getName(), admin);
        context.addServlet(new ServletHolder("editor", new EditorAssetsServlet()), EditorAssetsServlet.PATH + "/*");
        context.addFilter(
                new org.eclipse.jetty.ee10.servlet.FilterHolder(new DisabledAccounts(admin.accounts())),
                "/*",
                java.util.EnumSet.of(jakarta.servlet.DispatcherType.REQUEST));
        return context;
    }
}
