package io.newsroom.news.definitions;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The mappings read from the module's folder and from the classpath (the standalone jar) are the same. */
class VirtualUriMappingsTest {

    @Test
    void theClasspathKnowsEveryMappingFileOfTheFolder() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("light-modules", "news", "virtualUriMappings"))) {
            assertEquals(
                    files.map(f -> "virtualUriMappings/" + f.getFileName())
                            .sorted()
                            .toList(),
                    VirtualUriMappings.KNOWN_FILES.stream().sorted().toList());
        }
    }

    @Test
    void articlesAndCategoriesAreMappedFromTheClasspathAsFromTheFolder() throws Exception {
        for (LightModule module : List.of(LightModule.classpath(), LightModule.at(Path.of("light-modules", "news")))) {
            VirtualUriMappings mappings = VirtualUriMappings.load(module);
            assertEquals(
                    Optional.of("/news/article.html?article=/2020/10/x"),
                    mappings.map("/news/2020/10/x.html"),
                    module.origin());
            assertEquals(
                    Optional.of("/news/category.html?category=thong-bao"),
                    mappings.map("/news/thong-bao"),
                    module.origin());
            assertEquals(Optional.empty(), mappings.map("/news/search"), "the section's own pages stay theirs");
        }
    }
}
