package io.newsroom.news.templating;

import io.newsroom.news.article.Article;
import io.newsroom.news.assets.ImageSizes;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Calendar;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.jcr.RepositoryException;

/**
 * {@code newsfn}: everything news-specific a template needs, implemented once for both hosts. In
 * Magnolia it is a renderer context attribute; the embedded site puts it in every template's
 * model. Methods take plain values and maps (Magnolia's content maps are maps), so templates call
 * it the same way everywhere. A thin face over {@link ArticleBlocks}, {@link ArchivePages} and
 * {@link SiteLinks}, which do the work.
 */
public class NewsFunctions {
    public static final int LIST_DEFAULT_SIZE = ArchivePages.LIST_DEFAULT_SIZE;
    public static final int LIST_MAX_SIZE = ArchivePages.LIST_MAX_SIZE;
    /** Periods of the most-read block and the days each covers (0: all time). */
    public static final Map<String, Integer> PERIODS = ArticleBlocks.PERIODS;

    private final TemplatingParts parts;
    private final ArticleBlocks blocks;
    private final ArchivePages archive;
    private final SiteLinks links;
    /** The article a preview shows (saved or not, published or not); null outside previews. */
    private final Article previewed;
    /** The language of the page being rendered ({@code en}); null: the site's default language. */
    private final String language;

    public NewsFunctions(TemplatingParts parts) {
        this(parts, new ArticleBlocks(parts), new ArchivePages(parts), new SiteLinks(parts), null, null);
    }

    /** The same functions as {@code of}: for a host that must create {@code newsfn} itself (Magnolia's component provider). */
    protected NewsFunctions(NewsFunctions of) {
        this(of.parts, of.blocks, of.archive, of.links, of.previewed, of.language);
    }

    private NewsFunctions(
            TemplatingParts parts,
            ArticleBlocks blocks,
            ArchivePages archive,
            SiteLinks links,
            Article previewed,
            String language) {
        this.parts = parts;
        this.blocks = blocks;
        this.archive = archive;
        this.links = links;
        this.previewed = previewed;
        this.language = language;
    }

    /**
     * The same functions for a preview of {@code article}: asked for by its id, it is there whatever
     * its state, even when it was never saved. Everything else on the page is what readers see.
     */
    public NewsFunctions previewing(Article article) {
        return new NewsFunctions(parts, blocks, archive, links, article, language);
    }

    /**
     * The same functions for a page in {@code locale}'s language: articles, lists and blocks then show
     * the articles' versions in that language (on the English site only articles with a published English
     * version, with its title and address). The embedded site binds each page's language so.
     */
    public NewsFunctions in(Object locale) {
        String code = languageOf(locale);
        return new NewsFunctions(parts, blocks, archive, links, previewed, code);
    }

    /** A locale's language alone ({@code en} for {@code en_US} or {@code en-US}); null for none. */
    private static String languageOf(Object locale) {
        return locale == null ? null : locale.toString().replaceFirst("[_-].*", "");
    }

    /** The language of the page being rendered; null for the site's default. Magnolia's host reads its request's. */
    protected String language() {
        return language != null ? language : parts.languages().currentLanguage();
    }

    /**
     * The language whose versions of articles the page shows: null for the site's default language (the
     * articles themselves), else a translated one ({@code en}). A site served in one language (Magnolia with
     * content i18n off, whose fallback locale is {@code en}) shows the articles themselves.
     */
    String contentLanguage() {
        // Asked once: in Magnolia each ask is a look at its i18n settings.
        String current = languageOf(language());
        if (current == null
                || current.equals(languageOf(parts.languages().defaultLanguage()))
                || !Article.isTranslatedLanguage(current)) {
            return null;
        }
        return current;
    }

    // --- blocks ---

    /**
     * The featured news block of a component: its dialog values (clamped where bad) and the
     * articles it shows, never {@code exclude}: the article the page shows, by id or path.
     */
    public FeaturedBlock featuredBlock(Map<?, ?> component, String exclude) {
        return blocks.featuredBlock(component, exclude, contentLanguage());
    }

    /** The most-read block of a component: its settings and the visible articles read most in its period. */
    public MostReadBlock mostReadBlock(Map<?, ?> component) throws RepositoryException {
        return blocks.mostReadBlock(component, contentLanguage());
    }

    /** The visible articles read most over {@code days} days (0: all time), with their views. */
    public List<MostReadBlock.Entry> mostRead(int days, int maxItems) throws RepositoryException {
        return blocks.mostRead(days, maxItems, contentLanguage());
    }

    /** The featured articles by rank, filled with the newest (served from memory). */
    public List<ArticleView> featured(int maxItems) {
        return blocks.featured(maxItems, null, contentLanguage());
    }

    public List<ArticleView> featured(int maxItems, String category) {
        return blocks.featured(maxItems, category, contentLanguage());
    }

    /** The newest visible articles (served from memory). */
    public List<ArticleView> latest(int limit) {
        return blocks.latest(limit, null, contentLanguage());
    }

    public List<ArticleView> latest(int limit, String category) {
        return blocks.latest(limit, category, contentLanguage());
    }

    /** Up to {@code max} newest visible articles of {@code article}'s category, never itself. */
    public List<ArticleView> related(ArticleView article, int max) {
        return blocks.related(article, max, contentLanguage());
    }

    // --- archive and search ---

    /** The archive: newest visible articles first, {@code page} (1-based; bad values mean 1). */
    public NewsListPage newsList(Map<?, ?> component, Object page) throws RepositoryException {
        return archive.newsList(component, page, null, contentLanguage());
    }

    /**
     * The archive; a list without a category of its own on a category page shows that page's
     * category ({@code categorySlug}, as in {@code /news/<category-slug>}).
     */
    public NewsListPage newsList(Map<?, ?> component, Object page, String categorySlug) throws RepositoryException {
        return archive.newsList(component, page, categorySlug, contentLanguage());
    }

    /**
     * The site's search: visible articles whose title, lead or body has every word of {@code words},
     * with or without accents (the last may be the start of a word), newest first, ten a page.
     */
    public NewsListPage search(String words, Object page) throws RepositoryException {
        return archive.search(words, page, contentLanguage());
    }

    /** The name of the category whose address name is {@code slug} ({@code thong-bao}); null when none has it. */
    public String category(String slug) throws RepositoryException {
        return archive.category(slug);
    }

    /**
     * {@code text} escaped for HTML, each word that the search {@code words} match (accents aside, the
     * start of a word) inside {@code <mark>}. Templates print it without escaping again.
     */
    public String highlight(String text, String words) {
        return Highlighter.highlight(text, words);
    }

    // --- one article ---

    /**
     * A visible article by identifier or by path ({@code /2020/10/name}; on the English site the path of
     * its English version), as the page's language shows it; {@code null} if none.
     */
    public ArticleView article(String idOrPath) throws RepositoryException {
        if (idOrPath == null || idOrPath.isBlank()) {
            return null;
        }
        String shownIn = contentLanguage();
        if (previewed != null && idOrPath.equals(previewed.id())) {
            return parts.view(previewed.inLanguage(shownIn).orElse(previewed));
        }
        Optional<Article> found = idOrPath.startsWith("/")
                ? parts.articles().findByPath(idOrPath, shownIn)
                : parts.articles().findById(idOrPath);
        return found.flatMap(a ->
                        parts.audience().inLanguage(a, shownIn, parts.clock().instant()))
                .map(parts::view)
                .orElse(null);
    }

    /**
     * The languages readers can read {@code article} in, each with its address there (below the context
     * path): for {@code hreflang} alternates and the language switch of an article page. An article
     * without a visible English version has only its Vietnamese one, and the reverse.
     */
    public List<Map<String, String>> alternates(ArticleView article) throws RepositoryException {
        List<Map<String, String>> versions = new java.util.ArrayList<>();
        if (article == null) {
            return versions;
        }
        Article whole = previewed != null && previewed.id().equals(article.getId())
                ? previewed
                : parts.articles().findById(article.getId()).orElse(null);
        if (whole == null) {
            return versions;
        }
        Instant now = parts.clock().instant();
        for (SiteLanguages.Language each : links.languages()) {
            String code = each.getCode();
            // en_US is English: its articles' English versions.
            String shownIn = code.equals(parts.languages().defaultLanguage()) ? null : languageOf(code);
            boolean visible = previewed != null && previewed.id().equals(whole.id())
                    ? whole.inLanguage(shownIn).isPresent()
                    : parts.audience().inLanguage(whole, shownIn, now).isPresent();
            if (visible && (shownIn == null || Article.isTranslatedLanguage(shownIn))) {
                Article shown = whole.inLanguage(shownIn).orElseThrow();
                versions.add(Map.of(
                        "code", code,
                        "tag", each.getTag(),
                        "name", each.getName(),
                        "link", links.link(parts.view(shown), code)));
            }
        }
        return versions;
    }

    /**
     * Where a visible article that once lived at {@code formerPath} lives now, as a link in
     * {@code locale}; null when no article moved away from there.
     */
    public String movedTo(String formerPath, Object locale) throws RepositoryException {
        if (formerPath == null || !formerPath.startsWith("/")) {
            return null;
        }
        String shownIn = contentLanguage();
        Instant now = parts.clock().instant();
        Optional<Article> moved = parts.articles().findByFormerPath(formerPath, shownIn);
        if (moved.isEmpty()) {
            // The address of the article in the other language (a reader switched languages on it): its
            // version in this one, when it has a visible one.
            String otherLanguage = shownIn == null ? io.newsroom.news.article.Translation.ENGLISH : null;
            moved = parts.articles().findByPath(formerPath, otherLanguage);
            if (moved.isEmpty()) {
                moved = parts.articles().findByFormerPath(formerPath, otherLanguage);
            }
        }
        return moved.flatMap(a -> parts.audience().inLanguage(a, shownIn, now))
                .map(a -> links.link(parts.view(a), locale))
                .orElse(null);
    }

    /** Views counted for an article (or an article id). */
    public long views(Object article) {
        String id = article instanceof ArticleView v ? v.getId() : article == null ? null : String.valueOf(article);
        return id == null ? 0L : parts.views().views(id);
    }

    /**
     * The article's body with links to content resolved: Magnolia's rich text field stores them as
     * {@code ${link:{uuid:{...},repository:{...},path:{...}}}}, turned into addresses at render
     * time as Magnolia does. Sanitised when saved; templates may print it without escaping.
     */
    public String body(ArticleView article) {
        String body = article.getBody();
        return body == null ? "" : parts.links().resolve(body);
    }

    /**
     * Formatted text of a block ({@code news:components/text}) ready to print: cleaned to the formatting
     * the rich text editor offers (whoever wrote the node) and with its content links resolved.
     */
    public String richText(Object html) {
        String clean = html == null ? null : io.newsroom.news.article.RichTextSanitizer.sanitize(String.valueOf(html));
        return clean == null ? "" : parts.links().resolve(clean);
    }

    /**
     * The pixel size of an image's rendition ({@code width}, {@code height}) for the {@code img}
     * attributes; null where the host does not know it (templates then leave the attributes out).
     */
    public ImageSizes.Size imageSize(String itemKey, String rendition) {
        ImageSizes sizes = parts.imageSizes();
        return sizes == null || itemKey == null || itemKey.isBlank()
                ? null
                : sizes.size(itemKey, rendition).orElse(null);
    }

    /**
     * CSS classes placing an image's focal point for crops made in the page ({@code object-fit: cover}):
     * {@code news-fx-N news-fy-M}, tenths from the left and the top (the stylesheet turns them into
     * {@code object-position}; a style attribute would break the site's Content-Security-Policy). Empty
     * for the centre and where the host does not know the image's point.
     */
    public String imageFocus(String itemKey) {
        ImageSizes sizes = parts.imageSizes();
        if (sizes == null || itemKey == null || itemKey.isBlank()) {
            return "";
        }
        return sizes.focus(itemKey)
                .map(f -> "news-fx-" + Math.round(f.x() * 10) + " news-fy-" + Math.round(f.y() * 10))
                .orElse("");
    }

    /** schema.org NewsArticle as JSON, safe to print inside {@code <script type="application/ld+json">}. */
    public String jsonLd(ArticleView article, String pageUrl, String siteName) {
        return StructuredData.newsArticle(article, pageUrl, siteName);
    }

    /** With the article's image ({@code imageUrl}: absolute, the Open Graph rendition; empty for none). */
    public String jsonLd(ArticleView article, String pageUrl, String siteName, String imageUrl) {
        return StructuredData.newsArticle(article, pageUrl, siteName, imageUrl);
    }

    /** schema.org {@code BreadcrumbList} JSON-LD of the trail {@code names} at the absolute {@code urls}. */
    public String breadcrumbJsonLd(List<?> names, List<?> urls) {
        return StructuredData.breadcrumbs(
                names.stream().map(String::valueOf).toList(),
                urls.stream().map(String::valueOf).toList());
    }

    // --- addresses and languages ---

    /**
     * The address of the light module's web resource {@code path} ({@code css/news.css}) below the context
     * path, with its fingerprint ({@code ?v=...}) where the host knows it, so it can be kept for a year and
     * a changed file gets a new address.
     */
    public String resource(String path) {
        return links.resource(path);
    }

    /**
     * The article's URL below the context path, with the language prefix Magnolia uses
     * ({@code /en/...}) for a language of the site other than its default one.
     */
    public String link(ArticleView article, Object locale) {
        return links.link(article, locale);
    }

    public String link(ArticleView article) {
        return article.getUrl();
    }

    /** A site path ({@code /}, {@code /news}) in {@code locale}: with its language prefix when it has one. */
    public String localized(String path, Object locale) {
        return links.localized(path, locale);
    }

    /**
     * The site's menu in {@code locale}'s language, made from its pages: each entry's {@code title} and
     * {@code path} (to localize); empty where the host makes none (the header then shows its own links).
     */
    public List<Map<String, String>> menu(Object locale) {
        String language = locale == null ? "" : languageOf(locale);
        List<Map<String, String>> links = new java.util.ArrayList<>();
        for (io.newsroom.news.pages.SiteMenu.Link link : parts.menu().apply(language)) {
            links.add(Map.of("title", link.title(), "path", link.path()));
        }
        return links;
    }

    /**
     * A category's name as readers of {@code locale} read it: the English name on the English site where an
     * editor gave one, else the name articles have.
     */
    public String categoryName(String category, Object locale) {
        if (category == null || category.isBlank()) {
            return "";
        }
        String language = locale == null ? "" : languageOf(locale);
        return parts.categoryNames().apply(category, language);
    }

    /** The address of a category's archive in {@code locale}: {@code /news/thong-bao}, {@code /en/news/thong-bao}. */
    public String categoryLink(String category, Object locale) {
        return links.categoryLink(category, locale);
    }

    /** The other languages the site is served in, for the language switch (none when there is only one). */
    public List<SiteLanguages.Language> otherLanguages(Object current) {
        return links.otherLanguages(current);
    }

    /** Every language the site is served in, the default one first (for {@code hreflang} alternates). */
    public List<SiteLanguages.Language> languages() {
        return links.languages();
    }

    /** Whether {@code locale} is the site's default language (the one without an address prefix). */
    public boolean isDefaultLanguage(Object locale) {
        return links.isDefaultLanguage(locale);
    }

    /**
     * The same page in another language: {@code /en/news} for {@code /news} and back, keeping the
     * context path. Magnolia marks non-default languages with a path prefix; so does the embedded site.
     */
    public String switchLanguage(String originalUri, String contextPath, String language) {
        return links.switchLanguage(originalUri, contextPath, language);
    }

    /**
     * The site's public address followed by {@code path}, for canonical, Open Graph and feed links:
     * the configured base URL; only without one the request's own scheme, host and port (the
     * {@code Host} header is the client's to write, so the embedded runtime always has a base URL).
     */
    public String absoluteUrl(HttpServletRequest request, String path) {
        return links.absoluteUrl(request, path);
    }

    // --- dates ---

    /** {@code dd/MM/yyyy} in the site's zone, for a Date, Calendar or Instant. */
    public String date(Object value) {
        Instant instant = instant(value);
        return instant == null
                ? ""
                : ArticleView.DATE.format(instant.atZone(parts.articles().siteZone()));
    }

    /** {@code HH:mm} in the site's zone. */
    public String time(Object value) {
        Instant instant = instant(value);
        return instant == null
                ? ""
                : ArticleView.TIME.format(instant.atZone(parts.articles().siteZone()));
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) return i;
        if (value instanceof Date d) return d.toInstant();
        if (value instanceof Calendar c) return c.toInstant();
        return null;
    }
}
