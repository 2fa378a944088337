package io.newsroom.news.embedded.server;

import io.newsroom.news.article.Article;
import io.newsroom.news.definitions.Messages;
import io.newsroom.news.embedded.render.ErrorPages;
import io.newsroom.news.embedded.render.PageRenderer;
import io.newsroom.news.embedded.render.RenderContext;
import io.newsroom.news.embedded.render.RenderState;
import io.newsroom.news.pages.WebsitePages;
import io.newsroom.news.publishing.Previews;
import io.newsroom.news.templating.ArticleView;
import io.newsroom.news.templating.NewsFunctions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /.news/preview?article=<id>|draft=<token>&lang=en&expires=..&sig=..}: the article page
 * as readers would see it, for a signed link that has not expired ({@link Previews}). Never
 * indexed, never cached, never counted as a view (the page is in preview mode), and the link is
 * not passed on as a referrer.
 */
public final class PreviewServlet extends ReadOnlyServlet {
    private static final Logger LOG = LoggerFactory.getLogger(PreviewServlet.class);
    private final transient NewsRuntime runtime;
    private final transient ErrorPages errors;

    public PreviewServlet(NewsRuntime runtime) {
        this.runtime = runtime;
        this.errors = new ErrorPages(runtime.messages());
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale locale = "en".equals(request.getParameter("lang")) ? Locale.ENGLISH : Messages.VIETNAMESE;
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
        response.setHeader("Cache-Control", "private, no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        String context = request.getContextPath();
        if (request.getParameter("page") != null) {
            previewPage(request, response, locale);
            return;
        }
        try {
            Optional<Article> article = runtime.previews()
                    .resolve(
                            request.getParameter("article"),
                            request.getParameter("draft"),
                            request.getParameter("expires"),
                            request.getParameter("sig"))
                    .flatMap(this::article);
            if (article.isEmpty()) {
                errors.previewGone(response, locale, context);
                return;
            }
            NewsFunctions newsfn =
                    runtime.newsFunctions().previewing(article.get()).in(locale);
            // The English preview shows the English version (the Vietnamese one where there is none yet).
            Article shown = article.get().inLanguage(locale.getLanguage()).orElse(article.get());
            Session session = runtime.repository().login(WebsitePages.WORKSPACE);
            try {
                Node page = session.getNode(SiteServlet.ARTICLE_PAGE);
                RenderContext ctx = new RenderContext(
                        request, Map.of("article", article.get().id()), locale);
                String publicAddress = context
                        + newsfn.link(new ArticleView(shown, runtime.config().siteZone()), locale);
                write(
                        response,
                        page,
                        new PageRenderer.Request(
                                ctx,
                                new RenderState(locale, publicAddress, SiteServlet.ARTICLE_PAGE + ".html", true),
                                newsfn));
            } finally {
                session.logout();
            }
        } catch (Exception e) {
            LOG.error("Rendering a preview failed", e);
            errors.serverError(response, locale, context);
        }
    }

    /**
     * {@code ?page=/path&...}: the draft copy of one of the site's pages, as readers will get it once it is
     * published (its blocks show what readers see of the articles).
     */
    private void previewPage(HttpServletRequest request, HttpServletResponse response, Locale locale)
            throws IOException {
        String context = request.getContextPath();
        Optional<String> path = runtime.previews()
                .resolvePage(
                        request.getParameter("page"), request.getParameter("expires"), request.getParameter("sig"));
        try {
            Session session = runtime.repository().login(io.newsroom.news.pages.PageDrafts.WORKSPACE);
            try {
                if (path.isEmpty()
                        || !session.nodeExists(path.get())
                        || !session.getNode(path.get()).isNodeType("mgnl:page")) {
                    errors.previewGone(response, locale, context);
                    return;
                }
                String address = path.get().equals(SiteServlet.HOME) ? "/" : path.get();
                String shown = (locale.equals(Messages.VIETNAMESE) ? "" : "/" + locale.getLanguage()) + address;
                write(
                        response,
                        session.getNode(path.get()),
                        new PageRenderer.Request(
                                new RenderContext(request, Map.of(), locale),
                                new RenderState(locale, context + shown, path.get() + ".html", true)));
            } finally {
                session.logout();
            }
        } catch (Exception e) {
            LOG.error("Rendering a page preview failed", e);
            errors.serverError(response, locale, context);
        }
    }

    /** Renders {@code page} in preview mode and sends it (the headers of every preview were set before). */
    private void write(HttpServletResponse response, Node page, PageRenderer.Request render) throws Exception {
        StringWriter html = new StringWriter();
        runtime.pageRenderer().render(page, render, html);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Content-Language", render.state().locale().getLanguage());
        response.getWriter().write(html.toString());
    }

    private Optional<Article> article(Previews.Target target) {
        if (target instanceof Previews.UnsavedTarget unsaved) {
            return Optional.of(unsaved.article());
        }
        try {
            // Moved to the trash: its preview links end with it.
            return runtime.articles()
                    .findById(((Previews.StoredTarget) target).articleId())
                    .filter(a -> !a.isTrashed());
        } catch (RepositoryException e) {
            throw new IllegalStateException(e);
        }
    }
}
