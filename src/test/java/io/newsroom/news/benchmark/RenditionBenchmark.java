package io.newsroom.news.benchmark;

import io.newsroom.news.article.ArticleDraft;
import io.newsroom.news.embedded.server.DemoContentAccess;
import io.newsroom.news.embedded.server.NewsRuntime;
import io.newsroom.news.embedded.server.RuntimeConfig;
import io.newsroom.news.embedded.server.SiteServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * What renditions save a reader: the home page with five featured articles, each with a 24-megapixel
 * photo (6000x4000 JPEG), as bytes of the images the page asks for against the originals it linked
 * before; and the time to make a rendition of such a photo (first request) against serving it again.
 * Run by hand (see README).
 */
public final class RenditionBenchmark {

    public static void main(String[] args) throws Exception {
        try (NewsRuntime runtime = NewsRuntime.start(RuntimeConfig.forTests())) {
            DemoContentAccess.createPages(runtime);
            byte[] photo = photo();
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                String key = runtime.images().store(photo, "anh-" + i + ".jpg");
                keys.add(key);
                ArticleDraft d = new ArticleDraft();
                d.setTitle("Bài có ảnh lớn " + i);
                d.setPostedDate(Instant.now().minus(Duration.ofHours(i + 1)));
                d.setPublishOnCreate(true);
                d.setFeatured(true);
                d.setFeaturedRank(i + 1L);
                d.setImage(key);
                d.setImageAlt("Ảnh " + i);
                runtime.articles().create(d, "bench");
            }
            long first = System.nanoTime();
            runtime.renditions().rendition(keys.get(0), "lead");
            double firstMs = (System.nanoTime() - first) / 1e6;
            Timings cached = Timings.measure(20, 200, () -> runtime.renditions().rendition(keys.get(0), "lead"));

            try (SiteServer server = SiteServer.start(runtime, 0)) {
                HttpClient http = HttpClient.newHttpClient();
                String home = http.send(
                                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
                long after = 0;
                int images = 0;
                for (Element img : Jsoup.parse(home).select("img")) {
                    after += http.send(
                                    HttpRequest.newBuilder(URI.create(server.baseUrl() + img.attr("src")))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofByteArray())
                            .body()
                            .length;
                    images++;
                }
                long before = (long) images * photo.length;
                System.out.printf(Locale.ROOT, "original photo: 6000x4000 JPEG, %,d bytes%n", photo.length);
                System.out.printf(
                        Locale.ROOT,
                        "home page images (%d): %,d bytes with renditions, %,d bytes with the originals"
                                + " (%.1fx less)%n",
                        images,
                        after,
                        before,
                        (double) before / after);
            }
            System.out.printf(
                    Locale.ROOT,
                    "lead rendition of the photo: first request %.0f ms (made), then p50 %.2f ms "
                            + "(file read; %.0fx faster)%n",
                    firstMs,
                    cached.p50(),
                    firstMs / cached.p50());
        }
    }

    /** A 6000x4000 JPEG with some detail (a flat image would compress to nothing). */
    private static byte[] photo() throws Exception {
        BufferedImage image = new BufferedImage(6000, 4000, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        for (int y = 0; y < 4000; y += 4) {
            for (int x = 0; x < 6000; x += 4) {
                int rgb = (x * 255 / 6000) << 16 | (y * 255 / 4000) << 8 | random.nextInt(256);
                for (int dy = 0; dy < 4; dy++) {
                    for (int dx = 0; dx < 4; dx++) {
                        image.setRGB(x + dx, y + dy, rgb);
                    }
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    private RenditionBenchmark() {}
}
