package io.newsroom.news.site;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Which language a request is served in: a {@code /en} path prefix (as Magnolia writes it for
 * non-default languages) wins, then {@code ?lang=}, then the browser's Accept-Language; Vietnamese
 * otherwise.
 *
 * @param path the path with the language prefix removed
 */
record SiteLanguage(Locale locale, String path) {

    static SiteLanguage of(HttpServletRequest request, String path) {
        for (Locale language : Messages.LANGUAGES) {
            String prefix = "/" + language.getLanguage();
            if (!language.equals(Messages.VIETNAMESE) && (path.equals(prefix) || path.startsWith(prefix + "/"))) {
                String rest = path.substring(prefix.length());
                return new SiteLanguage(language, rest.isEmpty() ? "/" : rest);
            }
        }
        String lang = request.getParameter("lang");
        if (lang != null) {
            return new SiteLanguage(Messages.supported(Locale.forLanguageTag(lang)), path);
        }
        return new SiteLanguage(fromHeader(request.getHeader("Accept-Language")), path);
    }

    static Locale fromHeader(String header) {
        if (header == null || header.isBlank()) {
            return Messages.VIETNAMESE;
        }
        try {
            Locale best = Locale.lookup(Locale.LanguageRange.parse(header), List.of(Messages.VIETNAMESE, Messages.ENGLISH));
            return Messages.supported(best);
        } catch (IllegalArgumentException e) {
            return Messages.VIETNAMESE;
        }
    }
}
