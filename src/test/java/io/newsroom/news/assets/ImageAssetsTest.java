package io.newsroom.news.assets;

import static org.junit.jupiter.api.Assertions.*;

import io.newsroom.news.embedded.server.NewsRuntime;
import io.newsroom.news.embedded.server.RuntimeConfig;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
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
        byte[] huge = new byte[ImageAssets.MAX_BYTES + 1];
        System.arraycopy(image("png"), 0, huge, 0, 8);
        assertEquals(
                "news.admin.image.tooLarge",
                assertThrows(ImageAssets.RefusedException.class, () -> images.store(huge, "huge.png"))
                        .messageKey());
        assertTrue(images.read("jcr:00000000-0000-0000-0000-000000000000").isEmpty());
        assertTrue(images.read("jcr:not-an-id").isEmpty());
        assertTrue(images.read("/some/path.png").isEmpty());
    }
}
