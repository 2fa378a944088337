package io.newsroom.news.article;

import io.newsroom.news.publishing.ArticleVersion;
import io.newsroom.news.publishing.ArticleVersions;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

import javax.jcr.InvalidItemStateException;
import javax.jcr.ItemNotFoundException;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.PathNotFoundException;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.query.Query;
import javax.jcr.query.QueryResult;
import javax.jcr.query.Row;
import javax.jcr.query.RowIterator;

/**
 * Articles in the {@code news} workspace: create, read, update with a version check, delete,
 * list with paging/sorting/filters. Articles live in year/month folders ({@code /2020/10/<slug>})
 * so no folder grows past a few hundred children.
 */
public final class ArticleRepository {
    public static final String FOLDER_TYPE = "mgnl:folder";

    private final JcrSessions sessions;
    private final String workspace;
    private final String nodeType;
    private final ZoneId siteZone;
    private final Clock clock;
    private final ArticleNodes nodes;
    private final ArticleXPath xpath;
    /** Check-then-write must be atomic inside this JVM; Jackrabbit catches writers elsewhere. */
    private final ReentrantLock writeLock = new ReentrantLock();
    private final List<Runnable> changeListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Totals and id lists cost a read of every hit in Jackrabbit 2: kept until the workspace changes. */
    private final WorkspaceCache cache = new WorkspaceCache();
    private final java.util.concurrent.atomic.LongAdder articlesRead = new java.util.concurrent.atomic.LongAdder();
    /** Where publishing keeps versions; none in a host that versions content itself (Magnolia). */
    private volatile ArticleVersions versions;
    /**
     * Absolute paths of plain names: no index, no "..", nothing JCR would read as syntax, and no name
     * that begins or ends with white space (JCR refuses those with "Invalid path").
     */
    private static final Pattern READABLE_PATH = Pattern.compile(
            "(/(?!\\.\\.?(/|$))[^/\\[\\]|*:\\s](?:[^/\\[\\]|*:]*[^/\\[\\]|*:\\s])?)+");

    public ArticleRepository(JcrSessions sessions, String workspace, String nodeType, ZoneId siteZone, Clock clock) {
        this.sessions = sessions;
        this.workspace = workspace;
        this.nodeType = nodeType;
        this.siteZone = siteZone;
        this.clock = clock;
        this.nodes = new ArticleNodes(siteZone);
        this.xpath = new ArticleXPath(nodeType);
    }

    /**
     * Runs {@code listener} after every write this repository saves, in the writer's thread, so
     * caches never serve what was just changed. Changes made elsewhere reach caches through JCR
     * observation instead.
     */
    public void onChange(Runnable listener) {
        changeListeners.add(listener);
    }

    /**
     * Tells this repository and everyone listening that the workspace changed: cached counts are
     * dropped and {@link #onChange} listeners run. Called after every write made here, and by the
     * JCR observation listener {@link #observe} registers for writes made elsewhere.
     */
    public void workspaceChanged() {
        cache.invalidate();
        for (Runnable listener : changeListeners) {
            listener.run();
        }
    }

    /**
     * Listens to every change of the workspace, through a session the host owns; close the
     * registration to stop.
     */
    public ChangeObservation.Registration observe(ChangeObservation observation) throws RepositoryException {
        return observation.observe(workspace, this::workspaceChanged);
    }

    private void changed() {
        workspaceChanged();
    }

    public String workspace() {
        return workspace;
    }

    /** From now on every publish keeps a version in {@code history}, and a deletion for ever forgets it. */
    public void keepVersionsIn(ArticleVersions history) {
        this.versions = history;
    }

    /** The history of articles; empty when this host keeps none. */
    public Optional<ArticleVersions> versions() {
        return Optional.ofNullable(versions);
    }

    public ZoneId siteZone() {
        return siteZone;
    }

    public Article create(ArticleDraft input, String user) throws ValidationException, RepositoryException {
        ArticleDraft draft = ArticleValidator.validate(input);
        writeLock.lock();
        try {
            Article created = sessions.run(workspace, session -> {
            Node folder = monthFolder(session, draft.getPostedDate());
            String base = draft.getName() != null ? draft.getName() : Slugs.fromTitle(draft.getTitle());
            String name = Slugs.unique(base, candidate -> hasChild(folder, candidate));
            Node node = folder.addNode(name, nodeType);
            nodes.write(node, draft);
            Instant now = clock.instant();
            nodes.stampCreated(node, now, user);
            nodes.stampModified(node, now, user);
            nodes.stampPublication(node, draft.isPublishOnCreate(), now, draft.isPublishOnCreate() ? user : null);
            session.save();
            return nodes.read(node);
            });
            changed();
            return created;
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Replaces the article's properties, if it is still at {@code expectedVersion}. A changed
     * posted month moves it to the right folder, a changed slug renames it; the id never changes.
     */
    public Article update(String id, long expectedVersion, ArticleDraft input, String user)
            throws ValidationException, ConflictException, ArticleNotFoundException, RepositoryException {
        ArticleDraft draft = ArticleValidator.validate(input);
        writeLock.lock();
        try {
            Article updated = sessions.run(workspace, session -> write(session, id, expectedVersion, draft, user));
            changed();
            return updated;
        } catch (WrappedRefusal refusal) {
            refusal.rethrow();
            throw new AssertionError(refusal);
        } finally {
            writeLock.unlock();
        }
    }

    /** Carries a refusal (not found, conflict) out of a unit of work, which may throw only RepositoryException. */
    private static final class WrappedRefusal extends RuntimeException {
        WrappedRefusal(Exception refusal) {
            super(refusal.getMessage(), refusal, false, false);
        }

        void rethrow() throws ConflictException, ArticleNotFoundException {
            if (getCause() instanceof ConflictException c) {
                throw c;
            }
            throw (ArticleNotFoundException) getCause();
        }
    }

    private Article write(Session session, String id, long expectedVersion, ArticleDraft draft, String user)
            throws RepositoryException {
        try {
            Node node = articleNode(session, id).orElseThrow(() -> new WrappedRefusal(new ArticleNotFoundException(id)));
            Article current = nodes.read(node);
            if (current.version() != expectedVersion) {
                throw new WrappedRefusal(new ConflictException(id, expectedVersion, current.version()));
            }
            Node folder = monthFolder(session, draft.getPostedDate());
            String wanted = draft.getName() != null ? draft.getName() : current.name();
            boolean samePlace = folder.getPath().equals(node.getParent().getPath());
            if (!samePlace || !wanted.equals(current.name())) {
                String name = Slugs.unique(wanted, candidate -> hasChild(folder, candidate));
                String oldPath = node.getPath();
                session.move(oldPath, folder.getPath() + "/" + name);
                if (current.publication().published() || current.publication().lastActivated() != null) {
                    // Readers may have the old address: it keeps answering with a redirect.
                    nodes.rememberFormerPath(node, oldPath);
                }
            }
            nodes.write(node, draft);
            // Strictly increasing, so two saves in the same millisecond still differ.
            Instant now = clock.instant();
            Instant next = now.toEpochMilli() > current.version() ? now : Instant.ofEpochMilli(current.version() + 1);
            nodes.stampModified(node, next, user);
            session.save();
            return nodes.read(node);
        } catch (InvalidItemStateException e) {
            // Another session (another instance) saved this node between our read and our save.
            session.refresh(false);
            long now = articleNode(session, id).map(this::versionOf).orElse(-1L);
            throw new WrappedRefusal(new ConflictException(id, expectedVersion, now));
        }
    }

    /**
     * Publishes the article: readers see it once its posted date has come, and its later edits are live
     * on save. Stored as Magnolia stores activation (status, when, by whom); the article's version does
     * not change, so an editor with the form open can still save.
     */
    public Article publish(String id, String user) throws ArticleNotFoundException, RepositoryException {
        return publish(id, user, null);
    }

    /** Publishes and, where versions are kept, keeps the published state as a version with {@code comment}. */
    public Article publish(String id, String user, String comment) throws ArticleNotFoundException, RepositoryException {
        Article published = setPublished(id, true, user);
        ArticleVersions history = versions;
        if (history != null) {
            history.save(id, user, comment);
        }
        return published;
    }

    /**
     * Makes a kept version the article's current text again, if the article is still at
     * {@code expectedVersion}. Nothing is lost: the current state is kept as a version first (with
     * {@code keptComment}). The address (slug and posted date) stays, so no link breaks.
     */
    public Article restoreVersion(String id, long expectedVersion, String versionName, String user, String keptComment)
            throws ArticleNotFoundException, ConflictException, ValidationException, RepositoryException {
        ArticleVersions history = versions;
        if (history == null) {
            throw new ArticleNotFoundException(id);
        }
        ArticleVersion version = history.find(id, versionName).orElseThrow(() -> new ArticleNotFoundException(id + " " + versionName));
        Article current = findById(id).orElseThrow(() -> new ArticleNotFoundException(id));
        if (current.version() != expectedVersion) {
            throw new ConflictException(id, expectedVersion, current.version());
        }
        history.save(id, user, keptComment);
        ArticleDraft draft = version.content().toDraft();
        draft.setName(current.name());
        draft.setPostedDate(current.postedDate());
        return update(id, expectedVersion, draft, user);
    }


    /** Takes the article off the site: a draft again, kept with everything it had. */
    public Article unpublish(String id, String user) throws ArticleNotFoundException, RepositoryException {
        return setPublished(id, false, user);
    }

    private Article setPublished(String id, boolean published, String user) throws ArticleNotFoundException, RepositoryException {
        return change(id, node -> nodes.stampPublication(node, published, clock.instant(), user));
    }

    /**
     * Moves the article to the trash: readers no longer see it, editors can restore it. Marked with
     * Magnolia's {@code mgnl:deleted} mixin, as Magnolia marks a deletion until it is published.
     */
    public Article trash(String id, String user) throws ArticleNotFoundException, RepositoryException {
        return change(id, node -> {
            if (!node.hasProperty(Publication.DELETED)) {
                nodes.markDeleted(node, clock.instant(), user);
            }
        });
    }

    /** Takes the article out of the trash, with the state it had. */
    public Article restore(String id) throws ArticleNotFoundException, RepositoryException {
        return change(id, nodes::unmarkDeleted);
    }

    /** Deletes for ever what has been in the trash since before {@code cutoff}; how many. */
    public int purgeTrash(Instant cutoff) throws RepositoryException {
        writeLock.lock();
        try {
            List<String> purged = sessions.run(workspace, session -> {
                String statement = "/jcr:root//element(*, " + nodeType + ")[@" + Publication.DELETED + " < "
                        + ArticleXPath.literal(cutoff) + "]";
                List<Node> old = new ArrayList<>();
                for (NodeIterator it = session.getWorkspace().getQueryManager().createQuery(statement, "xpath").execute().getNodes();
                     it.hasNext(); ) {
                    old.add(it.nextNode());
                }
                List<String> ids = new ArrayList<>();
                for (Node node : old) {
                    ids.add(node.getIdentifier());
                    node.remove();
                }
                session.save();
                return ids;
            });
            if (!purged.isEmpty()) {
                changed();
                forgetVersions(purged);
            }
            return purged.size();
        } finally {
            writeLock.unlock();
        }
    }

    /** A change to one article's node in one save. */
    @FunctionalInterface
    private interface NodeChange {
        void apply(Node node) throws RepositoryException;
    }

    private Article change(String id, NodeChange change) throws ArticleNotFoundException, RepositoryException {
        writeLock.lock();
        try {
            Optional<Article> changed = sessions.run(workspace, session -> {
                Optional<Node> node = articleNode(session, id);
                if (node.isEmpty()) {
                    return Optional.<Article>empty();
                }
                change.apply(node.get());
                session.save();
                return Optional.of(nodes.read(node.get()));
            });
            if (changed.isEmpty()) {
                throw new ArticleNotFoundException(id);
            }
            changed();
            return changed.get();
        } finally {
            writeLock.unlock();
        }
    }

    /** Removes the article for ever; {@code false} when there was none with that id. */
    public boolean delete(String id) throws RepositoryException {
        writeLock.lock();
        try {
            boolean removed = sessions.run(workspace, session -> {
                Optional<Node> node = articleNode(session, id);
                if (node.isEmpty()) {
                    return false;
                }
                node.get().remove();
                session.save();
                return true;
            });
            if (removed) {
                changed();
                forgetVersions(List.of(id));
            }
            return removed;
        } finally {
            writeLock.unlock();
        }
    }

    private void forgetVersions(List<String> ids) throws RepositoryException {
        ArticleVersions history = versions;
        if (history != null) {
            for (String id : ids) {
                history.forget(id);
            }
        }
    }

    /** Turns a node into what the caller wants to hand out (an {@link Article}, JSON...). */
    @FunctionalInterface
    public interface NodeReader<T> {
        T read(Node node) throws RepositoryException;
    }

    public Optional<Article> findById(String id) throws RepositoryException {
        return findById(id, nodes::read);
    }

    public <T> Optional<T> findById(String id, NodeReader<T> reader) throws RepositoryException {
        return sessions.run(workspace, session -> {
            Optional<Node> node = articleNode(session, id);
            return node.isPresent() ? Optional.of(reader.read(node.get())) : Optional.empty();
        });
    }

    public Optional<Article> findByPath(String path) throws RepositoryException {
        return findByPath(path, nodes::read);
    }

    public <T> Optional<T> findByPath(String path, NodeReader<T> reader) throws RepositoryException {
        if (path == null || !READABLE_PATH.matcher(path).matches()) {
            return Optional.empty();
        }
        return sessions.run(workspace, session -> {
            try {
                Node node = session.getNode(path);
                return node.isNodeType(nodeType) ? Optional.of(reader.read(node)) : Optional.empty();
            } catch (PathNotFoundException e) {
                return Optional.<T>empty();
            } catch (RepositoryException e) {
                // A name JCR will not take (beyond what READABLE_PATH already keeps out) names no article.
                if (e.getCause() != null && e.getCause().getClass().getSimpleName().equals("MalformedPathException")) {
                    return Optional.<T>empty();
                }
                throw e;
            }
        });
    }

    /**
     * The article that used to live at {@code path} (its address before a move of a published
     * article), if no article lives there now. Redirects go straight to the current address, however
     * often it moved.
     */
    public Optional<Article> findByFormerPath(String path) throws RepositoryException {
        if (path == null || !READABLE_PATH.matcher(path).matches()) {
            return Optional.empty();
        }
        return sessions.run(workspace, session -> {
            Query query = session.getWorkspace().getQueryManager().createQuery("/jcr:root//element(*, " + nodeType + ")[@"
                    + ArticleNodes.FORMER_PATHS + " = " + ArticleXPath.stringLiteral(path) + "]", "xpath");
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
    public ResultPage<Article> list(ArticleQuery query) throws RepositoryException {
        return list(query, nodes::read);
    }

    public <T> ResultPage<T> list(ArticleQuery query, NodeReader<T> reader) throws RepositoryException {
        return sessions.run(workspace, session -> {
            QueryResult result = execute(session, query, true);
            List<T> items = new ArrayList<>();
            NodeIterator it = result.getNodes();
            while (it.hasNext()) {
                items.add(reader.read(it.nextNode()));
            }
            long total = query.offset() == 0 && items.size() < query.limit()
                    ? items.size() : cachedCount(session, query);
            return new ResultPage<>(items, total, query.offset(), query.limit());
        });
    }

    /** Just the page of articles, without counting the total (cheaper when nobody needs it). */
    public List<Article> items(ArticleQuery query) throws RepositoryException {
        return sessions.run(workspace, session -> {
            List<Article> items = new ArrayList<>();
            NodeIterator it = execute(session, query, true).getNodes();
            while (it.hasNext()) {
                items.add(nodes.read(it.nextNode()));
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
    public List<String> ids(ArticleQuery query) throws RepositoryException {
        ArticleQuery unordered = query.withSort(List.of()).page(0, 1);
        return cache.ids(xpath.statement(unordered), () -> sessions.run(workspace, session -> {
            List<String> ids = new ArrayList<>();
            NodeIterator it = execute(session, unordered, false).getNodes();
            while (it.hasNext()) {
                ids.add(it.nextNode().getIdentifier());
            }
            return ids;
        }));
    }

    /** How many articles listings have read so far: shows that a grid pages instead of loading everything. */
    public long articlesRead() {
        return articlesRead.sum();
    }

    public long count(ArticleQuery query) throws RepositoryException {
        return sessions.run(workspace, session -> cachedCount(session, query));
    }

    private long cachedCount(Session session, ArticleQuery query) throws RepositoryException {
        ArticleQuery unordered = query.withSort(List.of()).page(0, 1);
        return cache.total(xpath.statement(unordered), () -> countAll(session, unordered));
    }

    /**
     * Whether any article (in the trash too) or any kept version uses the image {@code key}, as its
     * image or in its body.
     */
    public boolean usesImage(String key) throws RepositoryException {
        if (key == null || !key.matches("jcr:[0-9a-fA-F-]{36}")) {
            return false;
        }
        String id = key.substring(4);
        String condition = "[@image = " + ArticleXPath.stringLiteral(key) + " or jcr:like(@body, "
                + ArticleXPath.stringLiteral("%" + id + "%") + ")]";
        return sessions.run(workspace, session -> {
            javax.jcr.query.QueryManager queries = session.getWorkspace().getQueryManager();
            for (String statement : List.of("/jcr:root//element(*, " + nodeType + ")" + condition,
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

    /** The distinct categories articles use, sorted. */
    public List<String> categories() throws RepositoryException {
        return sessions.run(workspace, session -> {
            Query query = session.getWorkspace().getQueryManager().createQuery(
                    "/jcr:root//element(*, " + nodeType + ")[@category]/@category", "xpath");
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
    public String statement(ArticleQuery query) {
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
        NodeIterator it = execute(session, query.withSort(List.of()), false).getNodes();
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

    private Optional<Node> articleNode(Session session, String id) throws RepositoryException {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        try {
            Node node = session.getNodeByIdentifier(id);
            try {
                node.getPath();
            } catch (ItemNotFoundException notYetSynced) {
                // In a cluster, an article another node just wrote can be read by id before this node has
                // read the journal, and its new folder is not known here yet: a refresh syncs the cluster.
                session.refresh(false);
                node = session.getNodeByIdentifier(id);
                node.getPath();
            }
            return node.isNodeType(nodeType) ? Optional.of(node) : Optional.empty();
        } catch (ItemNotFoundException e) {
            return Optional.empty();
        } catch (RepositoryException e) {
            // Jackrabbit refuses identifiers that are not UUIDs with a plain RepositoryException.
            if (e.getCause() instanceof IllegalArgumentException) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private long versionOf(Node node) {
        try {
            return nodes.read(node).version();
        } catch (RepositoryException e) {
            return -1L;
        }
    }

    private Node monthFolder(Session session, Instant postedDate) throws RepositoryException {
        ZonedDateTime local = postedDate.atZone(siteZone);
        Node year = childFolder(session.getRootNode(), String.valueOf(local.getYear()));
        return childFolder(year, String.format("%02d", local.getMonthValue()));
    }

    private Node childFolder(Node parent, String name) throws RepositoryException {
        if (parent.hasNode(name)) {
            return parent.getNode(name);
        }
        Node folder = parent.addNode(name, FOLDER_TYPE);
        Instant now = clock.instant();
        nodes.stampCreated(folder, now, "system");
        nodes.stampModified(folder, now, "system");
        return folder;
    }

    private static boolean hasChild(Node folder, String name) {
        try {
            return folder.hasNode(name);
        } catch (RepositoryException e) {
            throw new IllegalStateException(e);
        }
    }
}
