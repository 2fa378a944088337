package io.newsroom.news.embedded.render;

import io.newsroom.news.definitions.Messages;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;

/**
 * Which language a page is served in, from its address only (Magnolia's way): a {@code /en} path
 * prefix for English, Vietnamese otherwise, whatever the browser prefers. So a page never varies
 * by {@code Accept-Language} (caches serve the right one) and every reader can switch; an English
 * browser only gets a suggestion (the pages' language hint).
 *
 * @param path the path with the language prefix removed
 */
public record SiteLanguage(Locale locale, String path) {

    public static SiteLanguage of(HttpServletRequest request, String path) {
        for (Locale language : Messages.LANGUAGES) {
            String prefix = "/" + language.getLanguage();
            if (!language.equals(Messages.VIETNAMESE) && (path.equals(prefix) || path.startsWith(prefix + "/"))) {
                String rest = path.substring(prefix.length());
                return new SiteLanguage(language, rest.isEmpty() ? "/" : rest);
            }
        }
        return new SiteLanguage(Messages.VIETNAMESE, path);
    }

    /** For answers that have no address of their own (a malformed one): the browser's preference. */
    public static Locale fromHeader(String header) {
        if (header == null || header.isBlank()) {
            return Messages.VIETNAMESE;
        }
        try {
            Locale best =
                    Locale.lookup(Locale.LanguageRange.parse(header), List.of(Messages.VIETNAMESE, Messages.ENGLISH));
            return Messages.supported(best);
        } catch (IllegalArgumentException e) {
            return Messages.VIETNAMESE;
        }
    }
}
