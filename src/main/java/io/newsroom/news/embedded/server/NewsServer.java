package io.newsroom.news.embedded.server;

import io.newsroom.news.categories.Categories;
import io.newsroom.news.definitions.LightModule;
import io.newsroom.news.embedded.admin.accounts.AdminAccounts;
import io.newsroom.news.embedded.backup.VersionBackup;
import io.newsroom.news.embedded.backup.WorkspaceBackup;
import io.newsroom.news.embedded.demo.DemoContent;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one command that runs Magnolia News on its own: embedded Jackrabbit, the light module's
 * definitions, demo content on first start, and Jetty. With {@code --export} or {@code --import}
 * it backs up or restores the {@code news} workspace instead and exits. Ctrl-C or SIGTERM stops
 * Jetty and closes the repository cleanly.
 */
public final class NewsServer {
    /** How long a stop waits for requests still running before the process ends anyway. */
    static final Duration STOP_LIMIT = Duration.ofSeconds(20);

    /** Made after the log level is set (the configuration reads it once, when the first logger is made). */
    private static Logger log() {
        return LoggerFactory.getLogger(NewsServer.class);
    }

    private NewsServer() {}

    public static void main(String[] args) throws Exception {
        RuntimeConfig config;
        try {
            config = RuntimeConfig.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.setProperty("newsroom.log.level", config.logLevel());
        if (config.exportTo() != null || config.importFrom() != null) {
            System.exit(backupOrRestore(NewsRuntime.start(config), config));
            return;
        }
        if (config.resetAdminPassword() && config.inMemory()) {
            System.err.println("--reset-admin-password needs a data folder (not --memory).");
            System.exit(1);
            return;
        }
        SiteServer server;
        try {
            server = SiteServer.bind(config.port());
        } catch (IOException e) {
            System.err.println(e.getMessage() + ". Nothing was created.");
            System.exit(1);
            return;
        }
        AtomicBoolean resetNow = new AtomicBoolean();
        NewsRuntime runtime;
        try {
            runtime = NewsRuntime.start(config, LightModule.locate(), Clock.systemUTC(), started -> {
                resetNow.set(resetAdminPassword(started, config));
                if (config.demoContent()) {
                    int created = DemoContent.createOnFirstStart(
                            started.repository(),
                            started.articles(),
                            started.config().siteZone());
                    if (created > 0) {
                        DemoContent.createCategories(started.categories());
                        log().info("Created {} demo articles", created);
                    }
                }
            });
        } catch (ResetRefused e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        server.serve(runtime, SiteServer.WARM_UP);
        Path accountsFolder = config.inMemory() ? null : config.dataFolder();
        // A password just reset was shown above: no reminder of an unshown one.
        switch (resetNow.get() ? AdminAccounts.Creation.NONE : runtime.adminCreation()) {
            case GENERATED -> {
                System.out.println("Created the admin account 'admin' with password: "
                        + runtime.initialAdminPassword().orElseThrow() + "  (shown this once; sign in at "
                        + server.baseUrl() + "/admin)");
                if (accountsFolder != null) {
                    AdminAccounts.passwordShown(accountsFolder);
                }
            }
            case FROM_ENVIRONMENT ->
                System.out.println("Created the admin account 'admin' with the password from "
                        + "NEWS_ADMIN_PASSWORD; sign in at " + server.baseUrl() + "/admin");
            case NEVER_SHOWN ->
                System.out.println("The password made for 'admin' on the first start was never shown "
                        + "(that start failed). Set a new one: stop, then start once with --reset-admin-password "
                        + "(NEWS_ADMIN_PASSWORD, if set, becomes the password; otherwise a new one is printed).");
            case NONE -> {}
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                boolean clean = new BoundedShutdown()
                                        .then("the web server", server::close)
                                        .then("the repository", runtime::close)
                                        .run(STOP_LIMIT);
                                if (clean) {
                                    System.out.println("Magnolia News stopped; repository closed.");
                                }
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            stopped.countDown();
                        },
                        "news-shutdown"));
        System.out.println("Magnolia News is running at " + server.baseUrl() + "/"
                + "  (data: "
                + (config.inMemory() ? "in memory" : config.dataFolder().toAbsolutePath())
                + ", light module: " + runtime.lightModule().origin() + "). Stop with Ctrl-C.");
        stopped.await();
    }

    /** A {@code --reset-admin-password} that could not be done; the start ends with its message. */
    private static final class ResetRefused extends IOException {
        ResetRefused(String message) {
            super(message);
        }
    }

    /**
     * {@code --reset-admin-password}: the account in the users workspace (shared by a cluster's nodes), once the
     * repository runs. Returns whether a password was reset (and shown).
     */
    private static boolean resetAdminPassword(NewsRuntime started, RuntimeConfig config) throws IOException {
        if (!config.resetAdminPassword()) {
            return false;
        }
        AdminAccounts.Creation creation = started.adminCreation();
        if (creation == AdminAccounts.Creation.GENERATED || creation == AdminAccounts.Creation.FROM_ENVIRONMENT) {
            System.out.println("The admin account 'admin' was made on this start: nothing to reset.");
            return false;
        }
        try {
            announceReset(AdminAccounts.resetPassword(
                    started.accountStore(), config.dataFolder(), "admin", config.adminPassword()));
            return true;
        } catch (IllegalArgumentException e) {
            throw new ResetRefused("The password was not reset: " + e.getMessage()
                    + ". Nothing else changed; start without " + "--reset-admin-password.");
        }
    }

    private static void announceReset(Optional<String> made) {
        System.out.println(made.map(p -> "The admin account 'admin' has a new password: " + p + "  (shown this once)")
                .orElse("The admin account 'admin' now has the password from NEWS_ADMIN_PASSWORD."));
    }

    private static int backupOrRestore(NewsRuntime runtime, RuntimeConfig config) {
        try (runtime) {
            WorkspaceBackup backup = new WorkspaceBackup(
                    runtime.repository(), runtime.articleType().workspace());
            WorkspaceBackup categories = new WorkspaceBackup(runtime.repository(), Categories.WORKSPACE);
            // The site's pages, one file a top-level page ("website.home.xml"), as Magnolia names its exports.
            WorkspaceBackup pages =
                    new WorkspaceBackup(runtime.repository(), io.newsroom.news.pages.WebsitePages.WORKSPACE);
            // And the site builders' draft copies ("website-draft.home.xml"), unpublished changes included.
            WorkspaceBackup drafts =
                    new WorkspaceBackup(runtime.repository(), io.newsroom.news.pages.PageDrafts.WORKSPACE);
            VersionBackup versions =
                    new VersionBackup(runtime.publishing().versions().orElseThrow());
            if (config.exportTo() != null) {
                List<Path> files = backup.exportTo(config.exportTo());
                List<Path> categoryFiles = categories.exportTo(config.exportTo());
                List<Path> pageFiles = pages.exportTo(config.exportTo());
                drafts.exportTo(config.exportTo());
                List<Path> versionFiles = versions.exportTo(config.exportTo());
                System.out.println("Exported " + files.size() + " file(s), " + categoryFiles.size() + " categories, "
                        + pageFiles.size() + " page(s) and " + versionFiles.size() + " version(s) to "
                        + config.exportTo().toAbsolutePath());
            }
            if (config.importFrom() != null) {
                // Every version file is read and checked before the articles change.
                VersionBackup.Restore history = versions.read(config.importFrom());
                int files = backup.importFrom(config.importFrom());
                // A backup made before categories were managed has none: they are made from the articles' then.
                int categoryFiles =
                        categories.hasFilesIn(config.importFrom()) ? categories.importFrom(config.importFrom()) : 0;
                // A backup made before pages were exported has none: the pages stay as they are.
                int pageFiles = pages.hasFilesIn(config.importFrom()) ? pages.importFrom(config.importFrom()) : 0;
                if (drafts.hasFilesIn(config.importFrom())) {
                    drafts.importFrom(config.importFrom());
                }
                history.apply();
                System.out.println("Imported " + files + " file(s), " + categoryFiles + " categories, " + pageFiles
                        + " page(s) and " + history.size() + " version(s) from "
                        + config.importFrom().toAbsolutePath());
            }
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println("Nothing was changed: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            System.err.println("Backup or restore failed, nothing was changed: " + e);
            return 1;
        }
    }
}
