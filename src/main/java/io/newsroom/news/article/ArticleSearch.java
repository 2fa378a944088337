package io.newsroom.news.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.query.Query;
import javax.jcr.query.QueryManager;
import javax.jcr.query.QueryResult;
import javax.jcr.query.Row;
import javax.jcr.query.RowIterator;

/**
 * The repository's reading by query: pages of articles with their totals, identifiers, counts, the
 * categories in use, whether an image is used, and an article's former address. Totals and id lists
 * cost a read of every hit in Jackrabbit 2, so they are kept until the workspace changes.
 */
final class ArticleSearch {
    private final JcrSessions sessions;
    private final String workspace;
    private final String nodeType;
    private final ArticleNodes nodes;
    private final ArticleXPath xpath;
    private final WorkspaceCache cache = new WorkspaceCache();
    private final LongAdder articlesRead = new LongAdder();

    ArticleSearch(JcrSessions sessions, String workspace, String nodeType, ArticleNodes nodes) {
        this.sessions = sessions;
        this.workspace = workspace;
        this.nodeType = nodeType;
        this.nodes = nodes;
        this.xpath = new ArticleXPath(nodeType);
    }

    /** Forgets kept totals and id lists: the workspace changed. */
    void invalidate() {
        cache.invalidate();
    }

    /**
     * The article that used to live at {@code path} (its address before a move of a published
     * article), if no article lives there now. Redirects go straight to the current address, however
     * often it moved.
     */
    Optional<Article> findByFormerPath(String path) throws RepositoryException {
        return findByFormerPath(path, ArticleNodes.FORMER_PATHS);
    }

    /** The same for the addresses kept in {@code property} ({@code formerPaths_en}: a translation's). */
    Optional<Article> findByFormerPath(String path, String property) throws RepositoryException {
        if (path == null || !ArticleRepository.READABLE_PATH.matcher(path).matches()) {
            return Optional.empty();
        }
        return sessions.run(workspace, session -> {
            Query query = session.getWorkspace()
                    .getQueryManager()
                    .createQuery(
                            "/jcr:root//element(*, " + nodeType + ")[@" + property + " = "
                                    + ArticleXPath.stringLiteral(path) + "]",
                            "xpath");
            query.setLimit(1);
            NodeIterator it = query.execute().getNodes();
            return it.hasNext() ? Optional.of(nodes.read(it.nextNode())) : Optional.<Article>empty();
        });
    }

    /**
     * One page of matching articles and the total count.
     *
     * @throws IllegalArgumentException when the query names an unknown property or a bad path
     */
    ResultPage<Article> list(ArticleQuery query) throws RepositoryException {
        return list(query, nodes::read);
    }

    <T> ResultPage<T> list(ArticleQuery query, ArticleRepository.NodeReader<T> reader) throws RepositoryException {
        return sessions.run(workspace, session -> {
            QueryResult result = execute(session, query, true);
            List<T> items = new ArrayList<>();
            NodeIterator it = result.getNodes();
            while (it.hasNext()) {
                items.add(reader.read(it.nextNode()));
            }
            long total =
                    query.offset() == 0 && items.size() < query.limit() ? items.size() : cachedCount(session, query);
            return new ResultPage<>(items, total, query.offset(), query.limit());
        });
    }

    /** Just the page of articles, without counting the total (cheaper when nobody needs it). */
    <T> List<T> items(ArticleQuery query, ArticleRepository.NodeReader<T> reader) throws RepositoryException {
        return sessions.run(workspace, session -> {
            List<T> items = new ArrayList<>();
            NodeIterator it = execute(session, query, true).getNodes();
            while (it.hasNext()) {
                items.add(reader.read(it.nextNode()));
            }
            articlesRead.add(items.size());
            return items;
        });
    }

    /**
     * The identifiers of every article the query matches, in no particular order (sorting and
     * paging ignored). Kept, like totals, until the workspace changes: reading them means reading
     * every matching node.
     */
    List<String> ids(ArticleQuery query) throws RepositoryException {
        ArticleQuery unordered = query.withSort(List.of()).page(0, 1);
        return cache.ids(
                xpath.statement(unordered),
                () -> sessions.run(workspace, session -> {
                    List<String> ids = new ArrayList<>();
                    NodeIterator it = execute(session, unordered, false).getNodes();
                    while (it.hasNext()) {
                        ids.add(it.nextNode().getIdentifier());
                    }
                    return ids;
                }));
    }

    /** Counts {@code n} articles read for a listing by identifier (the archive index named them). */
    void noteRead(int n) {
        articlesRead.add(n);
    }

    /** How many articles listings have read so far: shows that a grid pages instead of loading everything. */
    long articlesRead() {
        return articlesRead.sum();
    }

    long count(ArticleQuery query) throws RepositoryException {
        return sessions.run(workspace, session -> cachedCount(session, query));
    }

    /** The matches of {@code query}, counted no further than {@code cap} + 1 (kept until the workspace changes). */
    long countUpTo(ArticleQuery query, long cap) throws RepositoryException {
        ArticleQuery unordered = query.withSort(List.of()).page(0, 1);
        String statement = xpath.statement(unordered);
        return cache.total(
                statement + " #up to " + cap,
                () -> sessions.run(workspace, session -> {
                    Query jcrQuery = session.getWorkspace().getQueryManager().createQuery(statement, "xpath");
                    jcrQuery.setLimit(cap + 1);
                    return size(jcrQuery.execute().getNodes());
                }));
    }

    private long cachedCount(Session session, ArticleQuery query) throws RepositoryException {
        ArticleQuery unordered = query.withSort(List.of()).page(0, 1);
        return cache.total(xpath.statement(unordered), () -> countAll(session, unordered));
    }

    /**
     * Whether any article (in the trash too) or any kept version uses the image {@code key}, as its
     * image or in its body.
     */
    boolean usesImage(String key) throws RepositoryException {
        if (key == null || !key.matches("jcr:[0-9a-fA-F-]{36}")) {
            return false;
        }
        String id = key.substring(4);
        String condition = "[@image = " + ArticleXPath.stringLiteral(key) + " or jcr:like(@body, "
                + ArticleXPath.stringLiteral("%" + id + "%") + ")]";
        return sessions.run(workspace, session -> {
            QueryManager queries = session.getWorkspace().getQueryManager();
            for (String statement : List.of(
                    "/jcr:root//element(*, " + nodeType + ")" + condition,
                    "/jcr:root/jcr:system/jcr:versionStorage//element(*, nt:frozenNode)" + condition)) {
                Query query = queries.createQuery(statement, "xpath");
                query.setLimit(1);
                if (query.execute().getNodes().hasNext()) {
                    return true;
                }
            }
            return false;
        });
    }

    /** Reads every article with {@code reader} and hands each to {@code each}, in no particular order. */
    <T> void forEach(ArticleRepository.NodeReader<T> reader, Consumer<T> each) throws RepositoryException {
        sessions.run(workspace, session -> {
            Query query = session.getWorkspace()
                    .getQueryManager()
                    .createQuery("/jcr:root//element(*, " + nodeType + ")", "xpath");
            for (NodeIterator it = query.execute().getNodes(); it.hasNext(); ) {
                each.accept(reader.read(it.nextNode()));
            }
            return null;
        });
    }

    /** The distinct categories articles use, sorted. */
    List<String> categories() throws RepositoryException {
        return sessions.run(workspace, session -> {
            Query query = session.getWorkspace()
                    .getQueryManager()
                    .createQuery("/jcr:root//element(*, " + nodeType + ")[@category]/@category", "xpath");
            TreeSet<String> categories = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            RowIterator rows = query.execute().getRows();
            while (rows.hasNext()) {
                Row row = rows.nextRow();
                if (row.getValue("category") != null) {
                    categories.add(row.getValue("category").getString());
                }
            }
            return List.copyOf(categories);
        });
    }

    /** The XPath statement a query runs; for diagnostics and tests of the escaping. */
    String statement(ArticleQuery query) {
        return xpath.statement(query);
    }

    private QueryResult execute(Session session, ArticleQuery query, boolean paged) throws RepositoryException {
        Query jcrQuery = session.getWorkspace().getQueryManager().createQuery(xpath.statement(query), "xpath");
        if (paged) {
            jcrQuery.setOffset(query.offset());
            jcrQuery.setLimit(query.limit());
        }
        return jcrQuery.execute();
    }

    private long countAll(Session session, ArticleQuery query) throws RepositoryException {
        return size(execute(session, query.withSort(List.of()), false).getNodes());
    }

    /** How many nodes {@code it} holds: its size when the repository knows it, else counted. */
    private static long size(NodeIterator it) {
        long size = it.getSize();
        if (size >= 0) {
            return size;
        }
        long n = 0;
        for (; it.hasNext(); it.next()) {
            n++;
        }
        return n;
    }
}
