package io.newsroom.news.article;

import static io.newsroom.news.TestArticles.hanoi;
import static io.newsroom.news.TestArticles.unpublished;
import static io.newsroom.news.assets.ImageAssetsTest.image;
import static org.junit.jupiter.api.Assertions.*;

import io.newsroom.news.MutableClock;
import io.newsroom.news.assets.ImageAssets;
import io.newsroom.news.definitions.LightModule;
import io.newsroom.news.embedded.server.NewsRuntime;
import io.newsroom.news.embedded.server.RuntimeConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Images uploaded into an article that was never saved go after a day; used ones never do. */
class UnusedImagesTest {

    @Test
    void onlyOldImagesNothingUsesAreRemoved() throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        try (NewsRuntime runtime = NewsRuntime.start(RuntimeConfig.forTests(), LightModule.locate(), clock)) {
            ImageAssets images = runtime.images();
            String lead = images.store(image("png"), "lead.png");
            String inBody = images.store(image("png"), "body.png");
            String onlyInAVersion = images.store(image("png"), "old.png");
            String abandoned = images.store(image("png"), "abandoned.png");

            ArticleDraft d = unpublished("Bài có ảnh", hanoi(2026, 5, 1, 8, 0));
            d.setImage(onlyInAVersion);
            d.setImageAlt("Ảnh cũ");
            d.setBody("<p>Ảnh trong bài: <img src=\"/dam/" + inBody + "/body.png\" alt=\"x\"></p>");
            Article article = runtime.articles().create(d, "nam");
            runtime.publishing().publish(article.id(), "nam");
            ArticleDraft later =
                    runtime.articles().findById(article.id()).orElseThrow().toDraft();
            later.setImage(lead);
            runtime.articles()
                    .update(
                            article.id(),
                            runtime.articles()
                                    .findById(article.id())
                                    .orElseThrow()
                                    .version(),
                            later,
                            "nam");

            Path abandonedRendition = runtime.renditions()
                    .rendition(abandoned, "card")
                    .orElseThrow()
                    .file();
            assertEquals(0, runtime.removeUnusedImages(clock), "nothing is removed within its first day");
            clock.advance(Duration.ofDays(1).plusMinutes(1));
            String fresh = images.store(image("png"), "fresh.png");
            assertEquals(1, runtime.removeUnusedImages(clock));

            assertTrue(images.read(abandoned).isEmpty(), "the image of an article never saved is gone");
            assertFalse(Files.exists(abandonedRendition), "and its renditions with it");
            for (String kept : new String[] {lead, inBody, onlyInAVersion, fresh}) {
                assertTrue(images.read(kept).isPresent(), kept);
            }
        }
    }
}
