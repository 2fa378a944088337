package io.newsroom.news.embedded.server;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Whether a request's query string can be read at all: every {@code %} followed by two hex digits and
 * the decoded bytes UTF-8. One that cannot ({@code ?%}, {@code q=%FF%FE}) is the client's mistake,
 * answered 400 before any page, API or the admin app tries to read it (and fails with a 500).
 */
final class QueryStrings {
    private QueryStrings() {}

    static boolean readable(String query) {
        if (query == null || query.isEmpty()) {
            return true;
        }
        for (String part : query.split("[&=]", -1)) {
            if (!decodes(part)) {
                return false;
            }
        }
        return true;
    }

    private static boolean decodes(String part) {
        ByteBuffer bytes = ByteBuffer.allocate(part.length());
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == '%') {
                if (i + 2 >= part.length()) {
                    return false;
                }
                int high = Character.digit(part.charAt(i + 1), 16);
                int low = Character.digit(part.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return false;
                }
                bytes.put((byte) (high * 16 + low));
                i += 2;
            } else if (c > 0x7F) {
                return false; // raw non-ASCII in a query: not what a browser sends
            } else {
                bytes.put((byte) (c == '+' ? ' ' : c));
            }
        }
        bytes.flip();
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes);
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /**
     * Whether the admin app's start request names a location of the app ({@code v-r=init&location=...}):
     * a relative address, never one starting with {@code //} (another host) or a scheme.
     */
    static boolean adminLocationIsLocal(String query) {
        if (query == null || !query.contains("v-r=init")) {
            return true;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("location=")) {
                String value = java.net.URLDecoder.decode(pair.substring("location=".length()), StandardCharsets.UTF_8);
                if (value.startsWith("//") || value.startsWith("\\\\") || value.matches("(?i)^[a-z][a-z0-9+.-]*:.*")) {
                    return false;
                }
            }
        }
        return true;
    }
}
