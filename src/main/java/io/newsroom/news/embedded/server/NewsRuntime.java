package io.newsroom.news.embedded.server;

import io.newsroom.news.NewsModule;
import io.newsroom.news.article.ArticleRepository;
import io.newsroom.news.article.AuditTrail;
import io.newsroom.news.assets.DamShapeUpgrade;
import io.newsroom.news.assets.ImageAssets;
import io.newsroom.news.categories.Categories;
import io.newsroom.news.definitions.ContentTypeDefinition;
import io.newsroom.news.definitions.ContentTypeReader;
import io.newsroom.news.definitions.DialogDefinition;
import io.newsroom.news.definitions.LightModule;
import io.newsroom.news.definitions.Messages;
import io.newsroom.news.definitions.TemplateDefinitions;
import io.newsroom.news.definitions.VirtualUriMappings;
import io.newsroom.news.embedded.admin.AdminContext;
import io.newsroom.news.embedded.admin.AdminWebApp;
import io.newsroom.news.embedded.admin.EditorAssetsServlet;
import io.newsroom.news.embedded.admin.WorkingCopies;
import io.newsroom.news.embedded.admin.accounts.AccountStore;
import io.newsroom.news.embedded.admin.accounts.AdminAccounts;
import io.newsroom.news.embedded.cluster.ClusterStartLock;
import io.newsroom.news.embedded.render.PageRenderer;
import io.newsroom.news.embedded.renditions.ImageRenditions;
import io.newsroom.news.embedded.repository.EmbeddedRepository;
import io.newsroom.news.featured.ArticleCache;
import io.newsroom.news.pages.PageDrafts;
import io.newsroom.news.pages.SiteMenu;
import io.newsroom.news.pages.SitePages;
import io.newsroom.news.pages.WebsitePages;
import io.newsroom.news.publishing.ArticleVersions;
import io.newsroom.news.publishing.Previews;
import io.newsroom.news.publishing.Publishing;
import io.newsroom.news.templating.NewsFunctions;
import io.newsroom.news.templating.StoredLinks;
import io.newsroom.news.views.SiteOrigins;
import io.newsroom.news.views.ViewCounter;
import io.newsroom.news.views.ViewSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.jcr.RepositoryException;
import org.slf4j.LoggerFactory;

/**
 * The embedded runtime's parts, wired once: the repository with the article content type
 * registered from the light module, and the article repository on top of it.
 */
public final class NewsRuntime implements AutoCloseable {
    /** The archive index kept in the data folder between starts (a hint the start checks, never the truth). */
    static final String ARCHIVE_INDEX_FILE = "archive-index.bin";

    public static final String ARTICLE_TYPE_FILE = "contentTypes/article.yaml";
    public static final String CATEGORY_TYPE_FILE = "contentTypes/category.yaml";

    private final RuntimeConfig config;
    private final LightModule lightModule;
    private final EmbeddedRepository repository;
    private final ContentTypeDefinition articleType;
    private final NewsModule module;
    private final PageRenderer pageRenderer;
    private final VirtualUriMappings virtualUriMappings;
    private final Path journalFolder;
    private final AdminContext adminContext;
    private final ImageAssets images;
    private final String initialAdminPassword;
    private final AccountStore accountStore;
    private final Previews previews;
    private final ImageRenditions renditions;
    private volatile String servedAt = "http://localhost";
    /** Empties the trash of what has been in it for {@link #TRASH_DAYS} days: at start, then every six hours. */
    private final ScheduledExecutorService trashPurge = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "news-trash-purge");
        t.setDaemon(true);
        return t;
    });

    /** Carries out unpublish dates: at start, then every {@link #UNPUBLISH_CHECK}. */
    private final ScheduledExecutorService unpublisher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "news-scheduled-unpublish");
        t.setDaemon(true);
        return t;
    });
    /** How late lists may show an article whose unpublish date has come (its own page hides it at once). */
    public static final Duration UNPUBLISH_CHECK = Duration.ofSeconds(30);
    /** Who the history names for an unpublish the schedule carried out. */
    public static final String SCHEDULER = "scheduler";

    public static final int TRASH_DAYS = 30;
    /** An image uploaded into an article that was never saved is removed after this long. */
    public static final Duration UNUSED_IMAGE_AGE = Duration.ofDays(1);

    private final AuditTrail audit;
    /** Set once the module runs (it needs the module's articles); read by templates only after that. */
    private Categories categories;
    /** Set once the runtime runs, like the categories. */
    private SiteMenu menu;

    private final SitePages sitePages;
    private final PageDrafts pageDrafts;

    private NewsRuntime(
            RuntimeConfig config,
            LightModule lightModule,
            EmbeddedRepository repository,
            ContentTypeDefinition articleType,
            Clock clock)
            throws RepositoryException, IOException {
        this.config = config;
        this.lightModule = lightModule;
        this.repository = repository;
        this.articleType = articleType;
        this.journalFolder = config.inMemory()
                ? Files.createTempDirectory("news-views-")
                : config.dataFolder().resolve("views-journal");
        ViewSettings views = ViewSettings.defaults(journalFolder, config.siteZone())
                .withEnabled(config.countViews())
                .withRatePerMinute(config.viewsPerMinute())
                .withTrustedProxies(config.trustedProxies())
                // Beacons from pages at the base URL count whatever Host a reverse proxy passes on.
                .withSiteOrigins(
                        config.baseUrl() == null
                                ? SiteOrigins.NONE
                                : SiteOrigins.parse(config.baseUrl().toString()));
        this.images = new ImageAssets(repository.sessions(), clock, config.maxUploadBytes());
        // Images stored before they had Magnolia's DAM shape get it, keeping their item keys.
        DamShapeUpgrade.apply(repository.sessions());
        this.renditions = ImageRenditions.load(
                lightModule,
                images,
                config.inMemory()
                        ? journalFolder.resolve("renditions")
                        : config.dataFolder().resolve("renditions"));
        this.module = NewsModule.builder(repository.sessions(), repository.observation(), config.siteZone(), clock)
                .articleType(articleType.workspace(), articleType.nodeType())
                .views(views)
                .lightModule(lightModule)
                .links(new StoredLinks(repository.sessions(), articleType.workspace()))
                .baseUrl(this::baseUrl)
                .keepVersions(config.maxVersions())
                .archiveSnapshot(config.inMemory() ? null : config.dataFolder().resolve(ARCHIVE_INDEX_FILE))
                .imageSizes(renditions)
                .resourceVersions(path -> WebResourceServlet.fingerprint(lightModule, path))
                .menu(language -> menuLinks(language))
                .categoryNames((category, language) ->
                        categories == null ? category : categories.shownName(category, language))
                .start();
        Path accountsFolder = config.inMemory() ? journalFolder : config.dataFolder();
        // In the users workspace: a cluster's nodes share them, made once, and a reset on one node applies on all.
        this.accountStore = AccountStore.users(repository.sessions(), accountsFolder);
        Map.Entry<AdminAccounts, Optional<String>> accounts =
                AdminAccounts.open(accountStore, accountsFolder, config.adminPassword(), clock);
        this.initialAdminPassword = accounts.getValue().orElse(null);
        this.previews = Previews.open(config.inMemory() ? null : config.dataFolder(), config.previewLifetime(), clock);
        TemplateDefinitions templates = new TemplateDefinitions(lightModule);
        // Who did what: every change through the module's repository, publishing and pages, and sign-ins.
        this.audit = new AuditTrail(repository.sessions(), clock);
        module.articles().auditTo(audit);
        module.publishing().auditTo(audit);
        module.reviews().auditTo(audit);
        // Site builders change the pages' draft copies; readers get a page once it is published.
        WebsitePages pages = new WebsitePages(repository.sessions(), templates, clock, PageDrafts.WORKSPACE);
        pages.auditTo(audit);
        this.pageDrafts = new PageDrafts(repository.sessions());
        pageDrafts.auditTo(audit);
        this.menu = new SiteMenu(repository.sessions(), SiteServlet.HOME);
        menu.auditTo(audit);
        // The site's own pages and the addresses it answers itself are never a site builder's new page.
        java.util.Set<String> kept = new java.util.HashSet<>(java.util.List.of(
                SiteServlet.HOME, "/news", AdminWebApp.PATH, ImageAssets.DAM_PATH, EditorAssetsServlet.PATH));
        for (java.util.Locale language : Messages.LANGUAGES) {
            kept.add("/" + language.getLanguage());
        }
        this.sitePages = new SitePages(repository.sessions(), kept);
        sitePages.auditTo(audit);
        // The managed categories: made from the ones articles have on the first start with this version.
        this.categories = new Categories(repository.sessions(), module.articles());
        categories.auditTo(audit);
        categories.startFrom(module.articles()::categories);
        module.articles().acceptOnlyCategories(name -> categoriesEmpty() || categories.isCategory(name));
        this.adminContext = new AdminContext(
                module,
                accounts.getKey(),
                config.siteZone(),
                images,
                previews,
                pages,
                templates,
                dialogId -> {
                    try {
                        return DialogDefinition.load(lightModule, dialogId);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                },
                new WorkingCopies(
                        config.inMemory()
                                ? journalFolder.resolve("working-copies")
                                : config.dataFolder().resolve("working-copies")),
                audit,
                categories,
                menu,
                sitePages,
                pageDrafts);
        this.pageRenderer =
                new PageRenderer(lightModule, templates, module.messages(), module.newsFunctions(), images, renditions);
        this.virtualUriMappings = VirtualUriMappings.load(lightModule);
        unpublisher.scheduleWithFixedDelay(() -> unpublishDue(clock), 0, UNPUBLISH_CHECK.toSeconds(), TimeUnit.SECONDS);
        trashPurge.scheduleWithFixedDelay(
                () -> {
                    purgeTrash(clock);
                    removeUnusedImages(clock);
                    purgeAudit();
                },
                0,
                6,
                TimeUnit.HOURS);
    }

    public static NewsRuntime start(RuntimeConfig config) throws RepositoryException, IOException {
        return start(config, LightModule.locate(), Clock.systemUTC());
    }

    public static NewsRuntime start(RuntimeConfig config, LightModule lightModule, Clock clock)
            throws RepositoryException, IOException {
        return start(config, lightModule, clock, runtime -> {});
    }

    /** What a starting node does before another may start: create content every node would otherwise create too. */
    @FunctionalInterface
    public interface FirstWork {
        void run(NewsRuntime runtime) throws RepositoryException, IOException;
    }

    /**
     * Starts the runtime and runs {@code firstWork} on it. A cluster node does all of it while no other
     * node starts ({@link ClusterStartLock}), so nodes started at once never both create the tables,
     * workspaces, node types, counter folders or demo content.
     */
    public static NewsRuntime start(RuntimeConfig config, LightModule lightModule, Clock clock, FirstWork firstWork)
            throws RepositoryException, IOException {
        ContentTypeDefinition articleType;
        try (InputStream yaml = lightModule.open(ARTICLE_TYPE_FILE)) {
            articleType = ContentTypeReader.read("article", yaml);
        }
        if (config.cluster() != null && config.inMemory()) {
            throw new IllegalArgumentException(
                    "A cluster node keeps its indexes in a data folder: use --data, not --memory");
        }
        try (ClusterStartLock alone = config.cluster() != null ? ClusterStartLock.take(config.cluster()) : null) {
            EmbeddedRepository repository = config.inMemory()
                    ? EmbeddedRepository.inMemory()
                    : config.cluster() != null
                            ? EmbeddedRepository.cluster(
                                    config.dataFolder(), config.cluster().withNodeIdIn(config.dataFolder()))
                            : EmbeddedRepository.persistent(config.dataFolder());
            NewsRuntime runtime;
            try {
                prepare(repository, articleType, lightModule);
                runtime = new NewsRuntime(config, lightModule, repository, articleType, clock);
            } catch (RepositoryException | IOException | RuntimeException e) {
                repository.close();
                throw e;
            }
            try {
                firstWork.run(runtime);
                // Categories of the demo's (or an import's) articles, when none were managed yet.
                runtime.categories.startFrom(runtime.articles()::categories);
            } catch (RepositoryException | IOException | RuntimeException e) {
                runtime.close();
                throw e;
            }
            return runtime;
        }
    }

    /** The content type's node type and every workspace the runtime uses, made when missing. */
    private static void prepare(
            EmbeddedRepository repository, ContentTypeDefinition articleType, LightModule lightModule)
            throws RepositoryException, IOException {
        if (articleType.autoCreate()) {
            repository.register(articleType);
        }
        try (InputStream yaml = lightModule.open(CATEGORY_TYPE_FILE)) {
            repository.register(ContentTypeReader.read("category", yaml));
        }
        repository.ensureWorkspace(WebsitePages.WORKSPACE);
        repository.ensureWorkspace(PageDrafts.WORKSPACE);
        repository.ensureWorkspace(ViewSettings.WORKSPACE, "stats-workspace");
        repository.ensureWorkspace(ImageAssets.WORKSPACE);
        repository.ensureWorkspace(ArticleVersions.WORKSPACE);
        repository.ensureWorkspace(AuditTrail.WORKSPACE);
        repository.ensureWorkspace(AccountStore.UserNodes.WORKSPACE);
        repository.ensureWorkspace(AccountStore.UserNodes.ROLES_WORKSPACE);
    }

    public RuntimeConfig config() {
        return config;
    }

    /** The site's menu in {@code language}, once the runtime runs (the header shows its own links before). */
    private List<SiteMenu.Link> menuLinks(String language) {
        try {
            return menu == null ? List.of() : menu.links(language);
        } catch (javax.jcr.RepositoryException e) {
            throw new IllegalStateException("Cannot read the site's menu: " + e.getMessage(), e);
        }
    }

    /** The pages site builders make and delete. */
    public SitePages sitePages() {
        return sitePages;
    }

    /** The site builders' draft copies of the pages, their state, preview and publishing. */
    public PageDrafts pageDrafts() {
        return pageDrafts;
    }

    /** The site's menu, made from its pages. */
    public SiteMenu menu() {
        return menu;
    }

    /** The managed categories. */
    public Categories categories() {
        return categories;
    }

    /** No category is managed yet (a new site): any name is taken, as before categories were managed. */
    private boolean categoriesEmpty() {
        try {
            return categories.list().isEmpty();
        } catch (javax.jcr.RepositoryException e) {
            throw new IllegalStateException("Cannot read the categories: " + e.getMessage(), e);
        }
    }

    /**
     * The site's public address for absolute links: {@code --base-url}, else the address the server was
     * started on ({@link #serving}), never the {@code Host} header a client sent.
     */
    public String baseUrl() {
        return config.baseUrl() != null ? config.baseUrl().toString() : servedAt;
    }

    /** Called by the server once it listens: {@code http://localhost:<port>} is the base URL unless one is configured. */
    void serving(int port) {
        this.servedAt = "http://localhost:" + port;
    }

    public LightModule lightModule() {
        return lightModule;
    }

    public EmbeddedRepository repository() {
        return repository;
    }

    public ContentTypeDefinition articleType() {
        return articleType;
    }

    public NewsModule module() {
        return module;
    }

    public ArticleRepository articles() {
        return module.articles();
    }

    public Publishing publishing() {
        return module.publishing();
    }

    public Messages messages() {
        return module.messages();
    }

    public ArticleCache cache() {
        return module.cache();
    }

    public NewsFunctions newsFunctions() {
        return module.newsFunctions();
    }

    public PageRenderer pageRenderer() {
        return pageRenderer;
    }

    public VirtualUriMappings virtualUriMappings() {
        return virtualUriMappings;
    }

    public ViewCounter viewCounter() {
        return module.viewCounter();
    }

    public AdminContext adminContext() {
        return adminContext;
    }

    public ImageAssets images() {
        return images;
    }

    public Previews previews() {
        return previews;
    }

    public ImageRenditions renditions() {
        return renditions;
    }

    /** Where this runtime's admin accounts are kept (the data folder's file, or the cluster's repository). */
    public AccountStore accountStore() {
        return accountStore;
    }

    /** How the first admin account came about on this start. */
    public AdminAccounts.Creation adminCreation() {
        return adminContext.accounts().creation();
    }

    /** The made-up password of the admin account made on this start, to be shown once; empty otherwise. */
    public Optional<String> initialAdminPassword() {
        return Optional.ofNullable(initialAdminPassword);
    }

    /** Drops audit entries older than {@link AuditTrail#RETENTION_DAYS} (whole days). */
    private void purgeAudit() {
        try {
            audit.purge(AuditTrail.RETENTION_DAYS);
        } catch (RepositoryException | RuntimeException e) {
            LoggerFactory.getLogger(NewsRuntime.class).warn("Trimming the audit trail failed: {}", e.toString());
        }
    }

    /** Who did what in the admin app. */
    public AuditTrail audit() {
        return audit;
    }

    private void purgeTrash(Clock clock) {
        try {
            int purged = module.publishing().purgeTrash(clock.instant().minus(Duration.ofDays(TRASH_DAYS)));
            if (purged > 0) {
                LoggerFactory.getLogger(NewsRuntime.class)
                        .info("Deleted {} article(s) from the trash after {} days", purged, TRASH_DAYS);
                audit.record(
                        SCHEDULER,
                        AuditTrail.Action.DELETE_FOREVER,
                        null,
                        null,
                        purged + " (trash, " + TRASH_DAYS + " days)");
            }
        } catch (RepositoryException | RuntimeException e) {
            LoggerFactory.getLogger(NewsRuntime.class).warn("Emptying the trash failed: {}", e.toString());
        }
    }

    private void unpublishDue(Clock clock) {
        try {
            List<String> done = module.publishing().unpublishDue(clock.instant(), SCHEDULER);
            if (!done.isEmpty()) {
                LoggerFactory.getLogger(NewsRuntime.class)
                        .info("Unpublished {} article(s) whose unpublish time had come", done.size());
            }
        } catch (RepositoryException | RuntimeException e) {
            LoggerFactory.getLogger(NewsRuntime.class).warn("Carrying out unpublish times failed: {}", e.toString());
        }
    }

    /** Removes images uploaded into articles that were never saved; how many. */
    public int removeUnusedImages(Clock clock) {
        try {
            int removed = images.removeUnused(
                    clock.instant().minus(UNUSED_IMAGE_AGE), module.articles()::usesImage, renditions::forget);
            if (removed > 0) {
                LoggerFactory.getLogger(NewsRuntime.class).info("Removed {} image(s) no article uses", removed);
            }
            return removed;
        } catch (RepositoryException | RuntimeException e) {
            LoggerFactory.getLogger(NewsRuntime.class).warn("Removing unused images failed: {}", e.toString());
            return 0;
        }
    }

    @Override
    public void close() {
        trashPurge.shutdownNow();
        unpublisher.shutdownNow();
        module.close();
        repository.close();
        if (config.inMemory()) {
            deleteQuietly(journalFolder);
        }
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }
}
