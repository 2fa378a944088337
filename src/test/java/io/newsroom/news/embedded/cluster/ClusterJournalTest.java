package io.newsroom.news.embedded.cluster;

import static io.newsroom.news.Eventually.await;
import static io.newsroom.news.TestArticles.draft;
import static org.junit.jupiter.api.Assertions.*;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.newsroom.news.article.Article;
import io.newsroom.news.article.ArticleDraft;
import io.newsroom.news.article.ArticleQuery;
import io.newsroom.news.embedded.server.NewsRuntime;
import io.newsroom.news.embedded.server.RuntimeConfig;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.jcr.RepositoryException;
import org.apache.jackrabbit.core.RepositoryContext;
import org.apache.jackrabbit.core.RepositoryImpl;
import org.apache.jackrabbit.core.journal.DatabaseJournal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The cluster journal is trimmed by Jackrabbit's janitor, and nothing needs what it removed: a node
 * joining afterwards has every article, namespace, node type and workspace from the database, and a
 * known node restarted afterwards resumes. No node logs an error on the way.
 */
class ClusterJournalTest {
    @TempDir
    Path folders;

    @Test
    void theJanitorTrimsTheJournalAndNodesJoiningOrReturningAfterwardsMissNothing() throws Exception {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        log.start();
        root.addAppender(log);
        List<NewsRuntime> running = new ArrayList<>();
        try (ClusterDatabase database = ClusterDatabase.create()) {
            try {
                NewsRuntime a = node(database, "a", running);
                NewsRuntime b = node(database, "b", running);
                ArticleDraft featured =
                        draft("Tin nổi bật trước khi dọn nhật ký", Instant.now().minusSeconds(60));
                featured.setFeatured(true);
                featured.setFeaturedRank(1L);
                Article first = a.articles().create(featured, "nam");
                Article second = a.articles()
                        .create(
                                draft(
                                        "Hiến máu nhân đạo ở phường",
                                        Instant.now().minusSeconds(60)),
                                "nam");
                await(() -> found(b, second.id()), "B sees A's articles");
                for (int i = 0; i < 20; i++) {
                    a.viewCounter().record(first.id(), Instant.now());
                    b.viewCounter().record(first.id(), Instant.now());
                    a.viewCounter().flush();
                    b.viewCounter().flush();
                }
                ArticleDraft edit =
                        b.articles().findById(second.id()).orElseThrow().toDraft();
                edit.setLead("Sửa trên nút B");
                b.articles()
                        .update(
                                second.id(),
                                b.articles().findById(second.id()).orElseThrow().version(),
                                edit,
                                "lan");
                await(
                        () -> a.viewCounter().views(first.id()) == 40
                                && lead(a, second.id()).equals("Sửa trên nút B"),
                        "A has read everything B wrote");
                await(() -> b.viewCounter().views(first.id()) == 40, "B has read everything A wrote");

                DatabaseJournal journal = journal(a);
                assertTrue(journal.getJanitorEnabled(), "the janitor runs");
                assertEquals(3600, journal.getJanitorSleep(), "every hour");
                long rows = database.number("SELECT count(*) FROM journal_journal");
                long bytes = database.number("SELECT coalesce(sum(length(revision_data)), 0) FROM journal_journal");
                long seenByAll = database.number("SELECT min(revision_id) FROM journal_local_revisions");
                runJanitor(journal);
                long left = database.number("SELECT count(*) FROM journal_journal");
                System.out.printf(
                        "janitor: %d journal rows (%d bytes) before, %d after; every node had read up to %d%n",
                        rows, bytes, left, seenByAll);
                assertEquals(
                        0,
                        database.number("SELECT count(*) FROM journal_journal WHERE revision_id < " + seenByAll),
                        "every record all nodes have read is gone");
                assertTrue(left < rows, "the journal is shorter: " + left + " of " + rows);

                NewsRuntime c = node(database, "c", running);
                assertTrue(
                        found(c, first.id()) && found(c, second.id()),
                        "a node joining after the trim has every article");
                assertTrue(
                        c.newsFunctions().featured(5).stream()
                                .anyMatch(v -> v.getId().equals(first.id())),
                        "and the featured block");
                assertEquals(
                        List.of(second.id()),
                        c.articles().ids(ArticleQuery.newest(10).withFullText("hien mau")),
                        "and a search index built from the database (accents folded)");
                assertEquals(40, c.viewCounter().views(first.id()), "and the views");
                Article fromC = c.articles()
                        .create(draft("Tin viết trên nút mới", Instant.now().minusSeconds(60)), "hoa");
                await(() -> found(a, fromC.id()), "A sees what the new node wrote");

                running.remove(b);
                b.close();
                NewsRuntime again = node(database, "b", running);
                await(() -> found(again, fromC.id()), "a known node restarted after the trim resumes where it stopped");
            } finally {
                for (NewsRuntime node : running) {
                    node.close();
                }
            }
        } finally {
            root.detachAppender(log);
        }
        List<String> errors = log.list.stream()
                .filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR))
                .map(e -> e.getLoggerName() + ": " + e.getFormattedMessage())
                .toList();
        assertEquals(List.of(), errors, "no node logged an error");
    }

    private NewsRuntime node(ClusterDatabase database, String id, List<NewsRuntime> running) throws Exception {
        NewsRuntime node = NewsRuntime.start(RuntimeConfig.forTests()
                .withDataFolder(folders.resolve(id))
                .withCounting(true, 0)
                .withCluster(database.settings(id)));
        running.add(node);
        return node;
    }

    /** The node's Jackrabbit journal, as its cluster configuration made it. */
    private static DatabaseJournal journal(NewsRuntime node) throws ReflectiveOperationException {
        Field context = RepositoryImpl.class.getDeclaredField("context");
        context.setAccessible(true);
        RepositoryContext repository =
                (RepositoryContext) context.get(node.repository().jcrRepository());
        return (DatabaseJournal) repository.getClusterNode().getJournal();
    }

    /** One run of Jackrabbit's own janitor, as its thread runs it every hour. */
    private static void runJanitor(DatabaseJournal journal) throws ReflectiveOperationException {
        DatabaseJournal.RevisionTableJanitor janitor = journal.new RevisionTableJanitor();
        Method cleanUp = DatabaseJournal.RevisionTableJanitor.class.getDeclaredMethod("cleanUpOldRevisions");
        cleanUp.setAccessible(true);
        cleanUp.invoke(janitor);
    }

    private static boolean found(NewsRuntime node, String id) {
        try {
            return node.articles().findById(id).isPresent();
        } catch (RepositoryException e) {
            throw new AssertionError(e);
        }
    }

    private static String lead(NewsRuntime node, String id) {
        try {
            return node.articles().findById(id).map(Article::lead).orElse("");
        } catch (RepositoryException e) {
            throw new AssertionError(e);
        }
    }
}
