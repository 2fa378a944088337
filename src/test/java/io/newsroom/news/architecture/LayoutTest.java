package io.newsroom.news.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.newsroom.news.article.CoreImportingAHostFixture;
import io.newsroom.news.embedded.server.ServletWritingContentFixture;
import io.newsroom.news.featured.CycleHalfFixture;
import io.newsroom.news.magnolia.MagnoliaImportingTheEmbeddedHostFixture;
import io.newsroom.news.views.CycleOtherHalfFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layout's rules ({@link LayoutRules}) hold for the module's own classes, and each one fails on
 * a class written to break it (the {@code *Fixture} classes of the test sources), so none of them
 * passes by matching nothing.
 */
class LayoutTest {
    private static JavaClasses module;

    @BeforeAll
    static void importModule() {
        module = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.newsroom.news");
        assertTrue(module.size() > 200, "the module's classes were found: " + module.size());
    }

    @Test
    void theCoreImportsNoHost() {
        LayoutRules.CORE_IMPORTS_NO_HOST.check(module);
        assertFails(LayoutRules.CORE_IMPORTS_NO_HOST, CoreImportingAHostFixture.class);
    }

    @Test
    void theMagnoliaHostImportsOnlyTheCore() {
        LayoutRules.MAGNOLIA_IMPORTS_ONLY_THE_CORE.check(module);
        assertFails(LayoutRules.MAGNOLIA_IMPORTS_ONLY_THE_CORE, MagnoliaImportingTheEmbeddedHostFixture.class);
    }

    @Test
    void noPackageCycles() {
        LayoutRules.NO_PACKAGE_CYCLES.check(module);
        assertFails(LayoutRules.NO_PACKAGE_CYCLES, CycleHalfFixture.class, CycleOtherHalfFixture.class);
    }

    @Test
    void servletsAndViewsWriteNoContentThemselves() {
        LayoutRules.WEB_LAYER_WRITES_NO_CONTENT.check(module);
        assertFails(LayoutRules.WEB_LAYER_WRITES_NO_CONTENT, ServletWritingContentFixture.class);
    }

    private static void assertFails(ArchRule rule, Class<?>... breaking) {
        JavaClasses classes = new ClassFileImporter().importClasses(breaking);
        assertTrue(rule.evaluate(classes).hasViolation(), "the rule catches " + classes + ": " + rule.getDescription());
    }
}
