package io.newsroom.news.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import io.newsroom.news.article.ArticleDraft;
import io.newsroom.news.article.ArticleRepository;
import io.newsroom.news.article.ValidationException;

/**
 * Fills a new site with the demo articles of {@code demo-articles.yaml}, once: a marker in the
 * default workspace records that it happened, so articles an editor deleted do not come back.
 */
public final class DemoContent {
    private static final String MARKER = "newsDemoContent";

    private DemoContent() {
    }

    /** Creates the demo articles unless this repository already had them; returns how many. */
    public static int createOnFirstStart(NewsRuntime runtime) throws RepositoryException, IOException {
        Session system = runtime.repository().login("default");
        try {
            if (system.getRootNode().hasNode(MARKER)) {
                return 0;
            }
            int created = create(runtime.articles(), runtime.config().siteZone());
            Node marker = system.getRootNode().addNode(MARKER, "nt:unstructured");
            marker.setProperty("created", java.util.Calendar.getInstance());
            marker.setProperty("articles", created);
            system.save();
            return created;
        } finally {
            system.logout();
        }
    }

    static int create(ArticleRepository articles, java.time.ZoneId zone) throws RepositoryException, IOException {
        List<Map<String, Object>> entries = read();
        for (Map<String, Object> entry : entries) {
            ArticleDraft draft = new ArticleDraft();
            draft.setTitle(text(entry, "title"));
            draft.setLead(text(entry, "lead"));
            draft.setBody(text(entry, "body"));
            draft.setCategory(text(entry, "category"));
            draft.setAuthor(text(entry, "author"));
            draft.setPostedDate(LocalDateTime.parse(text(entry, "posted")).atZone(zone).toInstant());
            draft.setFeatured(Boolean.TRUE.equals(entry.get("featured")));
            if (entry.get("featuredRank") instanceof Number rank) {
                draft.setFeaturedRank(rank.longValue());
            }
            try {
                articles.create(draft, "demo");
            } catch (ValidationException e) {
                throw new IllegalStateException("Demo article '" + draft.getTitle() + "' is invalid: " + e.errors(), e);
            }
        }
        return entries.size();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> read() throws IOException {
        try (InputStream in = DemoContent.class.getResourceAsStream("demo-articles.yaml")) {
            Object loaded = new Yaml(new SafeConstructor(new LoaderOptions()))
                    .load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return (List<Map<String, Object>>) loaded;
        }
    }

    private static String text(Map<String, Object> entry, String key) {
        Object value = entry.get(key);
        return value == null ? null : String.valueOf(value);
    }
}
