package io.newsroom.news.site;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;

/**
 * How the embedded runtime is started. Options win over environment variables, which win over
 * defaults: {@code --port} / {@code NEWS_PORT} (8080), {@code --data} / {@code NEWS_DATA}
 * ({@code ./news-data}), {@code --memory}, {@code --zone} / {@code NEWS_ZONE}
 * ({@code Asia/Ho_Chi_Minh}), {@code --no-demo}, {@code --export DIR}, {@code --import DIR},
 * {@code --no-counting} / {@code NEWS_COUNTING=off}, {@code --views-per-minute N} /
 * {@code NEWS_VIEWS_PER_MINUTE} (beacons one client may send per minute; 120), and
 * {@code NEWS_ADMIN_PASSWORD} (the password of the first admin account, made up when unset).
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
        String adminPassword) {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    public static final int DEFAULT_VIEWS_PER_MINUTE = 120;
    /** The admin password of test runtimes (never used by the server command). */
    public static final String TEST_ADMIN_PASSWORD = "test-admin-password";

    /** A configuration for tests: in memory, any free port, no demo content. */
    public static RuntimeConfig forTests() {
        return new RuntimeConfig(0, null, true, DEFAULT_ZONE, false, null, null, true, DEFAULT_VIEWS_PER_MINUTE, TEST_ADMIN_PASSWORD);
    }

    public RuntimeConfig withDemoContent(boolean demo) {
        return new RuntimeConfig(port, dataFolder, inMemory, siteZone, demo, exportTo, importFrom, countViews, viewsPerMinute, adminPassword);
    }

    public RuntimeConfig withDataFolder(Path folder) {
        return new RuntimeConfig(port, folder, folder == null, siteZone, demoContent, exportTo, importFrom, countViews, viewsPerMinute, adminPassword);
    }

    public RuntimeConfig withCounting(boolean on, int perMinute) {
        return new RuntimeConfig(port, dataFolder, inMemory, siteZone, demoContent, exportTo, importFrom, on, perMinute, adminPassword);
    }

    public static RuntimeConfig parse(String[] args, Map<String, String> env) {
        int port = parsePort(env.getOrDefault("NEWS_PORT", "8080"), "NEWS_PORT");
        Path data = Path.of(env.getOrDefault("NEWS_DATA", "news-data"));
        ZoneId zone = parseZone(env.getOrDefault("NEWS_ZONE", DEFAULT_ZONE.getId()));
        boolean memory = false;
        boolean demo = true;
        boolean counting = !"off".equalsIgnoreCase(env.getOrDefault("NEWS_COUNTING", "on").trim());
        int perMinute = parseCount(env.getOrDefault("NEWS_VIEWS_PER_MINUTE", String.valueOf(DEFAULT_VIEWS_PER_MINUTE)),
                "NEWS_VIEWS_PER_MINUTE");
        Path exportTo = null;
        Path importFrom = null;
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
                default -> throw new IllegalArgumentException("Unknown option '" + arg + "'. " + usage());
            }
        }
        return new RuntimeConfig(port, memory ? null : data, memory, zone, demo, exportTo, importFrom, counting, perMinute,
                env.get("NEWS_ADMIN_PASSWORD"));
    }

    public static String usage() {
        return "Options: --port N, --data FOLDER, --memory, --zone ZONE, --no-demo, --export FOLDER, --import FOLDER, "
                + "--no-counting, --views-per-minute N";
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

    private static ZoneId parseZone(String text) {
        try {
            return ZoneId.of(text.trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("Unknown time zone '" + text + "', e.g. Asia/Ho_Chi_Minh");
        }
    }
}
