package io.newsroom.news.views;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Whose address a request is, with and without trusted reverse proxies. */
class TrustedProxiesTest {
    private final TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8, 127.0.0.1, ::1, 2001:db8:ff::/48");

    @Test
    void forwardedHeadersAreIgnoredFromAnyoneButATrustedProxy() {
        assertEquals("203.0.113.5", proxies.client("203.0.113.5", List.of(), List.of("198.51.100.1")));
        assertEquals("203.0.113.5", TrustedProxies.NONE.client("203.0.113.5", List.of(), List.of("198.51.100.1")));
    }

    @Test
    void hopsAreReadRightToLeftSkippingTrustedOnes() {
        assertEquals(
                "198.51.100.7",
                proxies.client("127.0.0.1", List.of(), List.of("6.6.6.6, 198.51.100.7, 10.1.2.3")),
                "what the client wrote itself (6.6.6.6) is never reached");
        TrustedProxies forwarded = proxies.readingHeader(TrustedProxies.Header.FORWARDED);
        assertEquals(
                "198.51.100.7",
                forwarded.client("10.0.0.2", List.of("for=6.6.6.6, for=198.51.100.7;proto=https"), List.of("1.1.1.1")),
                "a proxy that writes Forwarded");
        assertEquals("2001:db8::1", forwarded.client("::1", List.of("for=\"[2001:db8::1]:4711\""), List.of()));
        assertEquals(
                "10.9.9.9",
                proxies.client("127.0.0.1", List.of(), List.of("10.9.9.9")),
                "only trusted hops: the first of them");
        assertEquals(
                "10.1.1.1",
                proxies.client("127.0.0.1", List.of(), List.of("garbage, 10.1.1.1")),
                "garbage stops the walk at the last trusted hop");
        assertEquals("127.0.0.1", proxies.client("127.0.0.1", List.of(), List.of()));
    }

    @Test
    void onlyTheHeaderTheProxyWritesIsBelieved() {
        // nginx passes a Forwarded header the client wrote untouched and appends to X-Forwarded-For.
        List<String> clientWritten = List.of("for=6.6.6.6");
        assertEquals(
                "198.51.100.7",
                proxies.client("127.0.0.1", clientWritten, List.of("198.51.100.7")),
                "by default X-Forwarded-For, as the README's nginx writes it; a client's Forwarded is ignored");
        TrustedProxies forwarded = proxies.readingHeader(TrustedProxies.Header.FORWARDED);
        assertEquals(
                "198.51.100.7",
                forwarded.client("127.0.0.1", List.of("for=198.51.100.7"), List.of("6.6.6.6")),
                "and the other way round when the proxy writes Forwarded");
        assertEquals(TrustedProxies.Header.FORWARDED, TrustedProxies.Header.named("forwarded"));
        IllegalArgumentException unknown =
                assertThrows(IllegalArgumentException.class, () -> TrustedProxies.Header.named("X-Real-IP"));
        assertTrue(unknown.getMessage().contains("X-Real-IP"), unknown.getMessage());
    }

    @Test
    void badSettingsAreRefusedWithTheirEntryNamed() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("10.0.0.0/8, proxy.local"));
        assertTrue(e.getMessage().contains("proxy.local"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("300.1.1.1"));
        assertTrue(TrustedProxies.parse("  ").isEmpty());
    }

    @Test
    void ipv6ClientsAreKnownByTheirSlash64() {
        assertEquals(TrustedProxies.network("2001:db8:1:2::1"), TrustedProxies.network("2001:db8:1:2:abcd::9"));
        assertNotEquals(TrustedProxies.network("2001:db8:1:2::1"), TrustedProxies.network("2001:db8:1:3::1"));
        assertEquals("192.0.2.1", TrustedProxies.network("192.0.2.1"));
    }
}
