package io.newsroom.news.embedded.demo;

import io.newsroom.news.article.Article;
import io.newsroom.news.article.ArticleDraft;
import io.newsroom.news.article.ArticleNodes;
import io.newsroom.news.article.ArticleNotFoundException;
import io.newsroom.news.article.ArticleRepository;
import io.newsroom.news.article.Translation;
import io.newsroom.news.article.ValidationException;
import io.newsroom.news.embedded.repository.EmbeddedRepository;
import io.newsroom.news.pages.WebsitePages;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Fills a new site with the demo articles of {@code demo-articles.yaml} and the pages that show
 * them (home, news archive, article page), once: a marker in the default workspace records that
 * it happened, so what an editor deleted does not come back.
 */
public final class DemoContent {
    private static final String MARKER = "newsDemoContent";

    private DemoContent() {}

    /** Creates the demo articles unless this repository already had them; returns how many. */
    public static int createOnFirstStart(EmbeddedRepository repository, ArticleRepository articles, ZoneId zone)
            throws RepositoryException, IOException {
        Session system = repository.login("default");
        try {
            if (system.getRootNode().hasNode(MARKER)) {
                addEnglishTexts(repository);
                return 0;
            }
            int created = create(articles, zone);
            createPages(repository);
            Node marker = system.getRootNode().addNode(MARKER, "nt:unstructured");
            marker.setProperty("created", Calendar.getInstance());
            marker.setProperty("articles", created);
            system.save();
            return created;
        } finally {
            system.logout();
        }
    }

    /** The demo's categories with their English names, as an editor would set them on the Categories screen. */
    private static final Map<String, String> CATEGORIES = new java.util.LinkedHashMap<>();

    static {
        CATEGORIES.put("Tin hoạt động", "Ward activities");
        CATEGORIES.put("Thông báo", "Announcements");
        CATEGORIES.put("Văn hoá - Xã hội", "Culture and society");
        CATEGORIES.put("Hướng dẫn thủ tục", "How-to guides");
        CATEGORIES.put("Thể thao", "Sports");
    }

    /**
     * The demo's categories, each with its English name, when the site manages none yet (its first start):
     * the English site then says "Announcements" where the Vietnamese one says "Thông báo".
     */
    public static void createCategories(io.newsroom.news.categories.Categories categories) throws RepositoryException {
        if (!categories.list().isEmpty()) {
            return;
        }
        for (Map.Entry<String, String> category : CATEGORIES.entrySet()) {
            try {
                categories.create(
                        new io.newsroom.news.categories.Categories.Draft(
                                category.getKey(), category.getValue(), null, null),
                        "demo");
            } catch (ValidationException e) {
                throw new IllegalStateException("Demo category '" + category.getKey() + "' is invalid", e);
            }
        }
    }

    static int create(ArticleRepository articles, ZoneId zone) throws RepositoryException, IOException {
        List<Map<String, Object>> entries = read();
        for (Map<String, Object> entry : entries) {
            ArticleDraft draft = new ArticleDraft();
            draft.setPublishOnCreate(true);
            draft.setTitle(text(entry, "title"));
            draft.setLead(text(entry, "lead"));
            draft.setBody(text(entry, "body"));
            draft.setCategory(text(entry, "category"));
            draft.setAuthor(text(entry, "author"));
            draft.setPostedDate(
                    LocalDateTime.parse(text(entry, "posted")).atZone(zone).toInstant());
            draft.setFeatured(Boolean.TRUE.equals(entry.get("featured")));
            if (entry.get("featuredRank") instanceof Number rank) {
                draft.setFeaturedRank(rank.longValue());
            }
            boolean english = entry.get("english") instanceof Map<?, ?>;
            if (english) {
                Map<?, ?> version = (Map<?, ?>) entry.get("english");
                draft.getEnglish().setTitle(text(version, "title"));
                draft.getEnglish().setLead(text(version, "lead"));
                draft.getEnglish().setBody(text(version, "body"));
            }
            try {
                Article created = articles.create(draft, "demo");
                if (english) {
                    // The demo's English versions are on the English site from the start.
                    ArticleNodes nodes = new ArticleNodes(zone);
                    articles.change(
                            created.id(),
                            node -> nodes.stampTranslation(node, Translation.ENGLISH, true, created.created(), "demo"));
                }
            } catch (ArticleNotFoundException e) {
                throw new IllegalStateException("Demo article '" + draft.getTitle() + "' vanished", e);
            } catch (ValidationException e) {
                throw new IllegalStateException("Demo article '" + draft.getTitle() + "' is invalid: " + e.errors(), e);
            }
        }
        return entries.size();
    }

    /** The demo site's pages in the {@code website} workspace, like a site builder would set them up. */
    public static void createPages(EmbeddedRepository repository) throws RepositoryException {
        Session website = repository.login(WebsitePages.WORKSPACE);
        try {
            Node root = website.getRootNode();
            if (root.hasNode("home")) {
                addEnglishTexts(root);
                website.save();
                return;
            }
            Node home = page(root, "home", "news:pages/home", "Tin tức phường Hoa Sen");
            component(
                    area(home, "main"),
                    "0",
                    "news:components/featuredNews",
                    Map.of("layout", "lead", "maxItems", 5L, "showLead", false));
            component(area(home, "main"), "1", "news:components/newsList", Map.of("pageSize", 5L));
            component(
                    area(home, "aside"),
                    "0",
                    "news:components/featuredNews",
                    Map.of(
                            "heading",
                            "Thông báo",
                            "category",
                            "Thông báo",
                            "maxItems",
                            5L,
                            "showImage",
                            false,
                            "showViews",
                            false,
                            "layout",
                            "list"));

            component(area(home, "aside"), "1", "news:components/mostRead", Map.of("period", "7d", "maxItems", 5L));

            Node news = page(root, "news", "news:pages/home", "Tin tức");
            component(area(news, "main"), "0", "news:components/newsList", Map.of("pageSize", 10L));
            component(
                    area(news, "aside"),
                    "0",
                    "news:components/featuredNews",
                    Map.of("maxItems", 5L, "showImage", false, "layout", "list"));

            addSectionPages(news);
            Node article = page(news, "article", "news:pages/article", "Bài viết");
            component(
                    area(article, "related"),
                    "0",
                    "news:components/featuredNews",
                    Map.of("maxItems", 5L, "showImage", false, "layout", "list"));
            component(
                    area(article, "related"), "1", "news:components/mostRead", Map.of("period", "30d", "maxItems", 5L));
            addEnglishTexts(root);
            website.save();
        } finally {
            website.logout();
        }
    }

    /** Demo pages made by an earlier version get what they lack: their English texts. */
    static void addEnglishTexts(EmbeddedRepository repository) throws RepositoryException {
        Session website = repository.login(WebsitePages.WORKSPACE);
        try {
            addEnglishTexts(website.getRootNode());
            website.save();
        } finally {
            website.logout();
        }
    }

    /**
     * The demo's own titles and headings in English (Magnolia stores an i18n field's other languages
     * as {@code <name>_en}); also given to demo pages made before, where the site builder has not
     * set one.
     */
    /** The news section's category archive and search pages (given to demo sites made before them too). */
    private static void addSectionPages(Node news) throws RepositoryException {
        if (!news.hasNode("category")) {
            Node category = page(news, "category", "news:pages/category", "Chuyên mục");
            category.setProperty("title_en", "Category");
            component(area(category, "main"), "0", "news:components/newsList", Map.of("pageSize", 10L));
            component(
                    area(category, "aside"), "0", "news:components/mostRead", Map.of("period", "30d", "maxItems", 5L));
        }
        if (!news.hasNode("search")) {
            Node search = page(news, "search", "news:pages/search", "Tìm kiếm");
            search.setProperty("title_en", "Search");
            component(
                    area(search, "aside"),
                    "0",
                    "news:components/featuredNews",
                    Map.of("maxItems", 5L, "showImage", false, "layout", "list"));
        }
    }

    private static void addEnglishTexts(Node root) throws RepositoryException {
        if (root.hasNode("news") && root.hasNode("home")) {
            addSectionPages(root.getNode("news"));
        }
        english(root, "home", "title", "Tin tức phường Hoa Sen", "Hoa Sen Ward news");
        english(root, "news", "title", "Tin tức", "News");
        english(root, "news/article", "title", "Bài viết", "Article");
        menuTitle(root, "home", "Trang chủ", "Home");
        menuTitle(root, "news", "Tin tức", "News");
        english(root, "home/aside/0", "heading", "Thông báo", "Announcements");
    }

    /** The demo's menu titles (the home page's title is the site's name: too long for a menu). */
    private static void menuTitle(Node root, String path, String vietnamese, String english)
            throws RepositoryException {
        if (root.hasNode(path) && !root.getNode(path).hasProperty("navigationTitle")) {
            root.getNode(path).setProperty("navigationTitle", vietnamese);
            root.getNode(path).setProperty("navigationTitle_en", english);
        }
    }

    private static void english(Node root, String path, String property, String vietnamese, String english)
            throws RepositoryException {
        if (!root.hasNode(path)) {
            return;
        }
        Node node = root.getNode(path);
        if (node.hasProperty(property)
                && node.getProperty(property).getString().equals(vietnamese)
                && !node.hasProperty(property + "_en")) {
            node.setProperty(property + "_en", english);
        }
    }

    private static Node page(Node parent, String name, String template, String title) throws RepositoryException {
        Node page = parent.addNode(name, "mgnl:page");
        page.setProperty(WebsitePages.TEMPLATE_PROPERTY, template);
        page.setProperty("title", title);
        return page;
    }

    private static Node area(Node page, String name) throws RepositoryException {
        return page.hasNode(name) ? page.getNode(name) : page.addNode(name, "mgnl:area");
    }

    private static void component(Node area, String name, String template, Map<String, Object> settings)
            throws RepositoryException {
        Node component = area.addNode(name, "mgnl:component");
        component.setProperty(WebsitePages.TEMPLATE_PROPERTY, template);
        for (Map.Entry<String, Object> setting : settings.entrySet()) {
            Object value = setting.getValue();
            if (value instanceof Long l) {
                component.setProperty(setting.getKey(), l);
            } else if (value instanceof Boolean b) {
                component.setProperty(setting.getKey(), b);
            } else {
                component.setProperty(setting.getKey(), String.valueOf(value));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> read() throws IOException {
        try (InputStream in = DemoContent.class.getResourceAsStream("demo-articles.yaml")) {
            Object loaded = new Yaml(new SafeConstructor(new LoaderOptions()))
                    .load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return (List<Map<String, Object>>) loaded;
        }
    }

    private static String text(Map<?, ?> entry, String key) {
        Object value = entry.get(key);
        return value == null ? null : String.valueOf(value);
    }
}
