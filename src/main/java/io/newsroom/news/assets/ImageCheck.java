package io.newsroom.news.assets;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reading an image without trusting it: its reader is told to ignore metadata (so a PNG's text chunk
 * that inflates to a gigabyte is never inflated), its dimensions are checked before any pixel is
 * decoded, and pixels are decoded with subsampling, so decoding costs at most about {@link #MAX_DECODED}
 * pixels however large the image claims to be. An upload is decoded once this way, so a truncated,
 * garbage or polyglot file is refused then, not at every reader's request.
 */
public final class ImageCheck {
    /** The longest side accepted (a 24-megapixel camera's is 6,000). */
    public static final int MAX_SIDE = 12_000;
    /** The most pixels accepted (a 24-megapixel photo, with room). */
    public static final long MAX_PIXELS = 50_000_000L;
    /** The most pixels one decode holds in memory (about 16 MB as ARGB). */
    static final long MAX_DECODED = 4_000_000L;

    private ImageCheck() {}

    /** An image's stored size (before any orientation). */
    public record Dimensions(int width, int height) {}

    /** Why an image is refused: an i18n key of the light module's bundles. */
    public static final class Unreadable extends Exception {
        private final String messageKey;

        Unreadable(String messageKey, String detail) {
            super(detail, null, false, false);
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    /** The dimensions from the header alone, refused when missing, zero or over the limits. */
    public static Dimensions dimensions(byte[] data) throws Unreadable {
        return withReader(data, reader -> checked(reader.getWidth(0), reader.getHeight(0)));
    }

    /**
     * The whole image decoded, subsampled so that at most {@link #MAX_DECODED} pixels are held and its
     * shorter side is not needlessly above {@code minShortSide}; refused when its data is broken.
     */
    public static BufferedImage decode(byte[] data, int minShortSide) throws Unreadable {
        return withReader(data, reader -> {
            Dimensions size = checked(reader.getWidth(0), reader.getHeight(0));
            return pixels(reader, subsampling(size, minShortSide));
        });
    }

    /**
     * The whole image decoded for keeping: subsampled so its longer side is at most {@code maxSide} (an
     * integer step, so a little under it), refused when its data is broken.
     */
    public static BufferedImage decodeForStorage(byte[] data, int maxSide) throws Unreadable {
        return withReader(data, reader -> {
            Dimensions size = checked(reader.getWidth(0), reader.getHeight(0));
            int longer = Math.max(size.width(), size.height());
            // Every step-th pixel while the result keeps at least maxSide on its longer side (a 4000 px photo is
            // read whole, an 8000 px one every second pixel): memory stays bounded and the last reduction to
            // maxSide is a smooth scale, not a coarse skip down to 2,000 px.
            return pixels(reader, Math.max(1, longer / maxSide));
        });
    }

    /** The step that keeps a decode under the pixel budget, its shorter side at least {@code minShortSide} where it can. */
    static int subsampling(Dimensions size, int minShortSide) {
        int shorter = Math.min(size.width(), size.height());
        int step = 1;
        while ((long) (size.width() / step) * (size.height() / step) > MAX_DECODED
                || shorter / (step + 1) >= Math.max(1, minShortSide)) {
            step++;
        }
        return step;
    }

    /** Every {@code step}-th pixel of every {@code step}-th row. */
    private static BufferedImage pixels(ImageReader reader, int step) throws IOException, Unreadable {
        ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceSubsampling(step, step, 0, 0);
        BufferedImage image = reader.read(0, param);
        if (image == null || image.getWidth() <= 0 || image.getHeight() <= 0) {
            throw new Unreadable("news.admin.image.broken", "no pixels");
        }
        return image;
    }

    private static Dimensions checked(int width, int height) throws Unreadable {
        if (width <= 0 || height <= 0) {
            throw new Unreadable("news.admin.image.broken", "no dimensions");
        }
        if (width > MAX_SIDE || height > MAX_SIDE || (long) width * height > MAX_PIXELS) {
            throw new Unreadable("news.admin.image.tooManyPixels", width + "x" + height);
        }
        return new Dimensions(width, height);
    }

    @FunctionalInterface
    private interface ReaderWork<T> {
        T run(ImageReader reader) throws IOException, Unreadable;
    }

    private static <T> T withReader(byte[] data, ReaderWork<T> work) throws Unreadable {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new Unreadable("news.admin.image.type", "no reader");
            }
            ImageReader reader = readers.next();
            try {
                // Metadata ignored: text chunks (a PNG's zTXt can inflate without bound) are skipped, not read.
                reader.setInput(in, true, true);
                return work.run(reader);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            // A broken stream throws anything from IIOException to ArrayIndexOutOfBounds in a decoder.
            throw new Unreadable("news.admin.image.broken", e.toString());
        } catch (OutOfMemoryError e) {
            throw new Unreadable("news.admin.image.tooManyPixels", "out of memory while decoding");
        }
    }
}
