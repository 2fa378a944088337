package io.newsroom.news.magnolia;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;

import javax.jcr.RepositoryException;
import javax.jcr.Session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newsroom.news.article.ArticleRepository;
import io.newsroom.news.article.JcrSessions;
import io.newsroom.news.featured.ArticleCache;
import io.newsroom.news.views.StatsStore;
import io.newsroom.news.views.ViewCounter;
import io.newsroom.news.views.ViewCounting;
import io.newsroom.news.views.ViewSettings;

/**
 * The news module's parts inside Magnolia, created once on first use: the article repository over
 * the {@code news} workspace, the featured cache (kept fresh by JCR observation), and the view
 * counter over {@code news-stats}. Settings come from system properties, so a webapp can set them
 * in {@code magnolia.properties} or on the command line:
 * {@code newsroom.news.zone} (Asia/Ho_Chi_Minh), {@code newsroom.news.views.enabled} (true),
 * {@code newsroom.news.views.journal} (a folder; default {@code ${magnolia.home}/news-views-journal}),
 * {@code newsroom.news.views.perMinute} (120).
 */
public final class MagnoliaNews implements AutoCloseable {
    public static final String WORKSPACE = "news";
    public static final String NODE_TYPE = "news:article";
    private static final Logger LOG = LoggerFactory.getLogger(MagnoliaNews.class);
    private static MagnoliaNews instance;

    private final ArticleRepository articles;
    private final ArticleCache cache;
    private final ViewCounter counter;
    private final Session observation;
    private final ZoneId zone;
    private final Clock clock = Clock.systemUTC();

    private MagnoliaNews(JcrSessions sessions) throws RepositoryException, IOException {
        this.zone = ZoneId.of(System.getProperty("newsroom.news.zone", "Asia/Ho_Chi_Minh"));
        this.articles = new ArticleRepository(sessions, WORKSPACE, NODE_TYPE, zone, clock);
        this.cache = new ArticleCache(articles, clock);
        this.observation = sessions.open(WORKSPACE);
        articles.observe(observation);
        ViewSettings settings = ViewSettings.defaults(journalFolder(), zone)
                .withEnabled(Boolean.parseBoolean(System.getProperty("newsroom.news.views.enabled", "true")))
                .withRatePerMinute(Integer.getInteger("newsroom.news.views.perMinute", 120));
        this.counter = ViewCounter.start(settings, new StatsStore(sessions, zone, clock, settings.retentionDays()), articles, clock);
        ViewCounting.install(counter);
    }

    /** The running instance, started on first call with Magnolia's system-context sessions. */
    public static synchronized MagnoliaNews get() {
        if (instance == null) {
            try {
                instance = new MagnoliaNews(MagnoliaContext.find().systemSessions());
                LOG.info("Magnolia News started (zone {}, view journal in {})", instance.zone, journalFolder());
            } catch (RepositoryException | IOException e) {
                throw new IllegalStateException("Magnolia News could not start: " + e.getMessage(), e);
            }
        }
        return instance;
    }

    /** Stops counting after a final save; the next {@link #get()} starts again. */
    public static synchronized void shutdown() {
        if (instance != null) {
            instance.close();
            instance = null;
        }
    }

    public ArticleRepository articles() { return articles; }
    public ArticleCache cache() { return cache; }
    public ViewCounter counter() { return counter; }
    public ZoneId zone() { return zone; }
    public Clock clock() { return clock; }

    @Override
    public void close() {
        counter.close();
        observation.logout();
    }

    static Path journalFolder() {
        String configured = System.getProperty("newsroom.news.views.journal");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String home = System.getProperty("magnolia.home", System.getProperty("java.io.tmpdir"));
        return Path.of(home, "news-views-journal");
    }
}
