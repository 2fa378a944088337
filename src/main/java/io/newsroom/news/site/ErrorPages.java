package io.newsroom.news.site;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

/** The embedded site's own 400/404/500 pages, in the visitor's language and the site's style. */
final class ErrorPages {
    private final Messages messages;

    ErrorPages(Messages messages) {
        this.messages = messages;
    }

    void notFound(HttpServletResponse response, Locale locale, String contextPath) throws IOException {
        write(response, 404, locale, contextPath, "news.site.notFound.title", "news.site.notFound.text");
    }

    void badRequest(HttpServletResponse response, Locale locale, String contextPath) throws IOException {
        write(response, 400, locale, contextPath, "news.site.badRequest.title", "news.site.badRequest.text");
    }

    void serverError(HttpServletResponse response, Locale locale, String contextPath) throws IOException {
        write(response, 500, locale, contextPath, "news.site.badRequest.title", "news.error.internal");
    }

    private void write(HttpServletResponse response, int status, Locale locale, String contextPath,
                       String titleKey, String textKey) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.reset();
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        String home = contextPath + (locale.equals(Messages.VIETNAMESE) ? "/" : "/" + locale.getLanguage() + "/");
        String html = "<!DOCTYPE html>\n<html lang=\"" + locale.getLanguage() + "\">\n<head>\n"
                + "<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta name=\"robots\" content=\"noindex\">\n"
                + "<title>" + messages.get(locale, titleKey) + " | " + messages.get(locale, "news.site.name") + "</title>\n"
                + "<link rel=\"stylesheet\" href=\"" + contextPath + "/.resources/news/webresources/css/news.css\">\n"
                + "</head>\n<body class=\"news-page news-page--error\">\n<main class=\"news-error\">\n"
                + "<h1 class=\"news-error__title\">" + messages.get(locale, titleKey) + "</h1>\n"
                + "<p class=\"news-error__text\">" + messages.get(locale, textKey) + "</p>\n"
                + "<p><a class=\"news-error__home\" href=\"" + home + "\">" + messages.get(locale, "news.site.notFound.home")
                + "</a></p>\n</main>\n</body>\n</html>\n";
        response.getWriter().write(html);
    }
}
