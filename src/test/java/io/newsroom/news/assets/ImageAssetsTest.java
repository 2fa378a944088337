package io.newsroom.news.assets;

import static org.junit.jupiter.api.Assertions.*;

import io.newsroom.news.embedded.server.NewsRuntime;
import io.newsroom.news.embedded.server.RuntimeConfig;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Calendar;
import javax.imageio.ImageIO;
import javax.jcr.Node;
import javax.jcr.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

public class ImageAssetsTest {
    private static NewsRuntime runtime;

    @BeforeAll
    static void start() throws Exception {
        runtime = NewsRuntime.start(RuntimeConfig.forTests());
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    public static byte[] image(String format) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB), format, out);
        return out.toByteArray();
    }

    @Test
    void realImagesAreStoredAndReadBack() throws Exception {
        byte[] png = image("png");
        String key = runtime.images().store(png, "ảnh hội nghị.png");
        assertTrue(key.matches("jcr:[0-9a-f-]{36}"), key);
        ImageAssets.Image read = runtime.images().read(key).orElseThrow();
        assertEquals("image/png", read.mimeType());
        assertArrayEquals(png, read.data());
        assertEquals("image/jpeg", ImageAssets.sniff(image("jpg")).orElseThrow());
        byte[] webpHeader = "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("image/webp", ImageAssets.sniff(webpHeader).orElseThrow());
    }

    /** A camera's JPEG: {@code width}x{@code height} stored sideways (EXIF orientation 6) with its make and a GPS note. */
    private static byte[] cameraJpeg(int width, int height) throws Exception {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "jpg", plain);
        return withCameraExif(plain.toByteArray());
    }

    /**
     * A photo as a phone hands it over: 4000x3000, stored sideways with its camera and location, about
     * 7 MB (a gradient with grain at JPEG quality 0.95, so it does not compress to nothing).
     */
    public static byte[] photoFromAPhone() throws Exception {
        BufferedImage image = new BufferedImage(4000, 3000, BufferedImage.TYPE_INT_RGB);
        java.util.Random grain = new java.util.Random(7);
        for (int y = 0; y < 3000; y++) {
            for (int x = 0; x < 4000; x++) {
                int n = grain.nextInt(32);
                image.setRGB(x, y, ((x * 255 / 4000 + n) & 255) << 16 | ((y * 255 / 3000 + n) & 255) << 8 | (128 + n));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        javax.imageio.ImageWriter writer =
                ImageIO.getImageWritersByFormatName("jpeg").next();
        javax.imageio.ImageWriteParam quality = writer.getDefaultWriteParam();
        quality.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
        quality.setCompressionQuality(0.95f);
        try (javax.imageio.stream.ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new javax.imageio.IIOImage(image, null, null), quality);
        } finally {
            writer.dispose();
        }
        return withCameraExif(out.toByteArray());
    }

    /** {@code jpeg} with an EXIF block saying: turned sideways (orientation 6), the camera's make, a location. */
    private static byte[] withCameraExif(byte[] jpeg) throws Exception {
        byte[] tiff = {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0};
        byte[] trailer = "Canon EOS 90D GPS N 21 1 E 105 51".getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream exif = new ByteArrayOutputStream();
        exif.write("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        exif.write(tiff);
        exif.write(trailer);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        int length = exif.size() + 2;
        out.write(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length});
        out.write(exif.toByteArray());
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    @Test
    void aPhotosLocationAndCameraAreNotKeptAndItIsStoredUpright() throws Exception {
        byte[] photo = cameraJpeg(400, 300);
        assertTrue(
                new String(photo, StandardCharsets.ISO_8859_1).contains("GPS N 21"), "the test photo has a location");
        ImageAssets.Image kept = runtime.images()
                .read(runtime.images().store(photo, "photo.jpg"))
                .orElseThrow();
        String bytes = new String(kept.data(), StandardCharsets.ISO_8859_1);
        assertFalse(bytes.contains("GPS") || bytes.contains("Canon") || bytes.contains("Exif"), "no metadata kept");
        BufferedImage upright = ImageIO.read(new java.io.ByteArrayInputStream(kept.data()));
        assertEquals(300, upright.getWidth(), "turned as its orientation said");
        assertEquals(400, upright.getHeight());

        byte[] large = cameraJpeg(4000, 3000);
        BufferedImage scaled = ImageIO.read(new java.io.ByteArrayInputStream(runtime.images()
                .read(runtime.images().store(large, "large.jpg"))
                .orElseThrow()
                .data()));
        assertTrue(
                Math.max(scaled.getWidth(), scaled.getHeight()) <= ImageCleaning.MAX_SIDE,
                scaled.getWidth() + "x" + scaled.getHeight());
    }

    @Test
    void anythingElseIsRefusedWhateverItsName() throws Exception {
        ImageAssets images = runtime.images();
        assertEquals(
                "news.admin.image.type",
                assertThrows(
                                ImageAssets.RefusedException.class,
                                () -> images.store(
                                        "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8), "fake.png"))
                        .messageKey());
        assertEquals(
                "news.admin.image.type",
                assertThrows(
                                ImageAssets.RefusedException.class,
                                () -> images.store("GIF89a....".getBytes(StandardCharsets.US_ASCII), "anim.gif"))
                        .messageKey());
        assertEquals(
                "news.admin.image.empty",
                assertThrows(ImageAssets.RefusedException.class, () -> images.store(new byte[0], "empty.png"))
                        .messageKey());
        byte[] huge = new byte[(int) images.maxBytes() + 1];
        System.arraycopy(image("png"), 0, huge, 0, 8);
        assertEquals(
                "news.admin.image.tooLarge",
                assertThrows(ImageAssets.RefusedException.class, () -> images.store(huge, "huge.png"))
                        .messageKey());
        assertTrue(images.read("jcr:00000000-0000-0000-0000-000000000000").isEmpty());
        assertTrue(images.read("jcr:not-an-id").isEmpty());
        assertTrue(images.read("/some/path.png").isEmpty());
    }

    @Test
    void imagesAreStoredInMagnoliasDamShape() throws Exception {
        String key = runtime.images().store(image("png"), "Hội nghị tổng kết.PNG");
        Session dam = runtime.repository().login(ImageAssets.WORKSPACE);
        try {
            Node asset = dam.getNodeByIdentifier(key.substring(4));
            assertEquals("mgnl:asset", asset.getPrimaryNodeType().getName());
            assertEquals("mgnl:folder", asset.getParent().getPrimaryNodeType().getName());
            assertEquals("Hoi-nghi-tong-ket.PNG", asset.getProperty("name").getString());
            Node resource = asset.getNode("jcr:content");
            assertEquals("mgnl:resource", resource.getPrimaryNodeType().getName());
            assertEquals("image/png", resource.getProperty("jcr:mimeType").getString());
            assertEquals("Hoi-nghi-tong-ket", resource.getProperty("fileName").getString());
            assertEquals("png", resource.getProperty("extension").getString());
            assertEquals(
                    resource.getProperty("jcr:data").getLength(),
                    resource.getProperty("size").getLong());
            assertEquals(4, resource.getProperty("width").getLong());
            assertEquals(3, resource.getProperty("height").getLong());
        } finally {
            dam.logout();
        }
    }

    @Test
    void detailsAreKeptCheckedAndSearched() throws Exception {
        String key = runtime.images().store(image("jpg"), "le-khai-giang.jpg");
        assertEquals(ImageAssets.Details.NONE, runtime.images().details(key).orElseThrow());
        ImageAssets.Details given = new ImageAssets.Details(
                " Học sinh chào cờ ", "Lễ khai giảng năm học mới", "Ảnh: Phòng Văn hoá", 0.25, 0.4);
        assertTrue(runtime.images().describe(key, given, "lan"));
        ImageAssets.Details read = runtime.images().details(key).orElseThrow();
        assertEquals("Học sinh chào cờ", read.alt());
        assertEquals("Ảnh: Phòng Văn hoá", read.credit());
        assertEquals(0.25, read.focusX());
        assertTrue(
                runtime.images().list("CHÀO CỜ", 10).stream()
                        .anyMatch(l -> l.key().equals(key)),
                "by alt text");
        assertTrue(
                runtime.images().list("năm học mới", 10).stream()
                        .anyMatch(l -> l.key().equals(key)),
                "by caption");
        assertTrue(
                runtime.images().list("khai-giang", 10).stream()
                        .anyMatch(l -> l.key().equals(key)),
                "by name");
        assertFalse(runtime.images().list("tổng kết", 10).stream()
                .anyMatch(l -> l.key().equals(key)));

        ImageAssets.RefusedException tooLong = assertThrows(
                ImageAssets.RefusedException.class,
                () -> runtime.images()
                        .describe(key, new ImageAssets.Details("x".repeat(301), "", "", 0.5, 0.5), "lan"));
        assertEquals("news.admin.images.altTooLong", tooLong.messageKey());
        ImageAssets.RefusedException outside = assertThrows(
                ImageAssets.RefusedException.class,
                () -> runtime.images().describe(key, new ImageAssets.Details("", "", "", 1.5, 0.5), "lan"));
        assertEquals("news.admin.images.focusRange", outside.messageKey());
        assertEquals(read, runtime.images().details(key).orElseThrow(), "a refused change changes nothing");
        assertFalse(runtime.images().describe("jcr:00000000-0000-4000-8000-000000000000", given, "lan"));
    }

    @Test
    void imagesStoredBeforeTheDamShapeAreConvertedKeepingTheirKeys() throws Exception {
        byte[] png = image("png");
        String id;
        Session dam = runtime.repository().login(ImageAssets.WORKSPACE);
        try {
            // The shape of earlier versions: nt:file with mix:title, an nt:resource child.
            Node folder = dam.getRootNode().hasNode("news")
                    ? dam.getRootNode().getNode("news")
                    : dam.getRootNode().addNode("news", "nt:folder");
            Node file = folder.addNode("8d0c2a55-0f4e-4f39-9e43-3c1d7a0e5b21", "nt:file");
            file.addMixin("mix:referenceable");
            file.addMixin("mix:title");
            file.setProperty("jcr:title", "old-photo.png");
            Node content = file.addNode("jcr:content", "nt:resource");
            content.setProperty("jcr:data", dam.getValueFactory().createBinary(new ByteArrayInputStream(png)));
            content.setProperty("jcr:mimeType", "image/png");
            content.setProperty("jcr:lastModified", Calendar.getInstance());
            dam.save();
            id = file.getIdentifier();
        } finally {
            dam.logout();
        }
        assertFalse(runtime.images().list("old-photo", 10).stream()
                .anyMatch(l -> l.key().equals("jcr:" + id)));

        assertEquals(1, DamShapeUpgrade.apply(runtime.repository().sessions()));
        assertEquals(0, DamShapeUpgrade.apply(runtime.repository().sessions()), "nothing left to convert");

        ImageAssets.Image read = runtime.images().read("jcr:" + id).orElseThrow();
        assertEquals("old-photo.png", read.fileName());
        assertArrayEquals(png, read.data());
        assertTrue(runtime.images().list("old-photo", 10).stream()
                .anyMatch(l -> l.key().equals("jcr:" + id)));
        dam = runtime.repository().login(ImageAssets.WORKSPACE);
        try {
            Node asset = dam.getNodeByIdentifier(id);
            assertEquals("mgnl:asset", asset.getPrimaryNodeType().getName());
            assertEquals(
                    "mgnl:resource",
                    asset.getNode("jcr:content").getPrimaryNodeType().getName());
            assertEquals(
                    "png", asset.getNode("jcr:content").getProperty("extension").getString());
        } finally {
            dam.logout();
        }
    }
}
