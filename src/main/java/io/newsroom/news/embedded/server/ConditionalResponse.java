package io.newsroom.news.embedded.server;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Sends a rendered page or feed with an {@code ETag} (a hash of its bytes) and its caching rule;
 * a client that already has those bytes ({@code If-None-Match}) gets {@code 304 Not Modified}
 * and no body.
 */
final class ConditionalResponse {
    /**
     * Pages and feeds: a browser asks again each time (a 304 when nothing changed, thanks to the
     * ETag), so a reader never sees a page older than the last publish; a shared cache (a CDN, a
     * caching proxy) may keep them a minute.
     */
    static final String PAGES = "public, max-age=0, must-revalidate, s-maxage=60";

    /** Pages for a browser where an editor signed in: never from any cache. */
    static final String EDITORS = "private, no-store";

    private ConditionalResponse() {}

    static void send(
            HttpServletRequest request,
            HttpServletResponse response,
            String body,
            String contentType,
            String cacheControl)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String etag = etag(bytes);
        response.setHeader("ETag", etag);
        response.setHeader("Cache-Control", cacheControl);
        if (matches(request.getHeader("If-None-Match"), etag)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(contentType);
        response.setContentLength(bytes.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(bytes);
        }
    }

    static String etag(byte[] bytes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\""
                    + Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString(hash)
                            .substring(0, 22) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** {@code If-None-Match}: a list of tags, weak ones ({@code W/}) compared by their value, or {@code *}. */
    private static boolean matches(String header, String etag) {
        if (header == null) {
            return false;
        }
        for (String candidate : header.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(etag) || tag.equals("*")) {
                return true;
            }
        }
        return false;
    }
}
