package io.newsroom.news.templating;

import io.newsroom.news.assets.ImageSizes;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Calendar;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.jcr.RepositoryException;

import io.newsroom.news.article.Article;
import io.newsroom.news.article.ArticleQuery;
import io.newsroom.news.article.ArticleRepository;
import io.newsroom.news.article.PropertyFilter;
import io.newsroom.news.article.ResultPage;
import io.newsroom.news.featured.ArticleCache;
import io.newsroom.news.featured.FeaturedSelector;
import io.newsroom.news.featured.FeaturedSettings;
import io.newsroom.news.views.ViewCounts;

/**
 * {@code newsfn}: everything news-specific a template needs, implemented once for both hosts. In
 * Magnolia it is a renderer context attribute; the embedded site puts it in every template's
 * model. Methods take plain values and maps (Magnolia's content maps are maps), so templates call
 * it the same way everywhere.
 */
public class NewsFunctions {
    public static final int LIST_DEFAULT_SIZE = 10;
    public static final int LIST_MAX_SIZE = 50;
    private static final Set<String> LAYOUTS = Set.of(FeaturedBlock.LAYOUT_LIST, FeaturedBlock.LAYOUT_LEAD);

    private final ArticleRepository articles;
    private final ArticleCache cache;
    private final ViewCounts views;
    private final ZoneId zone;
    private final Clock clock;
    private final SiteLanguages languages;
    private final RichTextLinks richTextLinks;
    private final java.util.function.Supplier<String> baseUrl;
    private final io.newsroom.news.article.Audience audience;
    /** Sizes of image renditions, where the host knows them (the embedded runtime). */
    private volatile ImageSizes imageSizes;
    /** The article a preview shows (saved or not, published or not); null outside previews. */
    private final Article previewed;

    public NewsFunctions(ArticleRepository articles, ArticleCache cache, ViewCounts views, Clock clock,
                         SiteLanguages languages, RichTextLinks richTextLinks, java.util.function.Supplier<String> baseUrl) {
        this(articles, cache, views, clock, languages, richTextLinks, baseUrl, io.newsroom.news.article.Audience.READERS);
    }

    /** With {@code audience} {@link io.newsroom.news.article.Audience#EDITORS} on Magnolia's author instance. */
    public NewsFunctions(ArticleRepository articles, ArticleCache cache, ViewCounts views, Clock clock,
                         SiteLanguages languages, RichTextLinks richTextLinks, java.util.function.Supplier<String> baseUrl,
                         io.newsroom.news.article.Audience audience) {
        this.audience = audience;
        this.previewed = null;
        this.articles = articles;
        this.cache = cache;
        this.views = views;
        this.zone = articles.siteZone();
        this.clock = clock;
        this.languages = languages;
        this.richTextLinks = richTextLinks;
        this.baseUrl = baseUrl;
    }

    private NewsFunctions(NewsFunctions of, Article previewed) {
        this.audience = of.audience;
        this.previewed = previewed;
        this.articles = of.articles;
        this.cache = of.cache;
        this.views = of.views;
        this.zone = of.zone;
        this.clock = of.clock;
        this.languages = of.languages;
        this.richTextLinks = of.richTextLinks;
        this.baseUrl = of.baseUrl;
        this.imageSizes = of.imageSizes;
        this.resourceVersions = of.resourceVersions;
    }

    /** Fingerprints of the light module's web resources, where the host serves them by fingerprint. */
    private volatile java.util.function.Function<String, String> resourceVersions = path -> null;

    /** Where {@link #resource} finds a web resource's fingerprint ({@code css/news.css} to a short hash, or null). */
    public void useResourceVersions(java.util.function.Function<String, String> versions) {
        java.util.Map<String, java.util.Optional<String>> known = new java.util.concurrent.ConcurrentHashMap<>();
        this.resourceVersions = path -> known.computeIfAbsent(path, p -> java.util.Optional.ofNullable(versions.apply(p))).orElse(null);
    }

    /**
     * The address of the light module's web resource {@code path} ({@code css/news.css}) below the context
     * path, with its fingerprint ({@code ?v=...}) where the host knows it, so it can be kept for a year and
     * a changed file gets a new address.
     */
    public String resource(String path) {
        String version = resourceVersions.apply(path);
        return "/.resources/news/webresources/" + path + (version == null ? "" : "?v=" + version);
    }

    /** Where {@link #imageSize} finds renditions' sizes. */
    public void useImageSizes(ImageSizes sizes) {
        this.imageSizes = sizes;
    }

    /**
     * The pixel size of an image's rendition ({@code width}, {@code height}) for the {@code img}
     * attributes; null where the host does not know it (templates then leave the attributes out).
     */
    public ImageSizes.Size imageSize(String itemKey, String rendition) {
        ImageSizes sizes = imageSizes;
        return sizes == null || itemKey == null || itemKey.isBlank() ? null : sizes.size(itemKey, rendition).orElse(null);
    }

    /**
     * The same functions for a preview of {@code article}: asked for by its id, it is there whatever
     * its state, even when it was never saved. Everything else on the page is what readers see.
     */
    public NewsFunctions previewing(Article article) {
        return new NewsFunctions(this, article);
    }

    /**
     * The featured news block of a component: its dialog values (clamped where bad) and the
     * articles it shows, never {@code exclude}: the article the page shows, by id or path.
     */
    public FeaturedBlock featuredBlock(Map<?, ?> component, String exclude) {
        ComponentSettings settings = new ComponentSettings(component, "featuredNews");
        FeaturedSettings selection = new FeaturedSettings(
                settings.integer("maxItems", FeaturedSettings.DEFAULT_ITEMS, FeaturedSettings.MIN_ITEMS, FeaturedSettings.MAX_ITEMS),
                settings.text("category"),
                settings.flag("fillWithLatest", true));
        List<Article> chosen = FeaturedSelector.select(cache.snapshot(selection.category()), selection,
                blankToNull(exclude), clock.instant());
        return new FeaturedBlock(
                settings.text("heading"),
                settings.choice("layout", FeaturedBlock.LAYOUT_LEAD, LAYOUTS),
                settings.flag("showImage", true),
                settings.flag("showDate", true),
                settings.flag("showViews", true),
                settings.flag("showLead", false),
                chosen.stream().map(this::view).toList());
    }

    /** The archive: newest visible articles first, {@code page} (1-based; bad values mean 1). */
    public NewsListPage newsList(Map<?, ?> component, Object page) throws RepositoryException {
        return newsList(component, page, null);
    }

    /**
     * The archive; a list without a category of its own on a category page shows that page's
     * category ({@code categorySlug}, as in {@code /news/<category-slug>}).
     */
    public NewsListPage newsList(Map<?, ?> component, Object page, String categorySlug) throws RepositoryException {
        ComponentSettings settings = new ComponentSettings(component, "newsList");
        int size = settings.integer("pageSize", LIST_DEFAULT_SIZE, 1, LIST_MAX_SIZE);
        String category = settings.text("category");
        if (category == null && categorySlug != null && !categorySlug.isBlank()) {
            category = category(categorySlug);
        }
        return page(audience.visibleAt(ArticleQuery.newest(size), clock.instant()), category, size, page);
    }

    /**
     * The site's search: visible articles whose title, lead or body has every word of {@code words},
     * with or without accents (the last may be the start of a word), newest first, ten a page.
     */
    public NewsListPage search(String words, Object page) throws RepositoryException {
        if (words == null || words.isBlank()) {
            return new NewsListPage(List.of(), 1, 1, 0);
        }
        String limited = words.strip().length() > 100 ? words.strip().substring(0, 100) : words.strip();
        return page(audience.visibleAt(ArticleQuery.newest(LIST_DEFAULT_SIZE).withText(limited), clock.instant()),
                null, LIST_DEFAULT_SIZE, page);
    }

    /**
     * {@code text} escaped for HTML, each word that the search {@code words} match (accents aside, the
     * start of a word) inside {@code <mark>}. Templates print it without escaping again.
     */
    public String highlight(String text, String words) {
        return Highlighter.highlight(text, words);
    }

    /** The name of the category whose address name is {@code slug} ({@code thong-bao}); null when none has it. */
    public String category(String slug) throws RepositoryException {
        if (slug == null || slug.isBlank()) {
            return null;
        }
        for (String name : articles.categories()) {
            if (io.newsroom.news.article.Slugs.fromTitle(name).equals(slug)) {
                return name;
            }
        }
        return null;
    }

    /** The address of a category's archive in {@code locale}: {@code /news/thong-bao}, {@code /en/news/thong-bao}. */
    public String categoryLink(String category, Object locale) {
        if (category == null || category.isBlank()) {
            return localized("/news", locale);
        }
        return localized("/news/" + io.newsroom.news.article.Slugs.fromTitle(category), locale);
    }

    /** Up to {@code max} newest visible articles of {@code article}'s category, never itself. */
    public List<ArticleView> related(ArticleView article, int max) {
        if (article == null || article.getCategory() == null || article.getCategory().isBlank()) {
            return List.of();
        }
        int n = Math.max(1, Math.min(10, max));
        return latest(n + 1, article.getCategory()).stream().filter(a -> !a.getId().equals(article.getId())).limit(n).toList();
    }

    /** schema.org {@code BreadcrumbList} JSON-LD of the trail {@code names} at the absolute {@code urls}. */
    public String breadcrumbJsonLd(List<?> names, List<?> urls) {
        return StructuredData.breadcrumbs(names.stream().map(String::valueOf).toList(), urls.stream().map(String::valueOf).toList());
    }

    private NewsListPage page(ArticleQuery visible, String category, int size, Object page) throws RepositoryException {
        int requested = pageNumber(page);
        ArticleQuery query = visible;
        if (category != null) {
            query = query.withCategory(category);
        }
        ResultPage<Article> result = articles.list(query.page((long) (requested - 1) * size, size));
        int pageCount = (int) Math.max(1, (result.total() + size - 1) / size);
        if (requested > pageCount) {
            requested = pageCount;
            result = articles.list(query.page((long) (requested - 1) * size, size));
        }
        return new NewsListPage(result.items().stream().map(this::view).toList(), requested, pageCount, result.total());
    }

    /** Periods of the most-read block and the days each covers (0: all time). */
    public static final Map<String, Integer> PERIODS = Map.of("today", 1, "7d", 7, "30d", 30, "all", 0);

    /** The most-read block of a component: its settings and the visible articles read most in its period. */
    public MostReadBlock mostReadBlock(Map<?, ?> component) throws RepositoryException {
        ComponentSettings settings = new ComponentSettings(component, "mostRead");
        String period = settings.choice("period", "7d", PERIODS.keySet());
        int maxItems = settings.integer("maxItems", 5, 1, 20);
        return new MostReadBlock(settings.text("heading"), period, mostRead(PERIODS.get(period), maxItems));
    }

    /** The visible articles read most over {@code days} days (0: all time), with their views. */
    public List<MostReadBlock.Entry> mostRead(int days, int maxItems) throws RepositoryException {
        Instant now = clock.instant();
        List<MostReadBlock.Entry> entries = new java.util.ArrayList<>();
        // Ask for more than needed: deleted or not yet visible articles are skipped.
        for (Map.Entry<String, Long> ranked : views.mostRead(days, maxItems * 3 + 10).entrySet()) {
            if (entries.size() == maxItems) {
                break;
            }
            Optional<Article> article = articles.findById(ranked.getKey());
            if (article.isPresent() && audience.sees(article.get(), now)) {
                entries.add(new MostReadBlock.Entry(view(article.get()), ranked.getValue()));
            }
        }
        return entries;
    }

    /** The featured articles by rank, filled with the newest (served from memory). */
    public List<ArticleView> featured(int maxItems) {
        return featured(maxItems, null);
    }

    public List<ArticleView> featured(int maxItems, String category) {
        return featuredBlock(Map.of("maxItems", maxItems, "category", category == null ? "" : category), null).getItems();
    }

    /** The newest visible articles (served from memory). */
    public List<ArticleView> latest(int limit) {
        return latest(limit, null);
    }

    public List<ArticleView> latest(int limit, String category) {
        int n = Math.max(1, Math.min(ArticleCache.LATEST_DEPTH - 1, limit));
        String cat = blankToNull(category);
        return FeaturedSelector.latest(cache.snapshot(cat), n, cat, null, clock.instant()).stream().map(this::view).toList();
    }

    /** A visible article by identifier or by path ({@code /2020/10/name}); {@code null} if none. */
    public ArticleView article(String idOrPath) throws RepositoryException {
        if (idOrPath == null || idOrPath.isBlank()) {
            return null;
        }
        if (previewed != null && idOrPath.equals(previewed.id())) {
            return view(previewed);
        }
        Optional<Article> found = idOrPath.startsWith("/") ? articles.findByPath(idOrPath) : articles.findById(idOrPath);
        return found.filter(a -> audience.sees(a, clock.instant())).map(this::view).orElse(null);
    }

    /**
     * Where a visible article that once lived at {@code formerPath} lives now, as a link in
     * {@code locale}; null when no article moved away from there.
     */
    public String movedTo(String formerPath, Object locale) throws RepositoryException {
        if (formerPath == null || !formerPath.startsWith("/")) {
            return null;
        }
        Optional<Article> moved = articles.findByFormerPath(formerPath);
        return moved.filter(a -> audience.sees(a, clock.instant())).map(a -> link(view(a), locale)).orElse(null);
    }

    /** Views counted for an article (or an article id). */
    public long views(Object article) {
        String id = article instanceof ArticleView v ? v.getId() : article == null ? null : String.valueOf(article);
        return id == null ? 0L : views.views(id);
    }

    /**
     * The article's URL below the context path, with the language prefix Magnolia uses
     * ({@code /en/...}) for a language of the site other than its default one.
     */
    public String link(ArticleView article, Object locale) {
        return prefix(locale) + article.getUrl();
    }

    /** A site path ({@code /}, {@code /news}) in {@code locale}: with its language prefix when it has one. */
    public String localized(String path, Object locale) {
        return UriPaths.encode(prefix(locale) + (path == null || path.isEmpty() ? "/" : path));
    }

    /** The other languages the site is served in, for the language switch (none when there is only one). */
    public List<SiteLanguages.Language> otherLanguages(Object current) {
        String language = languageOf(current);
        return languages.languages().stream().filter(l -> !l.equals(language)).map(SiteLanguages.Language::of).toList();
    }

    /** Every language the site is served in, the default one first (for {@code hreflang} alternates). */
    public List<SiteLanguages.Language> languages() {
        return languages.languages().stream().map(SiteLanguages.Language::of).toList();
    }

    /** Whether {@code locale} is the site's default language (the one without an address prefix). */
    public boolean isDefaultLanguage(Object locale) {
        return languageOf(locale).equals(languages.defaultLanguage());
    }

    /** The prefix of {@code locale} in addresses: empty for the default language and for one the site does not serve. */
    private String prefix(Object locale) {
        // One look at the host's languages per link: in Magnolia each is a call into its i18n settings.
        List<String> served = languages.languages();
        String language = locale instanceof Locale l ? l.getLanguage() : locale == null ? "" : String.valueOf(locale);
        return language.isEmpty() || language.equals(served.get(0)) || !served.contains(language) ? "" : "/" + language;
    }

    private String languageOf(Object locale) {
        String language = locale instanceof Locale l ? l.getLanguage() : locale == null ? "" : String.valueOf(locale);
        return language.isEmpty() ? languages.defaultLanguage() : language;
    }

    public String link(ArticleView article) {
        return article.getUrl();
    }

    /**
     * The article's body with links to content resolved: Magnolia's rich text field stores them as
     * {@code ${link:{uuid:{...},repository:{...},path:{...}}}}, turned into addresses at render
     * time as Magnolia does. Sanitised when saved; templates may print it without escaping.
     */
    public String body(ArticleView article) {
        String body = article.getBody();
        return body == null ? "" : richTextLinks.resolve(body);
    }

    /**
     * The same page in another language: {@code /en/news} for {@code /news} and back, keeping the
     * context path. Magnolia marks non-default languages with a path prefix; so does the embedded site.
     */
    public String switchLanguage(String originalUri, String contextPath, String language) {
        String context = contextPath == null ? "" : contextPath;
        String path = originalUri == null || originalUri.isEmpty() ? "/" : originalUri;
        if (!context.isEmpty() && path.startsWith(context)) {
            path = path.substring(context.length());
        }
        for (String known : languages.languages()) {
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

    /**
     * The site's public address followed by {@code path}, for canonical, Open Graph and feed links:
     * the configured base URL; only without one the request's own scheme, host and port (the
     * {@code Host} header is the client's to write, so the embedded runtime always has a base URL).
     */
    public String absoluteUrl(jakarta.servlet.http.HttpServletRequest request, String path) {
        String base = baseUrl.get();
        if (base != null) {
            return base + path;
        }
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port) + path;
    }

    /** {@code dd/MM/yyyy} in the site's zone, for a Date, Calendar or Instant. */
    public String date(Object value) {
        Instant instant = instant(value);
        return instant == null ? "" : ArticleView.DATE.format(instant.atZone(zone));
    }

    /** {@code HH:mm} in the site's zone. */
    public String time(Object value) {
        Instant instant = instant(value);
        return instant == null ? "" : ArticleView.TIME.format(instant.atZone(zone));
    }

    /** schema.org NewsArticle as JSON, safe to print inside {@code <script type="application/ld+json">}. */
    public String jsonLd(ArticleView article, String pageUrl, String siteName) {
        return StructuredData.newsArticle(article, pageUrl, siteName);
    }

    /** With the article's image ({@code imageUrl}: absolute, the Open Graph rendition; empty for none). */
    public String jsonLd(ArticleView article, String pageUrl, String siteName, String imageUrl) {
        return StructuredData.newsArticle(article, pageUrl, siteName, imageUrl);
    }


    private ArticleView view(Article article) {
        return new ArticleView(article, zone);
    }

    private static int pageNumber(Object page) {
        if (page == null) {
            return 1;
        }
        try {
            long n = Long.parseLong(String.valueOf(page).trim());
            return n < 1 || n > 100_000 ? 1 : (int) n;
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) return i;
        if (value instanceof Date d) return d.toInstant();
        if (value instanceof Calendar c) return c.toInstant();
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
