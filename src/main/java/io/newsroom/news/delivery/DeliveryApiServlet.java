package io.newsroom.news.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsroom.news.archive.ArchiveIndex;
import io.newsroom.news.archive.ArchivePage;
import io.newsroom.news.article.Article;
import io.newsroom.news.article.ArticleNodes;
import io.newsroom.news.article.ArticleQuery;
import io.newsroom.news.article.ArticleRepository;
import io.newsroom.news.article.Audience;
import io.newsroom.news.definitions.Messages;
import io.newsroom.news.templating.MostReadBlock;
import io.newsroom.news.templating.NewsFunctions;
import io.newsroom.news.views.ViewCounts;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read-only JSON API at {@code /.rest/delivery/news}, shaped like the Magnolia delivery
 * endpoint the light module defines, so a headless client works against both hosts:
 * {@code GET /.rest/delivery/news} queries, {@code GET /.rest/delivery/news/2020/10/name} reads by
 * path, and a single UUID segment reads by identifier. Bad parameters get a 400, unknown items a
 * 404, both as JSON errors in the caller's language. Beyond Magnolia's endpoint, articles carry
 * their {@code views} and {@code /@mostRead} lists the most read ones.
 */
public final class DeliveryApiServlet extends HttpServlet {
    public static final String PATH = "/.rest/delivery/news";
    /** Where the module itself serves this endpoint, in Magnolia and here. */
    public static final String MODULE_PATH = "/.news/delivery/news";

    static final String MOST_READ = "/@mostRead";
    static final int QUERY_SLOTS = 2;
    static final Duration QUERY_LIMIT = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryApiServlet.class);
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");

    private final transient ArticleRepository articles;
    private final transient ArchiveIndex archive;
    /** Queries the index cannot answer (filters, words, other orders): two at once, ten seconds each. */
    private final transient QueryGate gate = new QueryGate(QUERY_SLOTS, QUERY_LIMIT);

    private final transient DeliveryJson json;
    private final transient DeliveryQueryParser parser;
    private final transient Messages messages;
    private final transient ObjectMapper mapper = new ObjectMapper();

    private final transient NewsFunctions newsfn;
    private final transient Clock clock;
    /** Whose visibility rule the endpoint follows (readers; a public instance's: whatever arrived). */
    private final transient Audience readers;

    private final transient ArticleNodes nodes;

    /** The endpoint over the module's parts, as both hosts have them. */
    public DeliveryApiServlet(
            ArticleRepository articles,
            ArchiveIndex archive,
            Messages messages,
            NewsFunctions newsfn,
            ViewCounts views,
            String articleType,
            Clock clock,
            Audience readers) {
        this.readers = readers;
        this.articles = articles;
        this.archive = archive;
        this.messages = messages;
        this.newsfn = newsfn;
        this.clock = clock;
        this.nodes = new ArticleNodes(articles.siteZone());
        this.json = new DeliveryJson(articles.siteZone(), articleType, views);
        this.parser = new DeliveryQueryParser(articles.siteZone());
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale locale = language(request);
        try {
            if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
                response.setHeader("Allow", "GET, HEAD");
                throw new ApiError(405, "methodNotAllowed", "news.error.methodNotAllowed", "GET");
            }
            String path = request.getPathInfo();
            if (MOST_READ.equals(path)) {
                write(response, 200, mostRead(request));
            } else if (path == null || path.equals("/")) {
                // Anonymous readers get what the site shows them.
                ArticleQuery asked = parser.parse(request.getParameterMap());
                Instant now = clock.instant();
                String inLanguage = contentLanguage(request);
                if (inLanguage != null) {
                    // lang=en: the articles with a published English version, their texts in English.
                    List<Map<String, Object>> results =
                            gate
                                    .run(() -> articles.items(readers.visibleAt(asked, inLanguage, now), json::node))
                                    .stream()
                                    .map(node -> DeliveryJson.localized(node, inLanguage))
                                    .toList();
                    write(response, 200, Map.of("results", results));
                    return;
                }
                Optional<ArchivePage> listed = archive.answer(asked, readers, now);
                // The newest listings come from the archive index (the page's nodes are the only ones read);
                // other queries from the repository, without a total, which the answer does not carry.
                List<Map<String, Object>> results = listed.isPresent()
                        ? articles.findAllById(listed.get().ids(), json::node)
                        : gate.run(() -> articles.items(readers.visibleAt(asked, now), json::node));
                write(response, 200, Map.of("results", results));
            } else {
                String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
                Optional<Optional<Map<String, Object>>> found = readOne(trimmed, contentLanguage(request));
                if (found.isPresent() && found.get().isPresent()) {
                    write(response, 200, found.get().get());
                    return;
                }
                // Nothing lives there now (a scheduled article does not count as moved): an older address?
                Optional<String> moved = found.isPresent() ? Optional.empty() : movedTo(trimmed);
                if (moved.isEmpty()) {
                    throw new ApiError(404, "pathNotFound", "news.error.pathNotFound", trimmed);
                }
                response.setStatus(301);
                response.setHeader("Location", request.getContextPath() + request.getServletPath() + moved.get());
            }
        } catch (ApiError e) {
            if (e.status() == 503) {
                response.setHeader("Retry-After", "10");
            }
            writeError(response, e.status(), e.code(), messages.get(locale, e.messageKey(), e.arguments()));
        } catch (Exception e) {
            LOG.error("Delivery API failed for {}", request.getRequestURI(), e);
            writeError(response, 500, "internalError", messages.get(locale, "news.error.internal"));
        }
    }

    /**
     * {@code /@mostRead?period=7d&limit=10}: the visible articles read most in the period
     * ({@code today}, {@code 7d}, {@code 30d}, {@code all}), each with {@code periodViews}.
     */
    private Map<String, Object> mostRead(HttpServletRequest request) throws Exception {
        String period = request.getParameter("period") == null ? "7d" : request.getParameter("period");
        Integer days = NewsFunctions.PERIODS.get(period);
        if (days == null) {
            throw new ApiError(400, "invalidQuery", "news.error.param.period", period);
        }
        int limit = 10;
        String rawLimit = request.getParameter("limit");
        if (rawLimit != null) {
            try {
                limit = Integer.parseInt(rawLimit.trim());
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > DeliveryQueryParser.MAX_LIMIT) {
                throw new ApiError(
                        400, "invalidQuery", "news.error.param.range", "limit", 1, DeliveryQueryParser.MAX_LIMIT);
            }
        }
        List<Map<String, Object>> results = new ArrayList<>();
        for (MostReadBlock.Entry entry : newsfn.mostRead(days, limit)) {
            Optional<Map<String, Object>> node =
                    articles.findById(entry.getArticle().getId(), json::node);
            if (node.isPresent()) {
                Map<String, Object> withPeriod = new LinkedHashMap<>(node.get());
                withPeriod.put("periodViews", String.valueOf(entry.getViews()));
                results.add(withPeriod);
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("period", period);
        body.put("results", results);
        return body;
    }

    /** The current path of a visible article that moved away from {@code path}. */
    private Optional<String> movedTo(String path) throws Exception {
        Instant now = clock.instant();
        return articles.findByFormerPath(path).filter(a -> readers.sees(a, now)).map(Article::path);
    }

    /**
     * One article by path or identifier: empty when there is none; an empty inner value when there is
     * one that readers may not see (a draft, a scheduled or trashed article), which is answered as missing.
     */
    private Optional<Optional<Map<String, Object>>> readOne(String path, String inLanguage) throws Exception {
        Instant now = clock.instant();
        ArticleRepository.NodeReader<Optional<Map<String, Object>>> visibleOnly = node -> readers.inLanguage(
                                nodes.read(node), inLanguage, now)
                        .isPresent()
                ? Optional.of(
                        inLanguage == null ? json.node(node) : DeliveryJson.localized(json.node(node), inLanguage))
                : Optional.empty();
        Optional<Optional<Map<String, Object>>> node = articles.findByPath(path, visibleOnly);
        if (node.isEmpty() && UUID.matcher(path.substring(1)).matches()) {
            node = articles.findById(path.substring(1), visibleOnly);
        }
        return node;
    }

    /** {@code lang=en}: the English versions of articles; otherwise (or no English) the articles themselves. */
    private static String contentLanguage(HttpServletRequest request) {
        String lang = request.getParameter("lang");
        return lang != null && Article.isTranslatedLanguage(lang.toLowerCase(Locale.ROOT))
                ? lang.toLowerCase(Locale.ROOT)
                : null;
    }

    /** {@code lang} wins, then Accept-Language; Vietnamese by default, like the site. */
    private static Locale language(HttpServletRequest request) {
        String lang = request.getParameter("lang");
        if (lang != null) {
            return Messages.supported(Locale.forLanguageTag(lang));
        }
        String header = request.getHeader("Accept-Language");
        if (header == null || header.isBlank()) {
            return Messages.VIETNAMESE;
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(header);
            Locale best = Locale.lookup(ranges, Messages.LANGUAGES);
            return Messages.supported(best);
        } catch (IllegalArgumentException e) {
            return Messages.VIETNAMESE;
        }
    }

    private void writeError(HttpServletResponse response, int status, String code, String message) throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        write(response, status, Map.of("error", error));
    }

    private void write(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        mapper.writeValue(response.getOutputStream(), body);
    }

    /** The query workers stop with the servlet. */
    @Override
    public void destroy() {
        gate.close();
    }
}
