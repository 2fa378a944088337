package io.newsroom.news.embedded.server;

import io.newsroom.news.definitions.Messages;
import io.newsroom.news.embedded.render.ErrorPages;
import io.newsroom.news.embedded.render.SiteLanguage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The body of an error Jetty answers by itself: the localized error page, or the API's JSON error
 * under {@code /.rest/} and {@code /.news/}. Never Jetty's page, its version or a stack trace.
 */
final class ErrorBodies {
    private final ErrorPages pages;

    ErrorBodies(Messages messages) {
        this.pages = new ErrorPages(messages);
    }

    void write(Request request, Response response, int code, Callback callback) {
        String path = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
        Locale locale = SiteLanguage.fromHeader(request.getHeaders().get(HttpHeader.ACCEPT_LANGUAGE));
        boolean json = path != null && (path.startsWith("/.rest/") || path.startsWith("/.news/"));
        String body = json ? pages.json(code, locale) : pages.html(code, locale, "");
        response.getHeaders()
                .put(HttpHeader.CONTENT_TYPE, json ? "application/json;charset=UTF-8" : "text/html;charset=UTF-8");
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }

    /** A core (non-servlet) error handler for what fails before any context: bad URIs, bad headers. */
    static ErrorHandler serverHandler(ErrorBodies bodies) {
        ErrorHandler handler = new ErrorHandler() {
            @Override
            protected void generateResponse(
                    Request request, Response response, int code, String message, Throwable cause, Callback callback) {
                bodies.write(request, response, code, callback);
            }

            @Override
            public boolean errorPageForMethod(String method) {
                return true;
            }
        };
        return quiet(handler);
    }

    /** Nothing of the server's inside shows in an error: no stack, cause, message or origin. */
    static <H extends ErrorHandler> H quiet(H handler) {
        handler.setShowStacks(false);
        handler.setShowCauses(false);
        handler.setShowMessageInTitle(false);
        handler.setShowOrigin(false);
        return handler;
    }
}
