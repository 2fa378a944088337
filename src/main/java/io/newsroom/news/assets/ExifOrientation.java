package io.newsroom.news.assets;

/**
 * A JPEG's EXIF orientation (1 to 8; 1 when it has none), read from its APP1 segment by hand: a few
 * bytes of a bounded segment, nothing else of the file is read.
 */
public final class ExifOrientation {
    private static final int ORIENTATION_TAG = 0x0112;

    private ExifOrientation() {}

    public static int of(byte[] jpeg) {
        try {
            int at = 2; // after SOI
            while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
                int marker = jpeg[at + 1] & 0xFF;
                int length = ((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF);
                if (marker == 0xDA || length < 2) {
                    return 1; // image data starts: no EXIF before it
                }
                int body = at + 4;
                if (marker == 0xE1
                        && body + 6 <= jpeg.length
                        && new String(jpeg, body, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("Exif")) {
                    return fromTiff(jpeg, body + 6, Math.min(jpeg.length, at + 2 + length));
                }
                at += 2 + length;
            }
        } catch (RuntimeException malformed) {
            // a broken segment: as stored
        }
        return 1;
    }

    private static int fromTiff(byte[] b, int tiff, int end) {
        boolean little = b[tiff] == 'I';
        int ifd = tiff + (int) read(b, tiff + 4, 4, little);
        int entries = (int) read(b, ifd, 2, little);
        for (int i = 0; i < entries; i++) {
            int entry = ifd + 2 + i * 12;
            if (entry + 12 > end) {
                break;
            }
            if (read(b, entry, 2, little) == ORIENTATION_TAG) {
                int value = (int) read(b, entry + 8, 2, little);
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    private static long read(byte[] b, int at, int bytes, boolean little) {
        long value = 0;
        for (int i = 0; i < bytes; i++) {
            int shift = little ? 8 * i : 8 * (bytes - 1 - i);
            value |= (long) (b[at + i] & 0xFF) << shift;
        }
        return value;
    }
}
