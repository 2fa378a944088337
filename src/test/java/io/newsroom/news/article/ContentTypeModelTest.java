package io.newsroom.news.article;

import static org.junit.jupiter.api.Assertions.*;

import io.newsroom.news.definitions.ContentTypeDefinition;
import io.newsroom.news.definitions.ContentTypeProperty;
import io.newsroom.news.definitions.ContentTypeReader;
import io.newsroom.news.definitions.PropertyType;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The light module's content type YAML is the source of truth; the Java model must agree. */
class ContentTypeModelTest {

    static ContentTypeDefinition articleYaml() throws Exception {
        try (InputStream in = Files.newInputStream(Path.of("light-modules/news/contentTypes/article.yaml"))) {
            return ContentTypeReader.read("article", in);
        }
    }

    @Test
    void javaModelAndYamlNameTheSamePropertiesWithTheSameTypes() throws Exception {
        ContentTypeDefinition yaml = articleYaml();
        Map<String, String> fromYaml = yaml.properties().stream()
                .collect(Collectors.toMap(
                        ContentTypeProperty::name,
                        p -> p.type() + (p.required() ? " required" : ""),
                        (a, b) -> a,
                        TreeMap::new));
        Map<String, String> fromJava = Arrays.stream(ArticleField.values())
                .collect(Collectors.toMap(
                        ArticleField::propertyName,
                        f -> f.type() + (f.required() ? " required" : ""),
                        (a, b) -> a,
                        TreeMap::new));
        assertEquals(fromYaml, fromJava);
        assertTrue(yaml.properties().stream().noneMatch(ContentTypeProperty::multiple));
    }

    @Test
    void storageIsWhatTheIssueAsksFor() throws Exception {
        ContentTypeDefinition yaml = articleYaml();
        assertEquals("news", yaml.workspace());
        assertEquals("news:article", yaml.nodeType());
        assertTrue(yaml.autoCreate());
        assertTrue(yaml.namespaces().containsKey("news"));
        assertEquals("news", yaml.nodeTypePrefix());
    }

    @Test
    void draftAndArticleCarryEveryModelProperty() {
        for (ArticleField field : ArticleField.values()) {
            String getter = (field.type() == PropertyType.BOOLEAN ? "is" : "get")
                    + Character.toUpperCase(field.propertyName().charAt(0))
                    + field.propertyName().substring(1);
            assertDoesNotThrow(() -> ArticleDraft.class.getMethod(getter), "ArticleDraft." + getter);
            assertDoesNotThrow(() -> Article.class.getMethod(field.propertyName()), "Article." + field.propertyName());
        }
    }

    @Test
    void badYamlIsRefusedWithItsFileAndKeyNamed() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> ContentTypeReader.read(
                        "broken",
                        new ByteArrayInputStream("datasource: {workspace: news}\nmodel: {properties: []}".getBytes())));
        assertTrue(e.getMessage().contains("broken") && e.getMessage().contains("model.nodeType"), e.getMessage());
        IllegalArgumentException type = assertThrows(
                IllegalArgumentException.class,
                () -> ContentTypeReader.read(
                        "t",
                        new ByteArrayInputStream(("datasource: {workspace: news}\nmodel: {nodeType: a:b, properties: "
                                        + "[{name: x, type: Colour}]}")
                                .getBytes())));
        assertTrue(type.getMessage().contains("Colour"), type.getMessage());
    }
}
