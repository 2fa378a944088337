package io.newsroom.news.publishing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/**
 * The {@code Rule} property Magnolia's version manager keeps in a version's {@code mgnl:versionMetaData}
 * and reads back to restore it ({@code BaseVersionManager.getUsedFilter}): a Java-serialized
 * {@code info.magnolia.cms.util.Rule} (serialVersionUID 222, fields {@code allowedTypes} and
 * {@code reverse}) allowing the versioned node's type and {@code mgnl:reserve}, Base64-encoded. So a
 * version kept here restores in Magnolia too. Written without Magnolia's class: a stand-in of the same
 * shape is serialized and the class name in the stream is Magnolia's.
 */
final class MagnoliaVersionRule {
    /** The property's name in the version's {@code mgnl:versionMetaData}. */
    static final String PROPERTY = "Rule";

    static final String MAGNOLIA_CLASS = "info.magnolia.cms.util.Rule";
    /** Magnolia's {@code NodeTypes.System.NAME}, allowed with the node's own type in every version's rule. */
    static final String SYSTEM_TYPE = "mgnl:reserve";

    private MagnoliaVersionRule() {}

    /** The serialized rule of a version of a {@code nodeType} node, as Magnolia stores it. */
    static String of(String nodeType) {
        StandIn rule = new StandIn();
        rule.allowedTypes.add(nodeType);
        rule.allowedTypes.add(SYSTEM_TYPE);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(rule);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(renamed(bytes.toByteArray()));
    }

    /** The stream with the stand-in's class name (length-prefixed modified UTF-8, ASCII here) made Magnolia's. */
    private static byte[] renamed(byte[] stream) {
        byte[] from = withLength(StandIn.class.getName());
        byte[] to = withLength(MAGNOLIA_CLASS);
        int at = indexOf(stream, from);
        if (at < 0) {
            throw new IllegalStateException("The stand-in's class name is not in its serialized form");
        }
        byte[] result = new byte[stream.length - from.length + to.length];
        System.arraycopy(stream, 0, result, 0, at);
        System.arraycopy(to, 0, result, at, to.length);
        System.arraycopy(stream, at + from.length, result, at + to.length, stream.length - at - from.length);
        return result;
    }

    private static byte[] withLength(String name) {
        byte[] text = name.getBytes(StandardCharsets.US_ASCII);
        byte[] prefixed = new byte[text.length + 2];
        prefixed[0] = (byte) (text.length >> 8);
        prefixed[1] = (byte) text.length;
        System.arraycopy(text, 0, prefixed, 2, text.length);
        return prefixed;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Magnolia's {@code Rule} as serialization sees it: same version id, same fields. */
    private static final class StandIn implements Serializable {
        private static final long serialVersionUID = 222L;
        private final Set<String> allowedTypes = new java.util.HashSet<>();
        private final boolean reverse = false;
    }
}
