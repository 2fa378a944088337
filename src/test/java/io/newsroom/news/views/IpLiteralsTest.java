package io.newsroom.news.views;

import static org.junit.jupiter.api.Assertions.*;

import java.net.InetAddress;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

/** The hand-written IP literal reader against the JDK's: the same bytes for every literal, null for anything else. */
class IpLiteralsTest {

    @Property(tries = 500)
    void everyAddressReadsAsTheJdkReadsIt(@ForAll("addresses") byte[] address) throws Exception {
        InetAddress jdk = InetAddress.getByAddress(address);
        String written = jdk.getHostAddress();
        assertArrayEquals(jdk.getAddress(), IpLiterals.parse(written), written);
        assertArrayEquals(jdk.getAddress(), IpLiterals.parse(written.toUpperCase()), written);
        if (address.length == 16) {
            assertArrayEquals(jdk.getAddress(), IpLiterals.parse("[" + written + "]"), written);
            String shortest = compressed(address);
            assertArrayEquals(InetAddress.getByName(shortest).getAddress(), IpLiterals.parse(shortest), shortest);
        }
    }

    @Provide
    Arbitrary<byte[]> addresses() {
        // Zeros are frequent so that runs of them (written as ::) come up often.
        Arbitrary<Byte> octet =
                Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just((byte) 0)), Tuple.of(2, Arbitraries.bytes()));
        return Arbitraries.oneOf(
                octet.array(byte[].class).ofSize(4), octet.array(byte[].class).ofSize(16));
    }

    @Test
    void literalsTheJdkReadsGiveItsBytes() throws Exception {
        for (String literal : List.of(
                "0.0.0.0",
                "255.255.255.255",
                "192.0.2.1",
                "::",
                "::1",
                "1::",
                "2001:db8::",
                "2001:db8:0:0:1::1",
                "fe80::1:2:3:4",
                "::ffff:192.0.2.1",
                "::192.0.2.1",
                "64:ff9b::192.0.2.33",
                "1:2:3:4:5:6:7:8",
                "1:2:3:4:5:6:192.0.2.1",
                "[2001:db8::1]")) {
            assertArrayEquals(InetAddress.getByName(literal).getAddress(), IpLiterals.parse(literal), literal);
        }
        assertEquals(
                4, IpLiterals.parse("::ffff:10.1.2.3").length, "an IPv4-mapped address is IPv4, as the JDK has it");
    }

    @Test
    void anythingButALiteralIsNull() {
        for (String text : new String[] {
            null,
            "",
            "localhost",
            "example.com",
            "1.2.3",
            "1.2.3.4.5",
            "256.1.1.1",
            "1.2.3.04444",
            "01.2.3.4x",
            " 1.2.3.4",
            "1.2.3.4:80",
            "1..2.3",
            ":::",
            "1:::2",
            "1::2::3",
            "1:2:3:4:5:6:7:8:9",
            "1:2:3:4:5:6:7",
            "1:2:3:4:5:6:7:8::",
            "12345::",
            "1:",
            ":1",
            "g::1",
            "fe80::1%eth0",
            "[::1",
            "::1]",
            "[1.2.3.4]",
            "1:2:3:4:5:6:7:1.2.3.4",
            "::1.2.3",
            "::1.2.3.4.5",
            "2001:db8::1" + "0".repeat(40)
        }) {
            assertNull(IpLiterals.parse(text), String.valueOf(text));
        }
    }

    /** The shortest form: the longest run of two or more zero groups written as {@code ::}. */
    private static String compressed(byte[] address) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((address[2 * i] & 0xff) << 8) | (address[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = Math.max(j, i + 1);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }
}
