package io.newsroom.news.embedded.server;

import io.newsroom.news.embedded.admin.accounts.AdminAccounts;
import io.newsroom.news.embedded.cluster.ClusterSettings;
import io.newsroom.news.publishing.ArticleVersions;
import io.newsroom.news.views.TrustedProxies;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.LoggerFactory;

/**
 * How the embedded runtime is started. Options win over environment variables, which win over
 * defaults: {@code --port} / {@code NEWS_PORT} (8080), {@code --data} / {@code NEWS_DATA}
 * ({@code ./news-data}), {@code --memory}, {@code --zone} / {@code NEWS_ZONE}
 * ({@code Asia/Ho_Chi_Minh}), {@code --no-demo}, {@code --export DIR}, {@code --import DIR},
 * {@code --no-counting} / {@code NEWS_COUNTING=off}, {@code --views-per-minute N} /
 * {@code NEWS_VIEWS_PER_MINUTE} (beacons one client address may send per minute; 120),
 * {@code --trusted-proxies LIST} / {@code NEWS_TRUSTED_PROXIES} (reverse proxies whose forwarded-for
 * headers are believed; none), {@code --base-url URL} / {@code NEWS_BASE_URL} (the site's public
 * address for absolute links; {@code http://localhost:<port>} when unset), {@code --log-level LEVEL} /
 * {@code NEWS_LOG_LEVEL} (INFO), {@code --max-upload-mb N} / {@code NEWS_MAX_UPLOAD_MB} (the largest image
 * upload; 25), {@code --reset-admin-password}, and {@code NEWS_ADMIN_PASSWORD} (the
 * password of the first admin account, or the new one of a reset; made up when unset).
 */
public record RuntimeConfig(
        int port,
        Path dataFolder,
        boolean inMemory,
        ZoneId siteZone,
        boolean demoContent,
        Path exportTo,
        Path importFrom,
        boolean countViews,
        int viewsPerMinute,
        String adminPassword,
        TrustedProxies trustedProxies,
        URI baseUrl,
        String logLevel,
        boolean resetAdminPassword,
        int maxVersions,
        Duration previewLifetime,
        int maxUploadMb,
        ClusterSettings cluster) {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    public static final int DEFAULT_VIEWS_PER_MINUTE = 120;
    /** How long a preview link of an unpublished article works. */
    public static final Duration DEFAULT_PREVIEW_LIFETIME = Duration.ofHours(1);
    /** The largest image an editor may upload, in MB: a phone's or camera's photo as it comes. */
    public static final int DEFAULT_MAX_UPLOAD_MB = 25;
    /** The admin password of test runtimes (never used by the server command). */
    public static final String TEST_ADMIN_PASSWORD = "test-admin-password";

    /** A configuration for tests: in memory, any free port, no demo content. */
    public static RuntimeConfig forTests() {
        return new RuntimeConfig(
                0,
                null,
                true,
                DEFAULT_ZONE,
                false,
                null,
                null,
                true,
                DEFAULT_VIEWS_PER_MINUTE,
                TEST_ADMIN_PASSWORD,
                TrustedProxies.NONE,
                null,
                "INFO",
                false,
                ArticleVersions.DEFAULT_MAX_VERSIONS,
                DEFAULT_PREVIEW_LIFETIME,
                DEFAULT_MAX_UPLOAD_MB,
                null);
    }

    public RuntimeConfig withDemoContent(boolean demo) {
        return new RuntimeConfig(
                port,
                dataFolder,
                inMemory,
                siteZone,
                demo,
                exportTo,
                importFrom,
                countViews,
                viewsPerMinute,
                adminPassword,
                trustedProxies,
                baseUrl,
                logLevel,
                resetAdminPassword,
                maxVersions,
                previewLifetime,
                maxUploadMb,
                cluster);
    }

    public RuntimeConfig withDataFolder(Path folder) {
        return new RuntimeConfig(
                port,
                folder,
                folder == null,
                siteZone,
                demoContent,
                exportTo,
                importFrom,
                countViews,
                viewsPerMinute,
                adminPassword,
                trustedProxies,
                baseUrl,
                logLevel,
                resetAdminPassword,
                maxVersions,
                previewLifetime,
                maxUploadMb,
                cluster);
    }

    public RuntimeConfig withCounting(boolean on, int perMinute) {
        return new RuntimeConfig(
                port,
                dataFolder,
                inMemory,
                siteZone,
                demoContent,
                exportTo,
                importFrom,
                on,
                perMinute,
                adminPassword,
                trustedProxies,
                baseUrl,
                logLevel,
                resetAdminPassword,
                maxVersions,
                previewLifetime,
                maxUploadMb,
                cluster);
    }

    public RuntimeConfig withTrustedProxies(TrustedProxies proxies) {
        return new RuntimeConfig(
                port,
                dataFolder,
                inMemory,
                siteZone,
                demoContent,
                exportTo,
                importFrom,
                countViews,
                viewsPerMinute,
                adminPassword,
                proxies,
                baseUrl,
                logLevel,
                resetAdminPassword,
                maxVersions,
                previewLifetime,
                maxUploadMb,
                cluster);
    }

    /** The same configuration as a node of the cluster {@code settings} name. */
    public RuntimeConfig withCluster(ClusterSettings settings) {
        return new RuntimeConfig(
                port,
                dataFolder,
                inMemory,
                siteZone,
                demoContent,
                exportTo,
                importFrom,
                countViews,
                viewsPerMinute,
                adminPassword,
                trustedProxies,
                baseUrl,
                logLevel,
                resetAdminPassword,
                maxVersions,
                previewLifetime,
                maxUploadMb,
                settings);
    }

    public RuntimeConfig withBaseUrl(URI url) {
        return new RuntimeConfig(
                port,
                dataFolder,
                inMemory,
                siteZone,
                demoContent,
                exportTo,
                importFrom,
                countViews,
                viewsPerMinute,
                adminPassword,
                trustedProxies,
                url,
                logLevel,
                resetAdminPassword,
                maxVersions,
                previewLifetime,
                maxUploadMb,
                cluster);
    }

    public static RuntimeConfig parse(String[] args, Map<String, String> env) {
        int port = parsePort(env.getOrDefault("NEWS_PORT", "8080"), "NEWS_PORT");
        Path data = Path.of(env.getOrDefault("NEWS_DATA", "news-data"));
        ZoneId zone = parseZone(env.getOrDefault("NEWS_ZONE", DEFAULT_ZONE.getId()));
        boolean memory = false;
        boolean demo = true;
        boolean counting =
                !"off".equalsIgnoreCase(env.getOrDefault("NEWS_COUNTING", "on").trim());
        int perMinute = parseCount(
                env.getOrDefault("NEWS_VIEWS_PER_MINUTE", String.valueOf(DEFAULT_VIEWS_PER_MINUTE)),
                "NEWS_VIEWS_PER_MINUTE");
        Path exportTo = null;
        Path importFrom = null;
        TrustedProxies proxies = parseProxies(env.getOrDefault("NEWS_TRUSTED_PROXIES", ""), "NEWS_TRUSTED_PROXIES");
        URI baseUrl = parseBaseUrl(env.get("NEWS_BASE_URL"), "NEWS_BASE_URL");
        String forwardedHeader = env.getOrDefault("NEWS_FORWARDED_HEADER", "X-Forwarded-For");
        String logLevel = parseLevel(env.getOrDefault("NEWS_LOG_LEVEL", "INFO"), "NEWS_LOG_LEVEL");
        boolean resetPassword = false;
        String clusterDb = env.get("NEWS_CLUSTER_DB");
        String clusterUser = env.get("NEWS_CLUSTER_DB_USER");
        String clusterPassword = env.get("NEWS_CLUSTER_DB_PASSWORD");
        String nodeId = null;
        int maxVersions = parseAtLeastOne(
                env.getOrDefault("NEWS_MAX_VERSIONS", String.valueOf(ArticleVersions.DEFAULT_MAX_VERSIONS)),
                "NEWS_MAX_VERSIONS");
        Duration previewLifetime = Duration.ofMinutes(parseAtLeastOne(
                env.getOrDefault("NEWS_PREVIEW_MINUTES", String.valueOf(DEFAULT_PREVIEW_LIFETIME.toMinutes())),
                "NEWS_PREVIEW_MINUTES"));
        int maxUploadMb = parseUploadLimit(
                env.getOrDefault("NEWS_MAX_UPLOAD_MB", String.valueOf(DEFAULT_MAX_UPLOAD_MB)), "NEWS_MAX_UPLOAD_MB");
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--port" -> port = parsePort(value(args, ++i, arg), arg);
                case "--data" -> data = Path.of(value(args, ++i, arg));
                case "--zone" -> zone = parseZone(value(args, ++i, arg));
                case "--memory" -> memory = true;
                case "--no-demo" -> demo = false;
                case "--no-counting" -> counting = false;
                case "--views-per-minute" -> perMinute = parseCount(value(args, ++i, arg), arg);
                case "--export" -> exportTo = Path.of(value(args, ++i, arg));
                case "--import" -> importFrom = Path.of(value(args, ++i, arg));
                case "--trusted-proxies" -> proxies = parseProxies(value(args, ++i, arg), arg);
                case "--base-url" -> baseUrl = parseBaseUrl(value(args, ++i, arg), arg);
                case "--forwarded-header" -> forwardedHeader = value(args, ++i, arg);
                case "--log-level" -> logLevel = parseLevel(value(args, ++i, arg), arg);
                case "--reset-admin-password" -> resetPassword = true;
                case "--cluster-db" -> clusterDb = value(args, ++i, arg);
                case "--cluster-db-user" -> clusterUser = value(args, ++i, arg);
                case "--cluster-db-password" -> {
                    clusterPassword = value(args, ++i, arg);
                    LoggerFactory.getLogger(RuntimeConfig.class)
                            .warn("--cluster-db-password is visible to every user of this machine in its process list: "
                                    + "set NEWS_CLUSTER_DB_PASSWORD instead");
                }
                case "--cluster-node-id" -> nodeId = value(args, ++i, arg);
                case "--max-versions" -> maxVersions = parseAtLeastOne(value(args, ++i, arg), arg);
                case "--preview-minutes" ->
                    previewLifetime = Duration.ofMinutes(parseAtLeastOne(value(args, ++i, arg), arg));
                case "--max-upload-mb" -> maxUploadMb = parseUploadLimit(value(args, ++i, arg), arg);
                default -> throw new IllegalArgumentException("Unknown option '" + arg + "'. " + usage());
            }
        }
        proxies = proxies.readingHeader(TrustedProxies.Header.named(forwardedHeader));
        String adminPassword = env.get("NEWS_ADMIN_PASSWORD");
        if (!AdminAccounts.fits(adminPassword)) {
            throw new IllegalArgumentException("NEWS_ADMIN_PASSWORD: "
                    + AdminAccounts.tooLong(adminPassword).getMessage());
        }
        return new RuntimeConfig(
                port,
                memory ? null : data,
                memory,
                zone,
                demo,
                exportTo,
                importFrom,
                counting,
                perMinute,
                adminPassword,
                proxies,
                baseUrl,
                logLevel,
                resetPassword,
                maxVersions,
                previewLifetime,
                maxUploadMb,
                clusterDb == null || clusterDb.isBlank()
                        ? null
                        : new ClusterSettings(clusterDb.strip(), clusterUser, clusterPassword, nodeId));
    }

    public static String usage() {
        return "Options: --port N, --data FOLDER, --memory, --zone ZONE, --no-demo, --export FOLDER, --import FOLDER, "
                + "--no-counting, --views-per-minute N, --trusted-proxies LIST, --forwarded-header NAME, --base-url URL, --log-level LEVEL, "
                + "--reset-admin-password, --max-versions N, --preview-minutes N, --max-upload-mb N, --cluster-db JDBC-URL, --cluster-db-user NAME, "
                + "--cluster-db-password SECRET, --cluster-node-id ID";
    }

    /** 1 to 100 MB: an upload is held whole while it is checked, so the limit bounds what one editor can make the server hold. */
    private static int parseUploadLimit(String text, String source) {
        int mb = parseAtLeastOne(text, source);
        if (mb > 100) {
            throw new IllegalArgumentException(source + ": at most 100 (MB), not " + mb);
        }
        return mb;
    }

    /** The largest upload in bytes. */
    public long maxUploadBytes() {
        return maxUploadMb * 1024L * 1024L;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException("Option " + option + " needs a value. " + usage());
        }
        return args[i];
    }

    private static int parsePort(String text, String source) {
        try {
            int port = Integer.parseInt(text.trim());
            if (port < 0 || port > 65_535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + " must be a port number from 0 to 65535, not '" + text + "'");
        }
    }

    private static int parseCount(String text, String source) {
        try {
            int n = Integer.parseInt(text.trim());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + " must be a whole number, 0 or more, not '" + text + "'");
        }
    }

    private static int parseAtLeastOne(String text, String source) {
        int n;
        try {
            n = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            n = 0;
        }
        if (n < 1) {
            throw new IllegalArgumentException(source + " must be a whole number, 1 or more, not '" + text + "'");
        }
        return n;
    }

    private static TrustedProxies parseProxies(String text, String source) {
        try {
            return TrustedProxies.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage());
        }
    }

    /** {@code https://news.example.org} (no path, query or fragment); null when unset. */
    private static URI parseBaseUrl(String text, String source) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.strip().replaceAll("/+$", "");
        try {
            URI url = new URI(trimmed);
            if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme()))
                    || url.getHost() == null
                    || (url.getPath() != null && !url.getPath().isEmpty())
                    || url.getQuery() != null
                    || url.getFragment() != null
                    || url.getUserInfo() != null) {
                throw new URISyntaxException(text, "not a site address");
            }
            return url;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(source + " must be the site's address such as https://news.example.org "
                    + "(http or https, a host, no path), not '" + text + "'");
        }
    }

    private static String parseLevel(String text, String source) {
        String level = text.strip().toUpperCase(Locale.ROOT);
        if (!Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF").contains(level)) {
            throw new IllegalArgumentException(
                    source + " must be one of TRACE, DEBUG, INFO, WARN, ERROR, OFF, not '" + text + "'");
        }
        return level;
    }

    private static ZoneId parseZone(String text) {
        try {
            return ZoneId.of(text.trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("Unknown time zone '" + text + "', e.g. Asia/Ho_Chi_Minh");
        }
    }
}
