package io.newsroom.news.views;

import java.util.Arrays;

/**
 * Reads IP address literals into their bytes by hand: every beacon parses up to four (the peer, the
 * forwarded hops, the client's network), and a regex check plus {@code InetAddress.getByName} took
 * about a tenth of a counted beacon's CPU. Never a name lookup; anything that is not a plain literal
 * (a host name, a zone id, a port, spaces) is refused.
 */
final class IpLiterals {
    private IpLiterals() {}

    /** The 4 or 16 bytes of {@code text} (an IPv6 literal may come in brackets), or null. */
    static byte[] parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 47) {
            return null;
        }
        int from = 0;
        int to = text.length();
        if (text.charAt(0) == '[') {
            if (text.charAt(to - 1) != ']') {
                return null;
            }
            from = 1;
            to--;
        }
        if (text.indexOf(':', from) >= 0 && text.indexOf(':', from) < to) {
            byte[] v6 = ipv6(text, from, to);
            return v6 != null && isIpv4Mapped(v6) ? Arrays.copyOfRange(v6, 12, 16) : v6;
        }
        byte[] bytes = new byte[4];
        return from == 0 && ipv4(text, from, to, bytes, 0) ? bytes : null;
    }

    /** {@code ::ffff:a.b.c.d} is the IPv4 address a.b.c.d (as the JDK reads it, so IPv4 networks match it). */
    private static boolean isIpv4Mapped(byte[] v6) {
        for (int i = 0; i < 10; i++) {
            if (v6[i] != 0) {
                return false;
            }
        }
        return v6[10] == (byte) 0xff && v6[11] == (byte) 0xff;
    }

    /** Dotted quad {@code text[from, to)} into {@code out[at..at+3]}: four decimal parts of 1-3 digits, each up to 255. */
    private static boolean ipv4(String text, int from, int to, byte[] out, int at) {
        int part = 0;
        int value = 0;
        int digits = 0;
        for (int i = from; i <= to; i++) {
            char c = i < to ? text.charAt(i) : '.';
            if (c >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
                if (++digits > 3 || value > 255) {
                    return false;
                }
            } else if (c == '.') {
                if (digits == 0 || part == 4) {
                    return false;
                }
                out[at + part++] = (byte) value;
                value = 0;
                digits = 0;
            } else {
                return false;
            }
        }
        return part == 4;
    }

    /** Eight groups of up to four hex digits, one {@code ::} for a run of zeros, an IPv4 tail allowed. */
    private static byte[] ipv6(String text, int from, int to) {
        byte[] bytes = new byte[16];
        int filled = 0;
        int gap = -1;
        int i = from;
        if (text.startsWith("::", i)) {
            gap = 0;
            i += 2;
            if (i == to) {
                return bytes;
            }
        }
        while (i < to) {
            int end = i;
            int value = 0;
            while (end < to && end - i < 5 && Character.digit(text.charAt(end), 16) >= 0) {
                value = (value << 4) | Character.digit(text.charAt(end), 16);
                end++;
            }
            if (end < to && text.charAt(end) == '.') {
                // an IPv4 tail (::ffff:192.0.2.1) fills the last four bytes
                if (filled > 12 || !ipv4(text, i, to, bytes, filled)) {
                    return null;
                }
                filled += 4;
                break;
            }
            if (end == i || end - i > 4 || filled > 14) {
                return null;
            }
            bytes[filled++] = (byte) (value >>> 8);
            bytes[filled++] = (byte) value;
            if (end == to) {
                break;
            }
            if (text.charAt(end) != ':') {
                return null;
            }
            if (end + 1 < to && text.charAt(end + 1) == ':') {
                if (gap >= 0) {
                    return null;
                }
                gap = filled;
                i = end + 2;
            } else {
                i = end + 1;
                if (i == to) {
                    return null;
                }
            }
        }
        if (gap < 0) {
            return filled == 16 ? bytes : null;
        }
        if (filled == 16) {
            return null;
        }
        // move what came after the gap to the end
        int tail = filled - gap;
        System.arraycopy(bytes, gap, bytes, 16 - tail, tail);
        Arrays.fill(bytes, gap, 16 - tail, (byte) 0);
        return bytes;
    }
}
