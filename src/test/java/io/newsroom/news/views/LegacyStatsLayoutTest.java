package io.newsroom.news.views;

import static org.junit.jupiter.api.Assertions.*;

import io.newsroom.news.embedded.server.NewsRuntime;
import io.newsroom.news.embedded.server.RuntimeConfig;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import javax.jcr.Node;
import javax.jcr.Session;
import org.apache.jackrabbit.core.nodetype.NodeTypeManagerImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Counters stored by 0.1 (own node types in the news namespace) move to the stock-type layout on the
 * first start of this version, keeping every total, day bucket and journal mark.
 */
class LegacyStatsLayoutTest {
    private static final String ARTICLE = "6f1c2a3b-1111-2222-3333-444455556666";
    private NewsRuntime runtime;

    @BeforeEach
    void start() throws Exception {
        runtime = NewsRuntime.start(RuntimeConfig.forTests());
    }

    @AfterEach
    void stop() {
        runtime.close();
    }

    /** 0.1's news-stats node types, as its repositories have them registered. */
    private void registerLegacyNodeTypes() throws Exception {
        Session session = runtime.repository().login(ViewSettings.WORKSPACE);
        try (InputStream xml = getClass().getResourceAsStream("/legacy/news-stats-nodetypes-0.1.xml")) {
            ((NodeTypeManagerImpl) session.getWorkspace().getNodeTypeManager())
                    .registerNodeTypes(xml, NodeTypeManagerImpl.TEXT_XML, true);
        } finally {
            session.logout();
        }
    }

    @Test
    void countersOfTheOldLayoutKeepTheirTotalsDaysAndMarks() throws Exception {
        registerLegacyNodeTypes();
        String today = StatsStore.dayProperty(
                (int) LocalDate.now(RuntimeConfig.DEFAULT_ZONE).toEpochDay());
        Session session = runtime.repository().login(ViewSettings.WORKSPACE);
        try {
            session.getNode("/views").remove();
            session.getNode("/journals").remove();
            Node views = session.getRootNode().addNode("views", "news:viewFolder");
            Node counter =
                    views.addNode(ARTICLE.substring(0, 2), "news:viewFolder").addNode(ARTICLE, "news:viewCounter");
            counter.setProperty("articleId", ARTICLE);
            counter.setProperty("total", 64L);
            counter.setProperty(today, 5L);
            counter.setProperty("lastViewed", Calendar.getInstance());
            Node mark =
                    session.getRootNode().addNode("journals", "news:viewFolder").addNode("i-old", "news:journalMark");
            mark.setProperty("position", 1234L);
            session.save();
        } finally {
            session.logout();
        }

        StatsStore store =
                new StatsStore(runtime.repository().sessions(), RuntimeConfig.DEFAULT_ZONE, Clock.systemUTC(), 90);
        store.initialize();

        assertEquals(64L, store.total(ARTICLE));
        assertEquals(Map.of(LocalDate.now(RuntimeConfig.DEFAULT_ZONE), 5L), store.days(ARTICLE));
        assertEquals(1234L, store.journalPosition("i-old"));
        session = runtime.repository().login(ViewSettings.WORKSPACE);
        try {
            assertEquals(
                    "nt:folder", session.getNode("/views").getPrimaryNodeType().getName());
            assertEquals(
                    "mgnl:contentNode",
                    session.getNode(StatsStore.counterPath(ARTICLE))
                            .getPrimaryNodeType()
                            .getName());
            assertFalse(session.nodeExists("/views-upgraded"));
        } finally {
            session.logout();
        }
        store.add(
                List.of(new StatsStore.Delta(
                        ARTICLE,
                        Map.of((int) LocalDate.now(RuntimeConfig.DEFAULT_ZONE).toEpochDay(), 1L))),
                "i-old",
                1300L);
        assertEquals(65L, store.total(ARTICLE), "counting goes on where it was");
    }
}
