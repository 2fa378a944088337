package io.newsroom.news.site;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one command that runs Magnolia News on its own: embedded Jackrabbit, the light module's
 * definitions, demo content on first start, and Jetty. With {@code --export} or {@code --import}
 * it backs up or restores the {@code news} workspace instead and exits. Ctrl-C or SIGTERM stops
 * Jetty and closes the repository cleanly.
 */
public final class NewsServer {
    private static final Logger LOG = LoggerFactory.getLogger(NewsServer.class);

    private NewsServer() {
    }

    public static void main(String[] args) throws Exception {
        RuntimeConfig config;
        try {
            config = RuntimeConfig.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        NewsRuntime runtime = NewsRuntime.start(config);
        if (config.exportTo() != null || config.importFrom() != null) {
            System.exit(backupOrRestore(runtime, config));
            return;
        }
        if (config.demoContent()) {
            int created = DemoContent.createOnFirstStart(runtime);
            if (created > 0) {
                LOG.info("Created {} demo articles", created);
            }
        }
        SiteServer server = SiteServer.start(runtime, config.port());
        runtime.initialAdminPassword().ifPresent(password -> System.out.println(
                "Created the admin account 'admin' with password: " + password
                        + "  (shown this once; sign in at " + server.baseUrl() + "/admin)"));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                LOG.warn("Jetty did not stop cleanly", e);
            }
            runtime.close();
            System.out.println("Magnolia News stopped; repository closed.");
            stopped.countDown();
        }, "news-shutdown"));
        System.out.println("Magnolia News is running at " + server.baseUrl() + "/"
                + "  (data: " + (config.inMemory() ? "in memory" : config.dataFolder().toAbsolutePath())
                + ", light module: " + runtime.lightModule().origin() + "). Stop with Ctrl-C.");
        stopped.await();
    }

    private static int backupOrRestore(NewsRuntime runtime, RuntimeConfig config) {
        try (runtime) {
            WorkspaceBackup backup = new WorkspaceBackup(runtime.repository(), runtime.articleType().workspace());
            if (config.exportTo() != null) {
                List<Path> files = backup.exportTo(config.exportTo());
                System.out.println("Exported " + files.size() + " file(s) to " + config.exportTo().toAbsolutePath());
            }
            if (config.importFrom() != null) {
                int files = backup.importFrom(config.importFrom());
                System.out.println("Imported " + files + " file(s) from " + config.importFrom().toAbsolutePath());
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
