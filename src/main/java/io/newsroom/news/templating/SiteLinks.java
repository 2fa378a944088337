package io.newsroom.news.templating;

import io.newsroom.news.article.Slugs;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Addresses templates print: an article's, a category's, a site path's in a language, the same page
 * in another language, absolute ones for canonical and feed links, and web resources with their
 * fingerprint. A language other than the site's default one is a {@code /<language>} prefix, as
 * Magnolia's {@code DefaultI18nContentSupport} writes it.
 */
final class SiteLinks {
    private final TemplatingParts parts;
    private final Function<String, String> resourceVersions;

    SiteLinks(TemplatingParts parts) {
        this.parts = parts;
        Function<String, String> versions = parts.resourceVersions() == null ? path -> null : parts.resourceVersions();
        // A fingerprint is a hash of the file: computed once per path.
        Map<String, Optional<String>> known = new ConcurrentHashMap<>();
        this.resourceVersions = path -> known.computeIfAbsent(path, p -> Optional.ofNullable(versions.apply(p)))
                .orElse(null);
    }

    String resource(String path) {
        String version = resourceVersions.apply(path);
        return "/.resources/news/webresources/" + path + (version == null ? "" : "?v=" + version);
    }

    String link(ArticleView article, Object locale) {
        return prefix(locale) + article.getUrl();
    }

    String localized(String path, Object locale) {
        return UriPaths.encode(prefix(locale) + (path == null || path.isEmpty() ? "/" : path));
    }

    String categoryLink(String category, Object locale) {
        if (category == null || category.isBlank()) {
            return localized("/news", locale);
        }
        return localized("/news/" + Slugs.fromTitle(category), locale);
    }

    List<SiteLanguages.Language> otherLanguages(Object current) {
        String language = languageOf(current);
        return parts.languages().languages().stream()
                .filter(l -> !l.equals(language))
                .map(SiteLanguages.Language::of)
                .toList();
    }

    List<SiteLanguages.Language> languages() {
        return parts.languages().languages().stream()
                .map(SiteLanguages.Language::of)
                .toList();
    }

    boolean isDefaultLanguage(Object locale) {
        return languageOf(locale).equals(parts.languages().defaultLanguage());
    }

    String switchLanguage(String originalUri, String contextPath, String language) {
        String context = contextPath == null ? "" : contextPath;
        String path = originalUri == null || originalUri.isEmpty() ? "/" : originalUri;
        if (!context.isEmpty() && path.startsWith(context)) {
            path = path.substring(context.length());
        }
        for (String known : parts.languages().languages()) {
            if (path.equals("/" + known) || path.startsWith("/" + known + "/")) {
                path = path.substring(known.length() + 1);
                break;
            }
        }
        if (path.isEmpty()) {
            path = "/";
        }
        String prefix = prefix(language);
        return context + UriPaths.encode(prefix.isEmpty() ? path : prefix + (path.equals("/") ? "/" : path));
    }

    String absoluteUrl(HttpServletRequest request, String path) {
        String base = parts.baseUrl() == null ? null : parts.baseUrl().get();
        if (base != null) {
            return base + path;
        }
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port) + path;
    }

    /** The prefix of {@code locale} in addresses: empty for the default language and for one the site does not serve. */
    private String prefix(Object locale) {
        // One look at the host's languages per link: in Magnolia each is a call into its i18n settings.
        List<String> served = parts.languages().languages();
        String language = locale instanceof Locale l ? l.toString() : locale == null ? "" : String.valueOf(locale);
        return language.isEmpty() || language.equals(served.get(0)) || !served.contains(language) ? "" : "/" + language;
    }

    private String languageOf(Object locale) {
        String language = locale instanceof Locale l ? l.toString() : locale == null ? "" : String.valueOf(locale);
        return language.isEmpty() ? parts.languages().defaultLanguage() : language;
    }
}
