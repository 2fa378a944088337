package io.newsroom.news.embedded.server;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The headers every response of the embedded runtime carries. Everywhere: no MIME sniffing, and
 * only the origin as referrer to other sites. The site: a Content-Security-Policy that allows what
 * its pages use (their own scripts, styles, images and fonts; the beacon to the same origin) and
 * nothing else. The admin app: it may not be framed by anyone (clickjacking); Vaadin's own client
 * needs inline code, so the admin's policy is only about framing. TRACE is refused everywhere. With an
 * https base URL, {@code Strict-Transport-Security} for a year.
 */
final class SecurityHeaders extends Handler.Wrapper {
    static final String SITE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'self'";
    static final String ADMIN_POLICY = "frame-ancestors 'none'";

    /** A year, as browsers' HSTS lists expect. */
    static final String STRICT_TRANSPORT = "max-age=31536000";

    private final ErrorBodies errors;
    /** Whether the site's public address is https: then browsers are told to come back only over https. */
    private final boolean https;

    SecurityHeaders(Handler handler, ErrorBodies errors, boolean https) {
        super(handler);
        this.errors = errors;
        this.https = https;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        HttpFields.Mutable headers = response.getHeaders();
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "strict-origin-when-cross-origin");
        if (https) {
            headers.put("Strict-Transport-Security", STRICT_TRANSPORT);
        }
        String path = request.getHttpURI().getPath();
        if (path != null && (path.equals("/admin") || path.startsWith("/admin/"))) {
            headers.put("Content-Security-Policy", ADMIN_POLICY);
            headers.put("X-Frame-Options", "DENY");
        } else {
            headers.put("Content-Security-Policy", SITE_POLICY);
        }
        String query = request.getHttpURI().getQuery();
        boolean admin = path != null && (path.equals("/admin") || path.startsWith("/admin/"));
        if (!QueryStrings.readable(query) || (admin && !QueryStrings.adminLocationIsLocal(query))) {
            // The client's mistake, said before any servlet fails to read it.
            response.setStatus(400);
            errors.write(request, response, 400, callback);
            return true;
        }
        if ("TRACE".equals(request.getMethod()) || "TRACK".equals(request.getMethod())) {
            // A request echoed back would hand its cookies to a script that triggered it.
            headers.put("Allow", "GET, HEAD, POST");
            response.setStatus(405);
            errors.write(request, response, 405, callback);
            return true;
        }
        return super.handle(request, response, callback);
    }
}
