package io.newsroom.news.views;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The addresses the site's own pages are served from, as configured: the base URL(s) (the embedded
 * runtime's {@code --base-url}, Magnolia's {@code newsroom.news.baseUrl}; several separated by commas).
 * A beacon whose page came from one of them is the site's own, whatever {@code Host} a reverse proxy
 * passed on (Apache's and nginx's defaults pass the backend's address).
 */
public final class SiteOrigins {
    public static final SiteOrigins NONE = new SiteOrigins(Set.of());

    private final Set<String> authorities;

    private SiteOrigins(Set<String> authorities) {
        this.authorities = Set.copyOf(authorities);
    }

    /**
     * {@code https://tin.example.vn, https://www.tin.example.vn}: each an absolute http(s) address.
     *
     * @throws IllegalArgumentException naming the entry that is not one
     */
    public static SiteOrigins parse(String spec) {
        Set<String> authorities = new LinkedHashSet<>();
        if (spec != null) {
            for (String entry : spec.split(",")) {
                if (entry.isBlank()) {
                    continue;
                }
                String authority = authority(entry.strip());
                if (authority == null) {
                    throw new IllegalArgumentException(
                            "Not a site address (http:// or https:// and a host): " + entry.strip());
                }
                authorities.add(authority);
            }
        }
        return authorities.isEmpty() ? NONE : new SiteOrigins(authorities);
    }

    /** Whether {@code authority} ({@code host} or {@code host:port}, as {@link #authority} gives it) is the site's. */
    public boolean contains(String authority) {
        return authority != null && authorities.contains(authority);
    }

    public List<String> authorities() {
        return List.copyOf(authorities);
    }

    /**
     * The lower-case {@code host[:port]} of an absolute http(s) address, the port left out when it is the
     * scheme's default; null when {@code address} is not one.
     */
    public static String authority(String address) {
        try {
            URI uri = URI.create(address);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
                return null;
            }
            int defaultPort = scheme.equals("https") ? 443 : 80;
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            return uri.getPort() < 0 || uri.getPort() == defaultPort ? host : host + ":" + uri.getPort();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * A {@code Host} header value ({@code host[:port]}) in the same form, its port left out when it is
     * {@code defaultPort}; null for a blank one.
     */
    public static String hostHeader(String host, int defaultPort) {
        if (host == null || host.isBlank()) {
            return null;
        }
        String value = host.strip().toLowerCase(Locale.ROOT);
        return value.endsWith(":" + defaultPort)
                ? value.substring(0, value.length() - (":" + defaultPort).length())
                : value;
    }

    @Override
    public String toString() {
        return authorities.isEmpty() ? "none" : String.join(", ", authorities);
    }
}
