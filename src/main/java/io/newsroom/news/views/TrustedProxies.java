package io.newsroom.news.views;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who the client is when the site runs behind reverse proxies. Only a request that arrives from a
 * trusted proxy (an address or CIDR of the setting) has its forwarded header believed, and only the
 * one header the proxy writes ({@code X-Forwarded-For} by default, as the README's nginx sets it, or
 * {@code Forwarded}): a proxy passes the other one on as the client wrote it. The hops are read from
 * right to left, trusted ones skipped, and the first untrusted one is the client. From anyone else
 * the headers are ignored, since a client can write whatever it likes in them.
 */
public final class TrustedProxies {
    /** The forwarded header a site's proxy writes (and so the one believed). */
    public enum Header {
        X_FORWARDED_FOR("X-Forwarded-For"),
        FORWARDED("Forwarded");

        private final String headerName;

        Header(String headerName) {
            this.headerName = headerName;
        }

        public String headerName() {
            return headerName;
        }

        /**
         * {@code X-Forwarded-For} or {@code Forwarded}, whatever the case.
         *
         * @throws IllegalArgumentException for any other name
         */
        public static Header named(String name) {
            for (Header header : values()) {
                if (header.headerName.equalsIgnoreCase(name == null ? "" : name.strip())) {
                    return header;
                }
            }
            throw new IllegalArgumentException(
                    "'" + name + "' is not a forwarded header the site can read: "
                            + "X-Forwarded-For (what nginx's $proxy_add_x_forwarded_for and Apache's mod_proxy write) or Forwarded");
        }
    }

    /** Trusts nobody: the connection's peer is the client. */
    public static final TrustedProxies NONE = new TrustedProxies(List.of(), "", Header.X_FORWARDED_FOR);

    private static final Pattern FORWARDED_FOR = Pattern.compile("(?i)(?:^|[;,\\s])for=(\"[^\"]*\"|[^;,\\s]*)");

    private record Network(byte[] prefix, int bits) {
        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[full] & mask) == (prefix[full] & mask);
        }
    }

    private final List<Network> networks;
    private final String spec;
    private final Header header;

    private TrustedProxies(List<Network> networks, String spec, Header header) {
        this.networks = networks;
        this.spec = spec;
        this.header = header;
    }

    /** The same proxies, believed in {@code header} only. */
    public TrustedProxies readingHeader(Header header) {
        return new TrustedProxies(networks, spec, header);
    }

    /** The one forwarded header believed from trusted proxies. */
    public Header header() {
        return header;
    }

    /**
     * Reads {@code 10.0.0.0/8, 127.0.0.1, ::1, 2001:db8::/32}.
     *
     * @throws IllegalArgumentException naming the entry that is no address or CIDR
     */
    public static TrustedProxies parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return NONE;
        }
        List<Network> networks = new ArrayList<>();
        for (String entry : spec.split("[,\\s]+")) {
            if (entry.isEmpty()) {
                continue;
            }
            String[] parts = entry.split("/", 2);
            byte[] address = literal(parts[0]);
            if (address == null) {
                throw new IllegalArgumentException(
                        "'" + entry + "' is not an IP address or CIDR (e.g. 10.0.0.0/8 or ::1)");
            }
            int bits = address.length * 8;
            if (parts.length == 2) {
                try {
                    bits = Integer.parseInt(parts[1]);
                } catch (NumberFormatException e) {
                    bits = -1;
                }
                if (bits < 0 || bits > address.length * 8) {
                    throw new IllegalArgumentException(
                            "'" + entry + "' has a prefix length outside 0-" + address.length * 8);
                }
            }
            networks.add(new Network(address, bits));
        }
        return new TrustedProxies(List.copyOf(networks), spec.strip(), Header.X_FORWARDED_FOR);
    }

    public boolean isEmpty() {
        return networks.isEmpty();
    }

    public boolean trusts(String address) {
        byte[] bytes = literal(address);
        return bytes != null && networks.stream().anyMatch(n -> n.contains(bytes));
    }

    /**
     * The client of a request from {@code peer}, given its {@code Forwarded} and
     * {@code X-Forwarded-For} header values (in the order they came, either list may be empty); only
     * the one of {@link #header()} is read.
     */
    public String client(String peer, List<String> forwarded, List<String> forwardedFor) {
        if (networks.isEmpty() || !trusts(peer)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        if (header == Header.FORWARDED) {
            for (String value : forwarded) {
                Matcher m = FORWARDED_FOR.matcher(value);
                while (m.find()) {
                    hops.add(hostOf(m.group(1).replace("\"", "")));
                }
            }
        } else {
            for (String value : forwardedFor) {
                for (String hop : value.split(",")) {
                    hops.add(hostOf(hop.strip()));
                }
            }
        }
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (literal(hop) == null) {
                // Garbage or an obfuscated name: the last trusted hop is as far as we can see.
                return client;
            }
            client = hop;
            if (!trusts(hop)) {
                return hop;
            }
        }
        return client;
    }

    /** The address part used to tell clients apart: a whole IPv4 address, the /64 network of an IPv6 one. */
    public static String network(String address) {
        byte[] bytes = literal(address);
        if (bytes == null || bytes.length == 4) {
            return String.valueOf(address);
        }
        return Long.toHexString(ByteBuffer.wrap(bytes, 0, 8).getLong()) + "::/64";
    }

    @Override
    public String toString() {
        return spec;
    }

    /** {@code [2001:db8::1]:4711} or {@code 192.0.2.1:80} without brackets and port. */
    private static String hostOf(String hop) {
        String h = hop.strip();
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end > 0 ? h.substring(1, end) : h;
        }
        int colon = h.indexOf(':');
        return colon > 0 && h.indexOf(':', colon + 1) < 0 ? h.substring(0, colon) : h;
    }

    /** The bytes of an IP literal, or null: never a name lookup. */
    private static byte[] literal(String text) {
        return IpLiterals.parse(text);
    }
}
