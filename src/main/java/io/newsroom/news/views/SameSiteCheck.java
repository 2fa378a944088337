package io.newsroom.news.views;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a beacon was sent by one of this site's pages. The page's origin ({@code Origin}, else
 * {@code Referer}) must be one of the site's configured addresses ({@link SiteOrigins}), the
 * {@code Host} the request was sent to, or, from a trusted reverse proxy only, the host it says the
 * client asked for ({@code X-Forwarded-Host}, {@code Forwarded: host=}). A beacon with neither header
 * (a script outside a browser) is not judged here: it gets the counter's other checks.
 * <p>
 * Refusals are logged at most once a minute, with what an operator needs to tell a misconfigured
 * proxy (every view silently dropped) from another site's pages.
 */
final class SameSiteCheck {
    private static final Logger LOG = LoggerFactory.getLogger(SameSiteCheck.class);
    private static final long LOG_EVERY_MILLIS = 60_000;
    private static final Pattern FORWARDED_HOST = Pattern.compile("(?i)(?:^|[;,\\s])host=\"?([^\";,\\s]+)\"?");

    private final ViewSettings settings;
    private final AtomicLong lastLogged = new AtomicLong(Long.MIN_VALUE / 2);
    private final AtomicLong refusedSinceLog = new AtomicLong();

    SameSiteCheck(ViewSettings settings) {
        this.settings = settings;
    }

    /** Whether the browser says another site's page sent the beacon; logs the refusal (once a minute at most). */
    boolean fromAnotherSite(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        String source = origin != null ? origin : request.getHeader("Referer");
        if (source == null) {
            return false;
        }
        String authority = "null".equals(source.strip()) ? null : SiteOrigins.authority(source.strip());
        if (authority != null && sitesAddresses(request, source).contains(authority)) {
            return false;
        }
        refused(request, source);
        return true;
    }

    private List<String> sitesAddresses(HttpServletRequest request, String source) {
        int defaultPort = source.regionMatches(true, 0, "https:", 0, 6) ? 443 : 80;
        List<String> addresses = new ArrayList<>(settings.siteOrigins().authorities());
        addIfPresent(addresses, SiteOrigins.hostHeader(request.getHeader("Host"), defaultPort));
        TrustedProxies proxies = settings.trustedProxies();
        if (proxies.trusts(request.getRemoteAddr()) && proxies.header() == TrustedProxies.Header.X_FORWARDED_FOR) {
            for (String header : Collections.list(request.getHeaders("X-Forwarded-Host"))) {
                for (String host : header.split(",")) {
                    addIfPresent(addresses, SiteOrigins.hostHeader(host, defaultPort));
                }
            }
        } else if (proxies.trusts(request.getRemoteAddr())) {
            for (String header : Collections.list(request.getHeaders("Forwarded"))) {
                Matcher m = FORWARDED_HOST.matcher(header);
                while (m.find()) {
                    addIfPresent(addresses, SiteOrigins.hostHeader(m.group(1), defaultPort));
                }
            }
        }
        return addresses;
    }

    private static void addIfPresent(List<String> list, String value) {
        if (value != null) {
            list.add(value);
        }
    }

    private void refused(HttpServletRequest request, String source) {
        long refused = refusedSinceLog.incrementAndGet();
        long now = System.currentTimeMillis();
        long last = lastLogged.get();
        if (now - last >= LOG_EVERY_MILLIS && lastLogged.compareAndSet(last, now)) {
            refusedSinceLog.set(0);
            LOG.warn(
                    "{} view beacon(s) not counted since the last report: sent by pages of another site ({}), "
                            + "not this site's (Host {}, configured addresses: {}). If that is this site behind a reverse "
                            + "proxy, set its public address (--base-url, newsroom.news.baseUrl) or have the proxy pass "
                            + "the Host (nginx: proxy_set_header Host $host; Apache: ProxyPreserveHost On).",
                    refused,
                    source.length() > 100 ? source.substring(0, 100) : source,
                    request.getHeader("Host"),
                    settings.siteOrigins());
        }
    }
}
