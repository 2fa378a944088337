package io.newsroom.news.assets;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/** Image files an attacker uploads, made byte by byte (for tests). */
public final class HostileImages {
    private HostileImages() {}

    /** A valid {@code width}x{@code height} PNG with a zTXt chunk that inflates to {@code textBytes} zero bytes. */
    public static byte[] pngWithTextBomb(int width, int height, long textBytes) throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        text.write("Comment".getBytes(StandardCharsets.ISO_8859_1));
        text.write(0); // keyword end
        text.write(0); // compression method: deflate
        text.write(deflatedZeros(textBytes));
        return png(width, height, text.toByteArray());
    }

    /** A PNG header claiming {@code width}x{@code height} with a tiny (and so broken) image data chunk. */
    public static byte[] pngClaiming(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream png = new DataOutputStream(out);
        png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(png, "IHDR", ihdr(width, height));
        chunk(png, "IDAT", deflatedZeros(64));
        chunk(png, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static byte[] png(int width, int height, byte[] zTXt) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream png = new DataOutputStream(out);
        png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(png, "IHDR", ihdr(width, height));
        chunk(png, "zTXt", zTXt);
        chunk(png, "IDAT", deflatedZeros((long) height * (1 + width * 3L)));
        chunk(png, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static byte[] ihdr(int width, int height) throws IOException {
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        DataOutputStream h = new DataOutputStream(header);
        h.writeInt(width);
        h.writeInt(height);
        h.write(new byte[] {8, 2, 0, 0, 0}); // 8 bits, RGB, deflate, no filter, no interlace
        return header.toByteArray();
    }

    private static byte[] deflatedZeros(long count) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(out, new Deflater(Deflater.BEST_COMPRESSION))) {
            byte[] zeros = new byte[1 << 16];
            for (long left = count; left > 0; left -= zeros.length) {
                deflate.write(zeros, 0, (int) Math.min(zeros.length, left));
            }
        }
        return out.toByteArray();
    }

    private static void chunk(DataOutputStream png, String type, byte[] data) throws IOException {
        png.writeInt(data.length);
        byte[] name = type.getBytes(StandardCharsets.ISO_8859_1);
        png.write(name);
        png.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        png.writeInt((int) crc.getValue());
    }
}
