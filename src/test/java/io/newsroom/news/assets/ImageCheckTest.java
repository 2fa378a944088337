package io.newsroom.news.assets;

import static org.junit.jupiter.api.Assertions.*;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Hostile images: never decoded beyond a budget, their metadata never inflated, broken ones refused. */
class ImageCheckTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** Bytes this thread allocated while {@code work} ran. */
    private static long allocatedBy(ThrowingRunnable work) throws Exception {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        work.run();
        return THREADS.getCurrentThreadAllocatedBytes() - before;
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void aPngWhoseTextChunkInflatesTo400MbIsReadWithoutInflatingIt() throws Exception {
        byte[] bomb = HostileImages.pngWithTextBomb(64, 64, 400L * 1024 * 1024);
        assertTrue(bomb.length < 1_000_000, "a small file: " + bomb.length);
        long allocated = allocatedBy(() -> {
            assertEquals(new ImageCheck.Dimensions(64, 64), ImageCheck.dimensions(bomb));
            assertEquals(64, ImageCheck.decode(bomb, 2000).getWidth());
        });
        assertTrue(allocated < 50L * 1024 * 1024, "allocated " + allocated / 1024 / 1024 + " MB for a 64x64 image");
    }

    @Test
    void claimedSizesOverTheLimitsAreRefusedBeforeAnyPixelIsDecoded() throws Exception {
        ImageCheck.Unreadable huge = assertThrows(
                ImageCheck.Unreadable.class, () -> ImageCheck.dimensions(HostileImages.pngClaiming(20_000, 20_000)));
        assertEquals("news.admin.image.tooManyPixels", huge.messageKey());
        assertEquals(
                "news.admin.image.tooManyPixels",
                assertThrows(
                                ImageCheck.Unreadable.class,
                                () -> ImageCheck.dimensions(HostileImages.pngClaiming(Integer.MAX_VALUE, 1)))
                        .messageKey());
        assertEquals(
                "news.admin.image.broken",
                assertThrows(ImageCheck.Unreadable.class, () -> ImageCheck.dimensions(HostileImages.pngClaiming(0, 10)))
                        .messageKey());
    }

    @Test
    void brokenFilesAreRefusedWithAMessageNeverAnError() throws Exception {
        byte[] good = HostileImages.pngWithTextBomb(32, 32, 10);
        assertEquals(32, ImageCheck.decode(good, 2000).getWidth());
        for (byte[] broken : new byte[][] {
            Arrays.copyOf(good, good.length / 2), // truncated
            HostileImages.pngClaiming(4000, 3000), // header promises pixels the data does not have
            {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, // a 3-byte JPEG
            "RIFF\0\0\0\0WEBPVP8L".getBytes(), // a truncated WebP
            "GIF89a<script>".getBytes(), // a polyglot of no accepted type
        }) {
            ImageCheck.Unreadable refused =
                    assertThrows(ImageCheck.Unreadable.class, () -> ImageCheck.decode(broken, 2000));
            assertTrue(refused.messageKey().startsWith("news.admin.image."), refused.messageKey());
        }
    }

    @Test
    void decodingSubsamplesToTheBudget() {
        assertEquals(1, ImageCheck.subsampling(new ImageCheck.Dimensions(1600, 1200), 2000));
        int step = ImageCheck.subsampling(new ImageCheck.Dimensions(8000, 6000), 960);
        assertTrue((8000L / step) * (6000L / step) <= ImageCheck.MAX_DECODED, "step " + step);
        assertTrue(6000 / step >= 960, "the shorter side keeps what a rendition needs: step " + step);
    }
}
