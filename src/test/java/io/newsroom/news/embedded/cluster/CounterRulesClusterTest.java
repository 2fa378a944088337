package io.newsroom.news.embedded.cluster;

import static org.junit.jupiter.api.Assertions.*;

import io.newsroom.news.embedded.repository.EmbeddedRepository;
import io.newsroom.news.views.StatsStore;
import io.newsroom.news.views.ViewSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two rules of counting into JCR from several cluster nodes, each shown twice on two nodes of
 * one PostgreSQL database: written the wrong way, a view is silently lost; written the way
 * {@link StatsStore} writes, both nodes' views are kept. The nodes read each other's changes only
 * when they save or refresh (no background sync), so "B has not seen A's write yet" is a fact the
 * tests check, not a race they hope for.
 */
class CounterRulesClusterTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static ClusterDatabase database;
    private static EmbeddedRepository a;
    private static EmbeddedRepository b;
    private static StatsStore storeA;
    private static StatsStore storeB;

    @TempDir
    static Path folders;

    @BeforeAll
    static void start() throws Exception {
        database = ClusterDatabase.create();
        a = EmbeddedRepository.cluster(folders.resolve("a"), database.settings("rules-a"), Duration.ofHours(1));
        a.ensureWorkspace(ViewSettings.WORKSPACE, "stats-workspace");
        storeA = new StatsStore(a.sessions(), ZONE, Clock.systemUTC(), 90);
        storeA.initialize();
        b = EmbeddedRepository.cluster(folders.resolve("b"), database.settings("rules-b"), Duration.ofHours(1));
        b.ensureWorkspace(ViewSettings.WORKSPACE, "stats-workspace");
        storeB = new StatsStore(b.sessions(), ZONE, Clock.systemUTC(), 90);
        storeB.initialize();
    }

    @AfterAll
    static void stop() throws Exception {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
        if (database != null) {
            database.close();
        }
    }

    /** Rule 1 broken: under a parent that allows same-name siblings, both nodes create "the" counter. */
    @Test
    void countersUnderAParentWithSameNameSiblingsLoseAView() throws Exception {
        String parent = "/sns-" + UUID.randomUUID();
        withSession(a, s -> s.getRootNode().addNode(parent.substring(1), "nt:unstructured"));
        sync(b);
        Session late = b.login(ViewSettings.WORKSPACE);
        try {
            Node parentOnB = late.getNode(parent);
            withSession(
                    a, s -> s.getNode(parent).addNode("a17", "nt:unstructured").setProperty("total", 1L));
            assertFalse(late.nodeExists(parent + "/a17"), "B has not seen A's counter yet");
            parentOnB.addNode("a17", "nt:unstructured").setProperty("total", 1L);
            late.save(); // no conflict reported
        } finally {
            late.logout();
        }
        sync(a);
        a.sessions().run(ViewSettings.WORKSPACE, reader -> {
            assertEquals(2, reader.getNode(parent).getNodes("a17").getSize(), "two counters a17 and a17[2]");
            assertEquals(
                    1,
                    reader.getNode(parent + "/a17").getProperty("total").getLong(),
                    "a reader by name sees one view of the two written");
            return null;
        });
    }

    /** Rule 1 kept: the store's folders allow no same-name siblings, so B's creation conflicts and is redone. */
    @Test
    void theStoreCreatesACounterOnceWhenBothNodesCountItsFirstView() throws Exception {
        String id = UUID.randomUUID().toString();
        int today = (int) LocalDate.now(ZONE).toEpochDay();
        storeA.add(List.of(new StatsStore.Delta(id, Map.of(today, 1L))), "rules-a", 1);
        assertFalse(sees(b, "/views/" + id.substring(0, 2) + "/" + id), "B has not seen A's counter yet");
        storeB.add(List.of(new StatsStore.Delta(id, Map.of(today, 1L))), "rules-b", 1);
        sync(a);
        for (StatsStore store : List.of(storeA, storeB)) {
            assertEquals(2, store.total(id), "both views kept");
            assertEquals(2L, store.days(id).get(LocalDate.ofEpochDay(today)));
        }
        a.sessions().run(ViewSettings.WORKSPACE, reader -> {
            assertEquals(
                    1,
                    reader.getNode("/views/" + id.substring(0, 2)).getNodes(id).getSize(),
                    "one counter");
            return null;
        });
    }

    /** Rule 2 broken: both nodes add the same new property to an existing counter and change nothing else. */
    @Test
    void aNewPropertyAddedOnBothNodesKeepsOnlyTheLastWrite() throws Exception {
        String counter = "/prop-" + UUID.randomUUID();
        withSession(
                a,
                s -> s.getRootNode()
                        .addNode(counter.substring(1), "nt:unstructured")
                        .setProperty("total", 1L));
        sync(b);
        Session late = b.login(ViewSettings.WORKSPACE);
        try {
            Node onB = late.getNode(counter);
            withSession(a, s -> s.getNode(counter).setProperty("d20261127", 1L));
            assertFalse(onB.hasProperty("d20261127"), "B has not seen A's new day yet");
            onB.setProperty("d20261127", 1L);
            late.save(); // no conflict reported
        } finally {
            late.logout();
        }
        sync(a);
        a.sessions().run(ViewSettings.WORKSPACE, reader -> {
            assertEquals(
                    1,
                    reader.getNode(counter).getProperty("d20261127").getLong(),
                    "one of the two views written is left");
            return null;
        });
    }

    /** Rule 2 kept: every flush also changes the existing total, so B's new day conflicts and is redone. */
    @Test
    void theStoreKeepsANewDayCountedOnBothNodes() throws Exception {
        String id = UUID.randomUUID().toString();
        int yesterday = (int) LocalDate.now(ZONE).minusDays(1).toEpochDay();
        int today = yesterday + 1;
        storeA.add(List.of(new StatsStore.Delta(id, Map.of(yesterday, 1L))), "rules-a", 2);
        sync(b);
        assertEquals(1, storeB.total(id), "B knows the counter");
        storeA.add(List.of(new StatsStore.Delta(id, Map.of(today, 1L))), "rules-a", 3);
        assertFalse(storeB.days(id).containsKey(LocalDate.ofEpochDay(today)), "B has not seen A's new day yet");
        storeB.add(List.of(new StatsStore.Delta(id, Map.of(today, 1L))), "rules-b", 2);
        sync(a);
        for (StatsStore store : List.of(storeA, storeB)) {
            assertEquals(3, store.total(id));
            assertEquals(Map.of(LocalDate.ofEpochDay(yesterday), 1L, LocalDate.ofEpochDay(today), 2L), store.days(id));
        }
    }

    private interface Change {
        void apply(Session session) throws RepositoryException;
    }

    private static void withSession(EmbeddedRepository node, Change change) throws RepositoryException {
        node.sessions().run(ViewSettings.WORKSPACE, session -> {
            change.apply(session);
            session.save();
            return null;
        });
    }

    /** A refresh makes the node read the journal now (Jackrabbit syncs a cluster node on refresh). */
    private static void sync(EmbeddedRepository node) throws RepositoryException {
        node.sessions().run(ViewSettings.WORKSPACE, session -> {
            session.refresh(false);
            return null;
        });
    }

    private static boolean sees(EmbeddedRepository node, String path) throws RepositoryException {
        return node.sessions().run(ViewSettings.WORKSPACE, session -> session.nodeExists(path));
    }
}
