package io.newsroom.news.views;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

/**
 * How view counting behaves.
 *
 * @param enabled        the off switch: when false every beacon gets a 204 and nothing is counted
 * @param flushInterval  how often counted views are saved to the store (one save each time; 5 s by default:
 *                       a save's cost grows with the articles viewed, not the views, and this node shows
 *                       views not yet saved at once, so only other cluster nodes see them up to 5 s later)
 * @param retentionDays  how many days of per-day buckets a counter keeps
 * @param repeatWindow   a second view of an article by the same client within this window is not counted
 * @param ratePerMinute  beacons one client may send per minute before getting 429 (0: no limit)
 * @param journalFolder  where the local journal of accepted views lives
 * @param siteZone       the zone whose midnight starts a new day bucket
 * @param trustedProxies reverse proxies whose forwarded-for headers name the client
 * @param siteOrigins    the addresses the site's pages are served from (its base URLs)
 */
public record ViewSettings(
        boolean enabled,
        Duration flushInterval,
        int retentionDays,
        Duration repeatWindow,
        int ratePerMinute,
        Path journalFolder,
        ZoneId siteZone,
        TrustedProxies trustedProxies,
        SiteOrigins siteOrigins) {

    public static final String WORKSPACE = "news-stats";
    public static final int MAX_BODY_BYTES = 1024;

    public static ViewSettings defaults(Path journalFolder, ZoneId siteZone) {
        return new ViewSettings(
                true,
                Duration.ofSeconds(5),
                90,
                Duration.ofMinutes(30),
                120,
                journalFolder,
                siteZone,
                TrustedProxies.NONE,
                SiteOrigins.NONE);
    }

    public ViewSettings withEnabled(boolean on) {
        return new ViewSettings(
                on,
                flushInterval,
                retentionDays,
                repeatWindow,
                ratePerMinute,
                journalFolder,
                siteZone,
                trustedProxies,
                siteOrigins);
    }

    public ViewSettings withRatePerMinute(int rate) {
        return new ViewSettings(
                enabled,
                flushInterval,
                retentionDays,
                repeatWindow,
                rate,
                journalFolder,
                siteZone,
                trustedProxies,
                siteOrigins);
    }

    public ViewSettings withFlushInterval(Duration interval) {
        return new ViewSettings(
                enabled,
                interval,
                retentionDays,
                repeatWindow,
                ratePerMinute,
                journalFolder,
                siteZone,
                trustedProxies,
                siteOrigins);
    }

    public ViewSettings withTrustedProxies(TrustedProxies proxies) {
        return new ViewSettings(
                enabled,
                flushInterval,
                retentionDays,
                repeatWindow,
                ratePerMinute,
                journalFolder,
                siteZone,
                proxies,
                siteOrigins);
    }

    public ViewSettings withJournalFolder(Path folder) {
        return new ViewSettings(
                enabled,
                flushInterval,
                retentionDays,
                repeatWindow,
                ratePerMinute,
                folder,
                siteZone,
                trustedProxies,
                siteOrigins);
    }

    public ViewSettings withSiteOrigins(SiteOrigins origins) {
        return new ViewSettings(
                enabled,
                flushInterval,
                retentionDays,
                repeatWindow,
                ratePerMinute,
                journalFolder,
                siteZone,
                trustedProxies,
                origins);
    }
}
