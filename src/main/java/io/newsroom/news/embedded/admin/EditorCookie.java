package io.newsroom.news.embedded.admin;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Tells the site that this browser has an editor signed in, so its pages are never taken from a
 * cache: an editor who publishes and follows the link sees the new page. The admin app's session
 * cookie is limited to {@code /admin}; this one covers the site and holds nothing secret.
 */
public final class EditorCookie {
    public static final String NAME = "news-editor";

    private EditorCookie() {}

    static void set(HttpServletResponse response) {
        response.addCookie(cookie("1", -1));
    }

    static void clear(HttpServletResponse response) {
        response.addCookie(cookie("", 0));
    }

    /** Whether the request comes from a browser where an editor signed in. */
    public static boolean present(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (NAME.equals(cookie.getName()) && "1".equals(cookie.getValue())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Cookie cookie(String value, int maxAge) {
        Cookie cookie = new Cookie(NAME, value);
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setMaxAge(maxAge);
        cookie.setAttribute("SameSite", "Lax");
        return cookie;
    }
}
