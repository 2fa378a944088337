package io.newsroom.news.embedded.server;

import org.eclipse.jetty.ee10.servlet.ErrorHandler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Errors of the site's and the admin's servlet contexts (a servlet's {@code sendError}) in the site's
 * own words ({@link ErrorBodies}); {@link ErrorBodies#serverHandler} does the same before any context.
 */
final class SiteErrorHandler extends ErrorHandler {
    private final ErrorBodies bodies;

    SiteErrorHandler(ErrorBodies bodies) {
        this.bodies = bodies;
        ErrorBodies.quiet(this);
    }

    @Override
    protected void generateResponse(
            Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        bodies.write(request, response, code, callback);
    }

    /** Every method gets the page (Jetty's default leaves the body out for anything but GET, POST and HEAD). */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }
}
