package io.newsroom.news.embedded.renditions;

import static io.newsroom.news.TestArticles.draft;
import static io.newsroom.news.TestArticles.hanoi;
import static org.junit.jupiter.api.Assertions.*;

import io.newsroom.news.article.Article;
import io.newsroom.news.article.ArticleDraft;
import io.newsroom.news.assets.ImageAssets;
import io.newsroom.news.assets.ImageSizes;
import io.newsroom.news.embedded.repository.EmbeddedRepository;
import io.newsroom.news.embedded.server.NewsRuntime;
import io.newsroom.news.embedded.server.RuntimeConfig;
import io.newsroom.news.embedded.server.SiteServer;
import io.newsroom.news.embedded.server.TestSite;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Calendar;
import javax.imageio.ImageIO;
import javax.jcr.Node;
import javax.jcr.Session;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Renditions of the theme's sizes: right sizes, EXIF orientation, made once, remade when the image changes, served and used. */
public class ImageRenditionsTest {
    private static TestSite site;
    private static NewsRuntime runtime;
    private static SiteServer server;

    @BeforeAll
    static void start() throws Exception {
        site = TestSite.start(RuntimeConfig.forTests());
        runtime = site.runtime;
        server = site.serve();
    }

    @AfterAll
    static void stop() throws Exception {
        site.close();
    }

    @Test
    void aPngWhoseTextChunkInflatesTo400MbNeverGetsInflatedForItsSizeOrItsRenditions() throws Exception {
        byte[] bomb = io.newsroom.news.assets.HostileImages.pngWithTextBomb(800, 600, 400L * 1024 * 1024);
        String key = runtime.images().store(bomb, "bomb.png"); // a valid 800x600 image: accepted
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        assertTrue(runtime.renditions().size(key, "card").isPresent());
        assertTrue(runtime.renditions().rendition(key, "card").isPresent());
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < 80L * 1024 * 1024, "size and rendition allocated " + allocated / 1024 / 1024 + " MB");
    }

    @Test
    void aBrokenImageIsAnsweredAsMissingAndNotDecodedAgain() throws Exception {
        String key = runtime.images().store(jpeg(400, 300), "fine.jpg");
        // Bytes replaced behind the upload's check (an import, an older version of the module).
        replaceBytes(runtime.repository(), key, io.newsroom.news.assets.HostileImages.pngClaiming(4000, 3000));
        HttpResponse<String> first = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        server.baseUrl() + ImageRenditions.PATH + "/news/card/dam/" + key + "/x.jpg"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(404, first.statusCode(), "a broken image is missing, not a server error");
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        assertTrue(runtime.renditions().rendition(key, "card").isEmpty());
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < 4L * 1024 * 1024, "remembered, not decoded again: " + allocated + " bytes");
    }

    /** Replaces an asset's bytes in place, a second later than its last change (as Magnolia's DAM may). */
    public static void replaceBytes(EmbeddedRepository repository, String key, byte[] data) throws Exception {
        Session dam = repository.login("dam");
        try {
            Node content = dam.getNodeByIdentifier(key.substring(4)).getNode("jcr:content");
            content.setProperty("jcr:data", dam.getValueFactory().createBinary(new ByteArrayInputStream(data)));
            Calendar later = Calendar.getInstance();
            later.setTimeInMillis(
                    content.getProperty("jcr:lastModified").getDate().getTimeInMillis() + 1000);
            content.setProperty("jcr:lastModified", later);
            dam.save();
        } finally {
            dam.logout();
        }
    }

    public static byte[] jpeg(int width, int height) throws Exception {
        // Something like a photo (sky, sun, ground), so screenshots of pages show where images sit.
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(0x6fa8dc), 0, height, new Color(0xcfe2f3)));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(0xf1c232));
        g.fillOval(width * 2 / 3, height / 8, Math.max(1, width / 6), Math.max(1, width / 6));
        g.setColor(new Color(0x6aa84f));
        g.fillRect(0, height * 2 / 3, width, height - height * 2 / 3);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    /** The same JPEG saying "turn me 90° clockwise to show me" (EXIF orientation 6), as phone photos do. */
    static byte[] rotatedJpeg(int width, int height) throws Exception {
        byte[] plain = jpeg(width, height);
        byte[] tiff = {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0};
        byte[] exif = new byte[6 + tiff.length];
        System.arraycopy(new byte[] {'E', 'x', 'i', 'f', 0, 0}, 0, exif, 0, 6);
        System.arraycopy(tiff, 0, exif, 6, tiff.length);
        int app0End = 4 + ((plain[4] & 0xFF) << 8 | (plain[5] & 0xFF));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, app0End);
        out.write(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) ((exif.length + 2) >> 8), (byte) (exif.length + 2)});
        out.write(exif);
        out.write(plain, app0End, plain.length - app0End);
        return out.toByteArray();
    }

    @Test
    void eachNamedSizeHasItsPixels() throws Exception {
        String key = runtime.images().store(jpeg(3000, 2000), "big.jpg");
        assertSize(160, 107, key, "thumbnail");
        assertSize(480, 320, key, "card");
        assertSize(960, 640, key, "lead");
        assertSize(1200, 630, key, "og");
        assertEquals(
                new ImageSizes.Size(480, 320),
                runtime.renditions().size(key, "card").orElseThrow(),
                "known before it is made");

        String small = runtime.images().store(jpeg(300, 200), "small.jpg");
        assertSize(300, 200, small, "lead");
        assertEquals(
                new ImageSizes.Size(300, 200),
                runtime.renditions().size(small, "lead").orElseThrow(),
                "never scaled up");
    }

    @Test
    void cropsKeepTheFocalPointAnEditorChose() throws Exception {
        // A wide picture: its left quarter red, the rest blue. A centred 1200x630 crop is all blue.
        BufferedImage wide = new BufferedImage(1200, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = wide.createGraphics();
        g.setColor(Color.BLUE);
        g.fillRect(0, 0, 1200, 300);
        g.setColor(Color.RED);
        g.fillRect(0, 0, 300, 300);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(wide, "png", out);
        String key = runtime.images().store(out.toByteArray(), "speaker-left.png");
        double centred = redShare(key);
        assertTrue(centred < 0.05, "centred: the red quarter is cut away, red share " + centred);
        assertEquals("", runtime.newsFunctions().imageFocus(key), "no focus classes for the centre");

        runtime.images().describe(key, new ImageAssets.Details("", "", "", 0.1, 0.5), "lan");
        double focused = redShare(key);
        assertTrue(focused > 0.45, "around the focal point on the left: about half red, remade at once: " + focused);
        assertSize(1200, 630, key, "og");
        assertEquals("news-fx-1 news-fy-5", runtime.newsFunctions().imageFocus(key), "crops in the page keep it too");
    }

    /** The share of clearly red pixels in the image's og rendition (the theme's cropped size, 1200x630). */
    private static double redShare(String key) throws Exception {
        BufferedImage thumbnail = ImageIO.read(
                runtime.renditions().rendition(key, "og").orElseThrow().file().toFile());
        int red = 0;
        for (int x = 0; x < thumbnail.getWidth(); x++) {
            for (int y = 0; y < thumbnail.getHeight(); y++) {
                Color c = new Color(thumbnail.getRGB(x, y));
                if (c.getRed() > 200 && c.getBlue() < 60) {
                    red++;
                }
            }
        }
        return (double) red / (thumbnail.getWidth() * thumbnail.getHeight());
    }

    @Test
    void aPhotoTakenSidewaysIsShownUpright() throws Exception {
        String key = runtime.images().store(rotatedJpeg(400, 200), "phone.jpg");
        assertEquals(
                new ImageSizes.Size(160, 320),
                runtime.renditions().size(key, "thumbnail").orElseThrow());
        assertSize(160, 320, key, "thumbnail");
    }

    @Test
    void webpIsReadThroughTwelveMonkeys() throws Exception {
        byte[] webp = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");
        String key = runtime.images().store(webp, "tiny.webp");
        assertSize(1, 1, key, "card");
    }

    @Test
    void aRenditionIsMadeOnceAndRemadeWhenTheImageChanges() throws Exception {
        String key = runtime.images().store(jpeg(1000, 500), "change.jpg");
        Path first = runtime.renditions().rendition(key, "card").orElseThrow().file();
        var made = Files.getLastModifiedTime(first);
        assertEquals(
                first,
                runtime.renditions().rendition(key, "card").orElseThrow().file(),
                "the second request reads the file");
        assertEquals(made, Files.getLastModifiedTime(first));

        // The asset's binary replaced in place (as Magnolia's DAM may): a new upload time, a new rendition.
        replaceBytes(runtime.repository(), key, jpeg(1000, 1000));
        Path second = runtime.renditions().rendition(key, "card").orElseThrow().file();
        assertNotEquals(first, second);
        assertFalse(Files.exists(first), "the old one is gone");
        assertEquals(480, ImageIO.read(second.toFile()).getHeight(), "made from the new image");
    }

    @Test
    void renditionsAreServedForAYearAndUnknownOnesAre404() throws Exception {
        String key = runtime.images().store(jpeg(800, 600), "served.jpg");
        HttpResponse<byte[]> card = get("/.imaging/mte/news/card/dam/" + key + "/served.jpg");
        assertEquals(200, card.statusCode());
        assertEquals("image/jpeg", card.headers().firstValue("Content-Type").orElse(""));
        assertEquals(
                "public, max-age=31536000, immutable",
                card.headers().firstValue("Cache-Control").orElse(""));
        assertEquals(480, ImageIO.read(new ByteArrayInputStream(card.body())).getWidth());
        assertEquals(
                404, get("/.imaging/mte/news/huge/dam/" + key + "/served.jpg").statusCode());
        assertEquals(
                404,
                get("/.imaging/mte/news/card/dam/jcr:00000000-0000-0000-0000-000000000000/x.jpg")
                        .statusCode());
        assertEquals(
                404, get("/.imaging/mte/other/card/dam/" + key + "/served.jpg").statusCode());
    }

    @Test
    void theArticlePageUsesTheRenditionsWithTheirSizes() throws Exception {
        String key = runtime.images().store(jpeg(6000, 4000), "lead.jpg");
        ArticleDraft d = draft("Bài có ảnh lớn", hanoi(2026, 2, 2, 8, 0));
        d.setImage(key);
        d.setImageAlt("Ảnh toàn cảnh");
        d.setImageCaption("Toàn cảnh hội nghị sáng 2/2");
        d.setImageCredit("Minh Anh");
        d.setFeatured(true);
        d.setFeaturedRank(1L);
        Article article = runtime.articles().create(d, "t");
        Document page =
                Jsoup.parse(new String(get("/news" + article.path() + ".html").body(), StandardCharsets.UTF_8));
        Element img = page.selectFirst("img.news-article__image");
        assertTrue(
                URLDecoder.decode(img.attr("src"), StandardCharsets.UTF_8)
                        .contains("/.imaging/mte/news/lead/dam/" + key),
                img.attr("src"));
        assertEquals("960", img.attr("width"));
        assertEquals("640", img.attr("height"));
        assertFalse(img.hasAttr("loading"), "the lead image is above the fold: not lazy");
        assertTrue(img.attr("srcset").contains("/card/") && img.attr("srcset").contains("480w"), img.attr("srcset"));
        String og = page.selectFirst("meta[property=og:image]").attr("content");
        assertTrue(og.startsWith(server.baseUrl()) && og.contains("/.imaging/mte/news/og/"), og);
        assertEquals("1200", page.selectFirst("meta[property=og:image:width]").attr("content"));
        assertEquals(
                "Toàn cảnh hội nghị sáng 2/2 Ảnh: Minh Anh",
                page.selectFirst("figcaption.news-article__caption").text());
        String ld = page.selectFirst("script[type=application/ld+json]").data();
        assertTrue(
                ld.contains("\"image\":{\"@type\":\"ImageObject\",\"url\":\"" + og
                        + "\",\"caption\":\"Toàn cảnh hội nghị sáng 2/2\"," + "\"creditText\":\"Minh Anh\"}"),
                ld);

        Document home = Jsoup.parse(new String(get("/").body(), StandardCharsets.UTF_8));
        Element lead = home.selectFirst(".news-featured__item--lead img.news-featured__image");
        assertTrue(lead.attr("src").contains("/card/"), lead.attr("src"));
        assertEquals("480", lead.attr("width"));
    }

    private static void assertSize(int width, int height, String key, String rendition) throws Exception {
        BufferedImage made = ImageIO.read(runtime.renditions()
                .rendition(key, rendition)
                .orElseThrow()
                .file()
                .toFile());
        assertEquals(width + "x" + height, made.getWidth() + "x" + made.getHeight(), rendition);
    }

    private static HttpResponse<byte[]> get(String path) throws Exception {
        return site.getBytes(path);
    }
}
