package io.newsroom.news.views;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The counting endpoint ({@code POST /.news/views}), one servlet for both hosts. The article page's
 * script posts {@code id=<article id>} once per article and tab session; pages served from a cache
 * still count. Answers: 204 (counted, or deliberately not: bots, preview, repeats, counting off),
 * 400 for a body without an id, 404 for an id that is no visible article, 405 for other methods,
 * 413 for a body over 1 KB, 429 when one client sends too many.
 * <p>
 * The host hands it the running counter: Magnolia's servlet asks the module for it, the embedded
 * server passes its own.
 */
public class ViewBeaconServlet extends HttpServlet {
    public static final String PATH = "/.news/views";
    public static final String PREVIEW_HEADER = "X-News-Preview";
    private static final Pattern ID_FIELD = Pattern.compile("(?:^|&)id=([^&]*)");
    private static final Pattern ID_JSON = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern PREVIEW_FIELD =
            Pattern.compile("(?:^|&)preview=(1|true)(?:&|$)|\"preview\"\\s*:\\s*true");

    private final transient Supplier<ViewCounter> counter;

    public ViewBeaconServlet(Supplier<ViewCounter> counter) {
        this.counter = counter;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        if (!"POST".equals(request.getMethod())) {
            response.setHeader("Allow", "POST");
            error(response, 405, "methodNotAllowed");
            return;
        }
        if (request.getContentLengthLong() > ViewSettings.MAX_BODY_BYTES) {
            error(response, 413, "bodyTooLarge");
            return;
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(ViewSettings.MAX_BODY_BYTES + 1);
        }
        if (body.length > ViewSettings.MAX_BODY_BYTES) {
            error(response, 413, "bodyTooLarge");
            return;
        }
        String text = new String(body, StandardCharsets.UTF_8).strip();
        // What the article page's script sends ("id=" and the id alone) is read without the regexes.
        boolean plain = isPlainIdField(text);
        String id = plain ? text.substring(3) : articleId(text);
        if (id == null) {
            error(response, 400, "missingId");
            return;
        }
        boolean preview = request.getHeader(PREVIEW_HEADER) != null
                || !plain && PREVIEW_FIELD.matcher(text).find();
        ViewCounter current = counter.get();
        String client = current.settings()
                .trustedProxies()
                .client(request.getRemoteAddr(), headers(request, "Forwarded"), headers(request, "X-Forwarded-For"));
        ViewCounter.Beacon beacon = new ViewCounter.Beacon(
                id,
                client,
                request.getHeader("User-Agent"),
                preview,
                current.sameSite().fromAnotherSite(request));
        if (request.isAsyncSupported()) {
            // The 204 goes out when the view is on disk; no request thread waits for the disk meanwhile.
            AsyncContext async = request.startAsync();
            // A view not on disk within 10 s is answered 503 (the journal refuses what waits longer anyway).
            async.setTimeout(10_000);
            current.receiveAsync(beacon).whenComplete((outcome, failure) -> {
                try {
                    answer((HttpServletResponse) async.getResponse(), failure == null ? outcome : null);
                } catch (IOException e) {
                    // the client went away; the view is counted all the same
                } finally {
                    async.complete();
                }
            });
            return;
        }
        answer(response, current.receive(beacon));
    }

    private static List<String> headers(HttpServletRequest request, String name) {
        return Collections.list(request.getHeaders(name));
    }

    private static void answer(HttpServletResponse response, ViewCounter.Outcome outcome) throws IOException {
        if (outcome == null) {
            error(response, 503, "notSaved");
            return;
        }
        switch (outcome) {
            case COUNTED, NOT_COUNTED -> response.setStatus(204);
            case NOT_FOUND -> error(response, 404, "notFound");
            case RATE_LIMITED -> {
                response.setHeader("Retry-After", "60");
                error(response, 429, "tooManyRequests");
            }
        }
    }

    /** {@code id=} followed by hex digits and dashes only: nothing else (no preview field, no JSON) can be in it. */
    static boolean isPlainIdField(String body) {
        if (!body.startsWith("id=")) {
            return false;
        }
        for (int i = 3; i < body.length(); i++) {
            char c = body.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** The article id of a beacon body (JSON or form), or null; never throws. */
    static String articleId(String body) {
        Matcher json = ID_JSON.matcher(body);
        if (json.find()) {
            return json.group(1);
        }
        Matcher form = ID_FIELD.matcher(body);
        if (form.find()) {
            try {
                return URLDecoder.decode(form.group(1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }

    /** Machine-readable refusals; the beacon script never shows them to readers. */
    private static void error(HttpServletResponse response, int status, String code) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write("{\"error\":{\"code\":\"" + code + "\"}}");
    }
}
