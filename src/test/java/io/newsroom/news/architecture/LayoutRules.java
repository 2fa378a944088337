package io.newsroom.news.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;

/**
 * The layout's rules, as the README's "Layout" section states them. {@code LayoutTest} holds the
 * module's classes to them and shows each can fail on a class that breaks it.
 */
final class LayoutRules {
    /** The host-free core: everything both hosts run. */
    static final String[] CORE = {
        "io.newsroom.news", "io.newsroom.news.article..", "io.newsroom.news.publishing..",
        "io.newsroom.news.featured..", "io.newsroom.news.views..", "io.newsroom.news.assets..",
        "io.newsroom.news.definitions..", "io.newsroom.news.pages..", "io.newsroom.news.delivery..",
        "io.newsroom.news.templating.."
    };

    /** What only the embedded host may use: its packages and the libraries only it ships. */
    static final String[] EMBEDDED_ONLY = {
        "io.newsroom.news.embedded..",
        "org.eclipse.jetty..",
        "com.vaadin.flow..",
        "org.apache.derby..",
        "org.apache.jackrabbit.core..",
        "freemarker..",
        "net.coobird..",
        "org.postgresql..",
        "at.favre..",
        "ch.qos.logback.."
    };

    /** The core imports neither host nor anything only the embedded runtime ships. */
    static final ArchRule CORE_IMPORTS_NO_HOST = noClasses()
            .that()
            .resideInAnyPackage(CORE)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(concat(EMBEDDED_ONLY, "io.newsroom.news.magnolia..", "com.vaadin.."))
            .because(
                    "the core runs in both hosts: Magnolia has none of the embedded runtime and the embedded runtime no Magnolia");

    /** The Magnolia host uses the core only, never the embedded host (its jar does not have it). */
    static final ArchRule MAGNOLIA_IMPORTS_ONLY_THE_CORE = noClasses()
            .that()
            .resideInAPackage("io.newsroom.news.magnolia..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(EMBEDDED_ONLY)
            .because(
                    "the Magnolia module jar holds the core and the magnolia package, nothing of the embedded runtime");

    /** No two packages import each other, directly or round about. */
    static final ArchRule NO_PACKAGE_CYCLES =
            slices().matching("io.newsroom.news.(**)").should().beFreeOfCycles();

    /**
     * Servlets and admin views hold no domain rule: they never write content themselves (a JCR node's
     * property, a new or removed node, a save), but call the core, where every host's saves obey the
     * same rules.
     */
    static final ArchRule WEB_LAYER_WRITES_NO_CONTENT = noClasses()
            .that()
            .areAssignableTo("jakarta.servlet.http.HttpServlet")
            .or()
            .areAssignableTo("com.vaadin.flow.component.Component")
            .should()
            .callMethodWhere(writesContent())
            .because("a rule that lives in a servlet or a view is skipped by every other way of saving");

    private static final Set<String> NODE_WRITES =
            Set.of("setProperty", "addNode", "remove", "orderBefore", "addMixin");
    private static final Set<String> SESSION_WRITES = Set.of("save", "move", "removeItem", "importXML");

    private LayoutRules() {}

    private static DescribedPredicate<JavaMethodCall> writesContent() {
        return DescribedPredicate.describe(
                "a JCR write (Node.setProperty/addNode/remove, Session.save/move...)", call -> {
                    String owner = call.getTargetOwner().getName();
                    String name = call.getName();
                    return (owner.equals("javax.jcr.Node") && NODE_WRITES.contains(name))
                            || (owner.equals("javax.jcr.Session") && SESSION_WRITES.contains(name));
                });
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
