package io.newsroom.news.magnolia;

import io.newsroom.news.NewsModule;
import io.newsroom.news.article.ArticleRepository;
import io.newsroom.news.article.Audience;
import io.newsroom.news.definitions.Messages;
import io.newsroom.news.featured.ArticleCache;
import io.newsroom.news.templating.NewsFunctions;
import io.newsroom.news.views.TrustedProxies;
import io.newsroom.news.views.ViewCounter;
import io.newsroom.news.views.ViewSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import javax.jcr.RepositoryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The news module's parts inside Magnolia, owned here and by nothing else: the article repository
 * over the {@code news} workspace, the featured cache (kept fresh by a change listener Magnolia
 * holds), the view counter over {@code news-stats}, and {@code newsfn}. Started once, on first use
 * by any of the module's entry points ({@code newsfn}, the beacon or delivery servlet, the app's
 * Views column), and stopped once, by a JVM shutdown hook.
 * <p>
 * Why a holder and not a module class: Magnolia calls a module's {@code ModuleLifecycle}, an
 * interface this jar cannot implement without compiling against Magnolia. Servlets and renderer
 * objects come and go (Magnolia initialises a new filter chain before destroying the old one, on
 * another thread), so none of them may own these parts. A missed final flush (the JVM killed) is
 * harmless: every answered view is in the journal and is replayed at the next start.
 * <p>
 * Settings are system properties (set them in {@code magnolia.properties} or on the command line):
 * {@code newsroom.news.zone} (Asia/Ho_Chi_Minh), {@code newsroom.news.views.enabled} (true),
 * {@code newsroom.news.views.journal} (a folder; default {@code ${magnolia.home}/news-views-journal}),
 * {@code newsroom.news.views.perMinute} (120), {@code newsroom.news.trustedProxies} (none; addresses and
 * CIDRs of reverse proxies whose forwarded-for headers name the client), {@code newsroom.news.baseUrl}
 * (the site's public address for absolute links; without it Magnolia's request decides).
 */
public final class MagnoliaNews {
    public static final String WORKSPACE = "news";
    public static final String NODE_TYPE = "news:article";
    private static final Logger LOG = LoggerFactory.getLogger(MagnoliaNews.class);
    private static MagnoliaNews instance;
    private static Thread shutdownHook;

    private final NewsModule module;
    private final SiteLanguagesOfMagnolia languages;
    private final MagnoliaLinks links;
    private final ZoneId zone;
    private final Clock clock = Clock.systemUTC();
    /** Editors on the author instance preview drafts; readers on public instances see what is published. */
    private final Audience audience;

    private MagnoliaNews(ClassLoader loader) throws RepositoryException, IOException {
        MagnoliaContext context = MagnoliaContext.find(loader);
        this.zone = ZoneId.of(System.getProperty("newsroom.news.zone", "Asia/Ho_Chi_Minh"));
        this.audience = authorInstance(loader) ? Audience.EDITORS : Audience.READERS;
        this.languages = SiteLanguagesOfMagnolia.find(loader);
        this.links = MagnoliaLinks.find(loader);
        ViewSettings settings = ViewSettings.defaults(journalFolder(), zone)
                .withEnabled(Boolean.parseBoolean(System.getProperty("newsroom.news.views.enabled", "true")))
                .withRatePerMinute(Integer.getInteger("newsroom.news.views.perMinute", 120))
                .withTrustedProxies(TrustedProxies.parse(System.getProperty("newsroom.news.trustedProxies", "")));
        // Magnolia versions content itself: the module keeps no versions of its own here.
        this.module = NewsModule.builder(context, MagnoliaObservation.find(loader), zone, clock)
                .articleType(WORKSPACE, NODE_TYPE)
                .audience(audience)
                .views(settings)
                .languages(languages)
                .links(links)
                .baseUrl(() -> blankToNull(System.getProperty("newsroom.news.baseUrl")))
                .start();
    }

    /** The running instance, started on the first call. */
    public static synchronized MagnoliaNews get() {
        if (instance == null) {
            try {
                instance = new MagnoliaNews(MagnoliaNews.class.getClassLoader());
            } catch (RepositoryException | IOException e) {
                throw new IllegalStateException("Magnolia News could not start: " + e.getMessage(), e);
            }
            if (shutdownHook == null) {
                shutdownHook = new Thread(MagnoliaNews::stop, "news-shutdown");
                Runtime.getRuntime().addShutdownHook(shutdownHook);
            }
            LOG.info("Magnolia News started (zone {}, view journal in {})", instance.zone, journalFolder());
        }
        return instance;
    }

    /**
     * Saves what is counted and stops listening: what the JVM shutdown hook runs when Magnolia
     * stops. A later {@link #get()} starts the parts again.
     */
    static synchronized void stop() {
        if (instance != null) {
            instance.module.close();
            instance = null;
            LOG.info("Magnolia News stopped");
        }
    }

    public NewsModule module() {
        return module;
    }

    public ArticleRepository articles() {
        return module.articles();
    }

    public ArticleCache cache() {
        return module.cache();
    }

    public ViewCounter counter() {
        return module.viewCounter();
    }

    public NewsFunctions functions() {
        return module.newsFunctions();
    }

    SiteLanguagesOfMagnolia languages() {
        return languages;
    }

    Audience audience() {
        return audience;
    }

    MagnoliaLinks links() {
        return links;
    }

    public Messages messages() {
        return module.messages();
    }

    public ZoneId zone() {
        return zone;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * Whether this is Magnolia's author instance: {@code ServerConfiguration.isAdmin()} from
     * {@code Components}. When it cannot be asked, the instance is treated as public (drafts hidden).
     */
    static boolean authorInstance(ClassLoader loader) {
        try {
            Class<?> configuration = Class.forName("info.magnolia.cms.beans.config.ServerConfiguration", true, loader);
            Object server = Class.forName(SiteLanguagesOfMagnolia.COMPONENTS, true, loader)
                    .getMethod("getComponent", Class.class)
                    .invoke(null, configuration);
            return Boolean.TRUE.equals(configuration.getMethod("isAdmin").invoke(server));
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn(
                    "Cannot tell whether this is Magnolia's author instance ({}); drafts are hidden as on a public one",
                    e.toString());
            return false;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip().replaceAll("/+$", "");
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
