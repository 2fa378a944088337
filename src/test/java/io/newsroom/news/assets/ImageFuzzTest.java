package io.newsroom.news.assets;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random and mutated images (valid PNG and JPEG files with bytes overwritten, cut short, or headers
 * alone) through everything an upload or a reader's request does with them: either a result or a refusal
 * with a message, never another exception and never an OutOfMemoryError.
 */
class ImageFuzzTest {
    private static final List<byte[]> VALID = List.of(encode("png"), encode("jpg"));

    private static byte[] encode(String format) {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 64; x++) {
            image.setRGB(x, x % 48, 0xFF0000 + x);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Provide
    Arbitrary<byte[]> mutated() {
        Arbitrary<byte[]> base = Arbitraries.of(VALID);
        Arbitrary<Integer> positions = Arbitraries.integers().between(0, 4000);
        Arbitrary<Byte> values = Arbitraries.bytes();
        Arbitrary<Integer> cut = Arbitraries.integers().between(3, 5000);
        return Combinators.combine(
                        base, positions.list().ofMaxSize(8), values.list().ofSize(8), cut)
                .as((valid, where, what, length) -> {
                    byte[] copy = java.util.Arrays.copyOf(valid, Math.min(valid.length, length));
                    for (int i = 0; i < where.size(); i++) {
                        if (where.get(i) < copy.length) {
                            copy[where.get(i)] = what.get(i);
                        }
                    }
                    return copy;
                });
    }

    @Property(tries = 150)
    void anyMutatedImageIsReadOrRefusedWithAMessage(@ForAll("mutated") byte[] data) {
        readOrRefuse(data);
    }

    @Property(tries = 100)
    void anyBytesBehindAnImageSignatureAreReadOrRefusedWithAMessage(
            @ForAll("signatures") byte[] signature, @ForAll byte[] rest) {
        byte[] data = new byte[signature.length + rest.length];
        System.arraycopy(signature, 0, data, 0, signature.length);
        System.arraycopy(rest, 0, data, signature.length, rest.length);
        readOrRefuse(data);
    }

    @Provide
    Arbitrary<byte[]> signatures() {
        return Arbitraries.of(
                new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'},
                new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
                "RIFF\0\0\0\0WEBPVP8 ".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
                "RIFF\0\0\0\0WEBPVP8L".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    private static void readOrRefuse(byte[] data) {
        try {
            ImageCheck.dimensions(data);
        } catch (ImageCheck.Unreadable refused) {
            assertMessage(refused);
        }
        try {
            ImageCheck.decode(data, 64);
        } catch (ImageCheck.Unreadable refused) {
            assertMessage(refused);
        }
        String mime = ImageAssets.sniff(data).orElse("image/png");
        try {
            ImageCleaning.clean(data, mime);
        } catch (ImageCheck.Unreadable refused) {
            assertMessage(refused);
        }
        ExifOrientation.of(data); // never throws
    }

    private static void assertMessage(ImageCheck.Unreadable refused) {
        if (!refused.messageKey().startsWith("news.admin.image.")) {
            throw new AssertionError("a refusal without a message: " + refused.messageKey());
        }
    }
}
