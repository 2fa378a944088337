package io.newsroom.news.magnolia;

import io.newsroom.news.NewsModule;
import io.newsroom.news.article.ArticleRepository;
import io.newsroom.news.article.Audience;
import io.newsroom.news.definitions.Messages;
import io.newsroom.news.featured.ArticleCache;
import io.newsroom.news.templating.NewsFunctions;
import io.newsroom.news.views.SiteOrigins;
import io.newsroom.news.views.TrustedProxies;
import io.newsroom.news.views.ViewCounter;
import io.newsroom.news.views.ViewSettings;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import javax.jcr.RepositoryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The news module's parts inside Magnolia ({@link NewsModule}: the article repository over the
 * {@code news} workspace, the featured cache kept fresh by a change listener Magnolia holds, the view
 * counter over {@code news-stats}, {@code newsfn}), owned here and by nothing else. Started by the
 * module class ({@link NewsModuleClass}) when Magnolia starts the module and stopped by it when
 * Magnolia stops the module, before the repository closes; servlets, the renderer's {@code newsfn} and
 * the app's Views column only use what is running.
 * <p>
 * Starting does its JCR work on a thread of its own: every unit of work releases its thread's system
 * sessions, and the thread Magnolia starts modules on may be using system sessions of its own.
 * <p>
 * Settings come from the webapp's {@code magnolia.properties}, else system properties
 * ({@link MagnoliaSettings}): {@code newsroom.news.zone} (Asia/Ho_Chi_Minh),
 * {@code newsroom.news.views.enabled} (true), {@code newsroom.news.views.journal} (a folder of this
 * instance's own; default {@code ${magnolia.home}/news-views-journal}), {@code newsroom.news.views.perMinute}
 * (120), {@code newsroom.news.trustedProxies} (none; addresses and CIDRs of reverse proxies whose
 * forwarded headers name the client), {@code newsroom.news.baseUrl} (the site's public address for
 * absolute links and for the beacon's same-site check; without it Magnolia's request decides).
 */
public final class MagnoliaNews {
    public static final String WORKSPACE = "news";
    public static final String NODE_TYPE = "news:article";
    private static final Logger LOG = LoggerFactory.getLogger(MagnoliaNews.class);
    private static MagnoliaNews instance;
    /** Why the last start failed, for every caller that finds the module not running. */
    private static String startFailure;

    private final NewsModule module;
    private final SiteLanguagesOfMagnolia languages;
    private final MagnoliaLinks links;
    private final ZoneId zone;
    private final Clock clock = Clock.systemUTC();
    private final MagnoliaSettings settings;
    /** Editors on the author instance preview drafts; readers on public instances see what is published. */
    private final Audience audience;

    private MagnoliaNews(ClassLoader loader) throws RepositoryException, IOException {
        MagnoliaContext context = MagnoliaContext.find(loader);
        this.settings = MagnoliaSettings.find(loader);
        this.zone = ZoneId.of(settings.get("newsroom.news.zone", "Asia/Ho_Chi_Minh"));
        // What is on a public instance arrived by publishing: it shows that, whatever status it arrived with.
        this.audience = authorInstance(loader) ? Audience.EDITORS : Audience.PUBLIC_INSTANCE;
        this.languages = SiteLanguagesOfMagnolia.find(loader);
        this.links = MagnoliaLinks.find(loader);
        // Read once: magnolia.properties does not change while Magnolia runs, and links ask for it often.
        String baseUrl = blankToNull(settings.get("newsroom.news.baseUrl", null));
        ViewSettings views = ViewSettings.defaults(settings.journalFolder(), zone)
                .withEnabled(Boolean.parseBoolean(settings.get("newsroom.news.views.enabled", "true")))
                .withRatePerMinute(Integer.parseInt(settings.get("newsroom.news.views.perMinute", "120")))
                .withTrustedProxies(TrustedProxies.parse(settings.get("newsroom.news.trustedProxies", ""))
                        .readingHeader(TrustedProxies.Header.named(
                                settings.get("newsroom.news.forwardedHeader", "X-Forwarded-For"))))
                .withSiteOrigins(SiteOrigins.parse(baseUrl == null ? "" : baseUrl));
        // Magnolia versions content itself: the module keeps no versions of its own here.
        this.module = NewsModule.builder(context, MagnoliaObservation.find(loader), zone, clock)
                .articleType(WORKSPACE, NODE_TYPE)
                .audience(audience)
                .views(views)
                .languages(languages)
                .links(links)
                .baseUrl(() -> baseUrl)
                .archiveSnapshot(settings.archiveSnapshot())
                .start();
    }

    /**
     * Starts the module's parts unless they run already; what Magnolia's start of the module calls.
     * A failure is logged with its reason and kept for {@link #get()}; it never reaches Magnolia.
     */
    static synchronized void start(ClassLoader loader) {
        if (instance != null) {
            return;
        }
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread starter = new Thread(
                () -> {
                    try {
                        outcome.set(new MagnoliaNews(loader));
                    } catch (Exception | Error e) {
                        outcome.set(e);
                    }
                },
                "news-start");
        starter.start();
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome.compareAndSet(null, e);
        }
        if (outcome.get() instanceof MagnoliaNews started) {
            instance = started;
            startFailure = null;
            LOG.info(
                    "Magnolia News started ({}, zone {}, view journal in {})",
                    started.audience == Audience.EDITORS ? "author instance" : "public instance",
                    started.zone,
                    started.settings.journalFolder());
        } else {
            Throwable failure = (Throwable) outcome.get();
            startFailure = failure.getMessage();
            LOG.error("Magnolia News did not start: {}", failure.getMessage(), failure);
        }
    }

    /** The running module. */
    public static synchronized MagnoliaNews get() {
        if (instance == null) {
            throw new IllegalStateException("Magnolia News is not running"
                    + (startFailure != null
                            ? ": its start failed (" + startFailure + ")"
                            : ": Magnolia has not started the module (its class " + NewsModuleClass.class.getName()
                                    + ")"));
        }
        return instance;
    }

    /** Whether the module's parts are running (for servlets, which answer 503 otherwise). */
    static synchronized boolean running() {
        return instance != null;
    }

    /**
     * Saves what is counted, stops listening and lets go of the journal folder: what Magnolia's stop
     * of the module calls, before it closes the repository. A later {@link #start} starts again.
     */
    static synchronized void stop() {
        if (instance != null) {
            try {
                instance.module.close();
            } catch (RuntimeException e) {
                LOG.error("Stopping Magnolia News: {}", e.toString(), e);
            }
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
}
