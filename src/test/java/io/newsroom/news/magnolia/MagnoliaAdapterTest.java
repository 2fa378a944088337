package io.newsroom.news.magnolia;

import static io.newsroom.news.TestArticles.draft;
import static org.junit.jupiter.api.Assertions.*;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import javax.jcr.Node;
import javax.jcr.Session;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import info.magnolia.context.MgnlContext;
import io.newsroom.news.article.Article;
import io.newsroom.news.site.NewsRuntime;
import io.newsroom.news.site.RuntimeConfig;
import io.newsroom.news.templating.NewsFunctions;
import io.newsroom.news.views.ViewCounter;

/**
 * The Magnolia adapter against a test-only class of the same shape as Magnolia's MgnlContext
 * (src/test/java/info/magnolia/context), backed by a real embedded Jackrabbit: the reflective calls
 * match, sessions come from the system context, and the module's Magnolia classes work through it.
 */
class MagnoliaAdapterTest {
    @TempDir
    Path journal;
    private NewsRuntime runtime;

    @BeforeEach
    void start() throws Exception {
        runtime = NewsRuntime.start(RuntimeConfig.forTests());
        MgnlContext.useRepository(runtime.repository().jcrRepository());
        System.setProperty("newsroom.news.views.journal", journal.toString());
    }

    @AfterEach
    void stop() {
        MagnoliaNews.shutdown();
        System.clearProperty("newsroom.news.views.journal");
        runtime.close();
    }

    @Test
    void systemSessionsComeThroughMgnlContextsSystemContext() throws Exception {
        assertThrows(IllegalStateException.class, () -> MgnlContext.getJCRSession("news"),
                "the test double refuses sessions outside the system context, as the adapter must not need them");
        Session session = MagnoliaContext.find().systemSession("news");
        try {
            assertEquals("news", session.getWorkspace().getName());
        } finally {
            session.logout();
        }
    }

    @Test
    void withoutMagnoliaTheAdapterSaysSoClearly() throws Exception {
        URL ownClasses = MagnoliaContext.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader withoutMagnolia = new URLClassLoader(new URL[] {ownClasses}, ClassLoader.getPlatformClassLoader())) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> MagnoliaContext.find(withoutMagnolia));
            assertTrue(e.getMessage().contains("Magnolia is not on the classpath"), e.getMessage());
            assertTrue(e.getMessage().contains("info.magnolia.context.MgnlContext"), e.getMessage());
        }
    }

    @Test
    void theModulesMagnoliaClassesWorkThroughTheAdapter() throws Exception {
        Article article = runtime.articles().create(draft("Tin trong Magnolia", Instant.now().minusSeconds(60)), "editor");
        NewsFunctions newsfn = new MagnoliaNewsFunctions();
        assertEquals("Tin trong Magnolia", newsfn.latest(5).get(0).getTitle());
        assertEquals(1, newsfn.featuredBlock(Map.of(), null).getItems().size());

        ViewCounter counter = MagnoliaNews.get().counter();
        counter.record(article.id(), Instant.now());
        Session session = MagnoliaContext.find().systemSession("news");
        try {
            Node node = session.getNodeByIdentifier(article.id());
            assertEquals(1L, new ViewCountColumn().apply(node), "the app's Views column");
            assertNull(new ViewCountColumn().apply(node.getParent()), "folders have no count");
        } finally {
            session.logout();
        }

        MagnoliaViewBeaconServlet servlet = new MagnoliaViewBeaconServlet();
        servlet.init();
        servlet.destroy();
        assertEquals(1L, MagnoliaNews.get().counter().views(article.id()), "saved at destroy, read back after a restart");
    }
}
