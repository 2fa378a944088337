package io.newsroom.news.assets;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * What is kept of an upload: its pixels only. The image is decoded (turned upright by its EXIF
 * orientation first), at most {@link #MAX_SIDE} pixels on its longer side, and encoded again, so no
 * metadata survives: no GPS position, no camera name, no text chunk. JPEG and WebP are kept as JPEG,
 * PNG as PNG (its transparency kept).
 */
public final class ImageCleaning {
    /** The longest side an original is kept at (a phone's 4,000 px photo becomes 3,000). */
    public static final int MAX_SIDE = 3_000;

    private static final float JPEG_QUALITY = 0.9f;

    private ImageCleaning() {}

    /** The bytes and type kept, and the kept image's size in pixels. */
    public record Cleaned(byte[] data, String mimeType, int width, int height) {}

    public static Cleaned clean(byte[] data, String mimeType) throws ImageCheck.Unreadable {
        int orientation = mimeType.equals("image/jpeg") ? ExifOrientation.of(data) : 1;
        BufferedImage image = upright(fitted(ImageCheck.decodeForStorage(data, MAX_SIDE), MAX_SIDE), orientation);
        return mimeType.equals("image/png")
                ? new Cleaned(png(image), "image/png", image.getWidth(), image.getHeight())
                : new Cleaned(jpeg(image), "image/jpeg", image.getWidth(), image.getHeight());
    }

    /** {@code image} scaled smoothly to {@code maxSide} on its longer side when it is longer; as it is otherwise. */
    static BufferedImage fitted(BufferedImage image, int maxSide) {
        int longer = Math.max(image.getWidth(), image.getHeight());
        if (longer <= maxSide) {
            return image;
        }
        double scale = (double) maxSide / longer;
        int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage result = new BufferedImage(
                w, h, image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = result.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(image, 0, 0, w, h, null);
        g.dispose();
        return result;
    }

    /** The image as it should be shown, for EXIF orientations 1 to 8 (1: as stored). */
    public static BufferedImage upright(BufferedImage image, int orientation) {
        if (orientation < 2 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean turned = orientation >= 5;
        AffineTransform t = new AffineTransform();
        switch (orientation) {
            case 2 -> t.setTransform(-1, 0, 0, 1, w, 0); // mirrored
            case 3 -> t.setTransform(-1, 0, 0, -1, w, h); // upside down
            case 4 -> t.setTransform(1, 0, 0, -1, 0, h); // mirrored vertically
            case 5 -> t.setTransform(0, 1, 1, 0, 0, 0); // transposed
            case 6 -> t.setTransform(0, 1, -1, 0, h, 0); // turn 90° clockwise
            case 7 -> t.setTransform(0, -1, -1, 0, h, w); // transversed
            case 8 -> t.setTransform(0, -1, 1, 0, 0, w); // turn 90° counter-clockwise
            default -> {}
        }
        BufferedImage result = new BufferedImage(
                turned ? h : w,
                turned ? w : h,
                image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = result.createGraphics();
        g.drawImage(image, t, null);
        g.dispose();
        return result;
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] jpeg(BufferedImage image) {
        BufferedImage rgb = image;
        if (image.getType() != BufferedImage.TYPE_INT_RGB) {
            rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = rgb.createGraphics();
            g.drawImage(image, 0, 0, java.awt.Color.WHITE, null);
            g.dispose();
        }
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        ImageWriter writer = writers.next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.write(null, new IIOImage(rgb, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
