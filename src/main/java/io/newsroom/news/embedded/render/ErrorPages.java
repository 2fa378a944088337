package io.newsroom.news.embedded.render;

import io.newsroom.news.definitions.Messages;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;

/** The embedded site's own 400/404/500 pages, in the visitor's language and the site's style. */
public final class ErrorPages {
    private final Messages messages;

    public ErrorPages(Messages messages) {
        this.messages = messages;
    }

    public void notFound(HttpServletResponse response, Locale locale, String contextPath) throws IOException {
        write(response, 404, locale, contextPath, "news.site.notFound.title", "news.site.notFound.text");
    }

    /** A page that was deleted: gone for good (search engines drop it), said in the reader's language. */
    public void gone(HttpServletResponse response, Locale locale, String contextPath) throws IOException {
        write(response, 410, locale, contextPath, "news.site.gone.title", "news.site.gone.text");
    }

    public void badRequest(HttpServletResponse response, Locale locale, String contextPath) throws IOException {
        write(response, 400, locale, contextPath, "news.site.badRequest.title", "news.site.badRequest.text");
    }

    /** A preview link that is not (or no longer) valid. */
    public void previewGone(HttpServletResponse response, Locale locale, String contextPath) throws IOException {
        write(response, 403, locale, contextPath, "news.site.preview.gone.title", "news.site.preview.gone.text");
    }

    public void serverError(HttpServletResponse response, Locale locale, String contextPath) throws IOException {
        write(response, 500, locale, contextPath, "news.site.serverError.title", "news.error.internal");
    }

    /** The page for any status: 404, 405, other 4xx as a bad request, 5xx as a server error. */
    public String html(int status, Locale locale, String contextPath) {
        String[] keys = keys(status);
        return page(locale, contextPath, keys[0], keys[1]);
    }

    /** The API's error body for any status, as the delivery endpoint writes its own. */
    public String json(int status, Locale locale) {
        String code = switch (status) {
            case 404 -> "pathNotFound";
            case 405 -> "methodNotAllowed";
            case 413 -> "bodyTooLarge";
            default -> status >= 500 ? "internalError" : "badRequest";
        };
        String message =
                messages.get(locale, keys(status)[1]).replace("\\", "\\\\").replace("\"", "\\\"");
        return "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}}";
    }

    private static String[] keys(int status) {
        if (status == 404) {
            return new String[] {"news.site.notFound.title", "news.site.notFound.text"};
        }
        if (status == 405) {
            return new String[] {"news.site.badRequest.title", "news.site.methodNotAllowed.text"};
        }
        if (status >= 500) {
            return new String[] {"news.site.serverError.title", "news.error.internal"};
        }
        return new String[] {"news.site.badRequest.title", "news.site.badRequest.text"};
    }

    private void write(
            HttpServletResponse response,
            int status,
            Locale locale,
            String contextPath,
            String titleKey,
            String textKey)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        // Not reset(): the security headers already set stay.
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write(page(locale, contextPath, titleKey, textKey));
    }

    private String page(Locale locale, String contextPath, String titleKey, String textKey) {
        String home = contextPath + (locale.equals(Messages.VIETNAMESE) ? "/" : "/" + locale.getLanguage() + "/");
        String html = "<!DOCTYPE html>\n<html lang=\"" + locale.getLanguage() + "\">\n<head>\n"
                + "<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta name=\"robots\" content=\"noindex\">\n"
                + "<title>" + messages.get(locale, titleKey) + " | " + messages.get(locale, "news.site.name")
                + "</title>\n"
                + "<link rel=\"stylesheet\" href=\"" + contextPath + "/.resources/news/webresources/css/news.css\">\n"
                + "</head>\n<body class=\"news-page news-page--error\">\n<main class=\"news-error\">\n"
                + "<h1 class=\"news-error__title\">" + messages.get(locale, titleKey) + "</h1>\n"
                + "<p class=\"news-error__text\">" + messages.get(locale, textKey) + "</p>\n"
                + "<p><a class=\"news-error__home\" href=\"" + home + "\">"
                + messages.get(locale, "news.site.notFound.home")
                + "</a></p>\n</main>\n</body>\n</html>\n";
        return html;
    }
}
