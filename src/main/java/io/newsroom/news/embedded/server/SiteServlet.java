package io.newsroom.news.embedded.server;

import io.newsroom.news.definitions.VirtualUriMappings;
import io.newsroom.news.embedded.admin.EditorCookie;
import io.newsroom.news.embedded.render.ErrorPages;
import io.newsroom.news.embedded.render.PageRenderer;
import io.newsroom.news.embedded.render.RenderContext;
import io.newsroom.news.embedded.render.RenderState;
import io.newsroom.news.embedded.render.SiteLanguage;
import io.newsroom.news.embedded.repository.EmbeddedRepository;
import io.newsroom.news.pages.WebsitePages;
import io.newsroom.news.templating.NewsFunctions;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.jcr.Node;
import javax.jcr.PathNotFoundException;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded site: pages of the {@code website} workspace rendered with their templates.
 * {@code /} is the {@code /home} page, {@code /news} the archive page, and the light module's
 * virtual URI mappings turn {@code /news/2020/10/<name>.html} into the article page.
 * {@code /en/...} serves English. Unknown pages get a localized 404, malformed addresses a 400.
 */
public final class SiteServlet extends HttpServlet {
    public static final String HOME = "/home";
    static final String ARTICLE_TEMPLATE = "news:pages/article";
    static final String CATEGORY_TEMPLATE = "news:pages/category";
    /** The page the light module's mapping forwards article addresses to; previews render it too. */
    static final String ARTICLE_PAGE = "/news/article";

    private static final Logger LOG = LoggerFactory.getLogger(SiteServlet.class);
    private static final Pattern SAFE_PATH = Pattern.compile("(/[A-Za-z0-9._~-]*)*");
    private static final Pattern PAGE_PATH = Pattern.compile("(/[a-z0-9][a-z0-9-]*)+");
    private static final int MAX_PATH = 300;

    private final transient EmbeddedRepository repository;
    private final transient PageRenderer renderer;
    private final transient VirtualUriMappings mappings;
    private final transient NewsFunctions newsfn;
    private final transient io.newsroom.news.categories.Categories categories;
    private final transient io.newsroom.news.pages.SitePages sitePages;
    private final transient ErrorPages errors;
    private final transient RssFeed feed;
    private final transient Sitemap sitemap;
    private static final Pattern SITEMAP_FILE = Pattern.compile("/sitemap-([1-9][0-9]{0,4})\\.xml");

    public SiteServlet(NewsRuntime runtime) {
        this.repository = runtime.repository();
        this.renderer = runtime.pageRenderer();
        this.mappings = runtime.virtualUriMappings();
        this.newsfn = runtime.newsFunctions();
        this.categories = runtime.categories();
        this.sitePages = runtime.sitePages();
        this.errors = new ErrorPages(runtime.messages());
        this.feed = new RssFeed(runtime.newsFunctions(), runtime.messages());
        this.sitemap =
                new Sitemap(runtime.articles(), runtime.module().archive(), runtime.newsFunctions(), Clock.systemUTC());
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String contextPath = request.getContextPath();
        String rawPath = request.getRequestURI().substring(contextPath.length());
        if (rawPath.isEmpty()) {
            rawPath = "/";
        }
        if (rawPath.length() > MAX_PATH || !SAFE_PATH.matcher(rawPath).matches()) {
            errors.badRequest(response, SiteLanguage.fromHeader(request.getHeader("Accept-Language")), contextPath);
            return;
        }
        SiteLanguage language = SiteLanguage.of(request, rawPath);
        Locale locale = language.locale();
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            response.setHeader("Allow", "GET, HEAD");
            response.sendError(405);
            return;
        }
        try {
            String path = language.path();
            if (rawPath.equals("/robots.txt")) {
                sitemap.robots(request, response);
                return;
            }
            Matcher sitemapFile = SITEMAP_FILE.matcher(rawPath);
            if (rawPath.equals("/sitemap.xml") || sitemapFile.matches()) {
                if (!sitemap.write(
                        request, response, sitemapFile.matches() ? Integer.parseInt(sitemapFile.group(1)) : 0)) {
                    errors.notFound(response, locale, contextPath);
                }
                return;
            }
            if (path.equals("/news/feed.xml")) {
                feed.write(request, response, locale);
                return;
            }
            Map<String, String> forwarded = new LinkedHashMap<>();
            Optional<String> target = mappings.map(path);
            if (target.isPresent()) {
                path = splitQuery(target.get(), forwarded);
            }
            String pagePath =
                    path.equals("/") ? HOME : path.endsWith(".html") ? path.substring(0, path.length() - 5) : path;
            if (!PAGE_PATH.matcher(pagePath).matches()) {
                errors.notFound(response, locale, contextPath);
                return;
            }
            render(request, response, pagePath, forwarded, locale, rawPath);
        } catch (Exception e) {
            LOG.error("Rendering {} failed", rawPath, e);
            errors.serverError(response, locale, contextPath);
        }
    }

    private void render(
            HttpServletRequest request,
            HttpServletResponse response,
            String pagePath,
            Map<String, String> forwarded,
            Locale locale,
            String originalPath)
            throws Exception {
        Session session = repository.login(WebsitePages.WORKSPACE);
        try {
            Node page;
            try {
                page = session.getNode(pagePath);
            } catch (PathNotFoundException e) {
                if (sitePages.isGone(pagePath)) {
                    errors.gone(response, locale, request.getContextPath());
                } else {
                    errors.notFound(response, locale, request.getContextPath());
                }
                return;
            }
            if (!page.isNodeType("mgnl:page")) {
                errors.notFound(response, locale, request.getContextPath());
                return;
            }
            RenderContext ctx = new RenderContext(request, forwarded, locale);
            NewsFunctions newsfn = this.newsfn.in(locale);
            boolean missingArticle =
                    (ARTICLE_TEMPLATE.equals(templateOf(page)) && newsfn.article(ctx.getParameter("article")) == null)
                            || (CATEGORY_TEMPLATE.equals(templateOf(page))
                                    && newsfn.category(ctx.getParameter("category")) == null);
            if (missingArticle && CATEGORY_TEMPLATE.equals(templateOf(page))) {
                // The address of a category before it was renamed (or merged into another): where it is now.
                var renamed = categories.formerlyAt(String.valueOf(ctx.getParameter("category")));
                if (renamed.isPresent()) {
                    response.setStatus(301);
                    response.setHeader(
                            "Location",
                            request.getContextPath()
                                    + newsfn.categoryLink(renamed.get().name(), locale));
                    return;
                }
            }
            if (missingArticle) {
                // An address the article had before it moved: straight to where it is now.
                String moved = newsfn.movedTo(ctx.getParameter("article"), locale);
                if (moved != null) {
                    response.setStatus(301);
                    response.setHeader("Location", request.getContextPath() + moved);
                    return;
                }
            }
            StringWriter html = new StringWriter();
            renderer.render(
                    page,
                    new PageRenderer.Request(
                            ctx,
                            new RenderState(
                                    locale,
                                    request.getContextPath() + originalPath,
                                    pagePath + ".html",
                                    request.getParameter("preview") != null)),
                    html);
            response.setHeader("Content-Language", locale.getLanguage());
            if (missingArticle || request.getParameter("preview") != null) {
                response.setStatus(missingArticle ? 404 : 200);
                response.setHeader("Cache-Control", "no-cache");
                response.setContentType("text/html;charset=UTF-8");
                response.getWriter().write(html.toString());
                return;
            }
            ConditionalResponse.send(
                    request,
                    response,
                    html.toString(),
                    "text/html;charset=UTF-8",
                    EditorCookie.present(request) ? ConditionalResponse.EDITORS : ConditionalResponse.PAGES);
        } finally {
            session.logout();
        }
    }

    private static String templateOf(Node page) throws RepositoryException {
        return page.hasProperty(WebsitePages.TEMPLATE_PROPERTY)
                ? page.getProperty(WebsitePages.TEMPLATE_PROPERTY).getString()
                : null;
    }

    /** {@code /news/article.html?article=/2020/10/x} into its path, parameters going to {@code into}. */
    private static String splitQuery(String target, Map<String, String> into) {
        int q = target.indexOf('?');
        if (q < 0) {
            return target;
        }
        for (String pair : target.substring(q + 1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                into.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return target.substring(0, q);
    }
}
