package io.newsroom.news.article;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.jcr.InvalidItemStateException;
import javax.jcr.ItemNotFoundException;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.PathNotFoundException;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/**
 * Articles in the {@code news} workspace: create, read, update with a version check, delete,
 * list with paging/sorting/filters. Articles live in year/month folders ({@code /2020/10/<slug>})
 * so no folder grows past a few hundred children.
 */
public final class ArticleRepository {
    public static final String FOLDER_TYPE = ArticleFolders.FOLDER_TYPE;

    private final JcrSessions sessions;
    private final String workspace;
    private final String nodeType;
    private final ZoneId siteZone;
    private final Clock clock;
    private final ArticleNodes nodes;
    /** Check-then-write must be atomic inside this JVM; Jackrabbit catches writers elsewhere. */
    private final ReentrantLock writeLock = new ReentrantLock();

    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();
    /** Reading by query, with totals kept until the workspace changes. */
    private final ArticleSearch search;
    /** The year and month folders articles live in. */
    private final ArticleFolders folders;

    private final List<RemovalListener> removalListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Set<String>>> nodeListeners = new CopyOnWriteArrayList<>();
    private volatile Function<String, Optional<String>> categoriesNamedAlike = name -> Optional.empty();
    /** Whether a category name is one of the managed list; every name while there is none (Magnolia). */
    private volatile java.util.function.Predicate<String> knownCategory = name -> true;
    /**
     * Absolute paths of plain names: no index, no "..", nothing JCR would read as syntax ({@code []|*:}, and
     * {@code {}} of an expanded name), and no name
     * that begins or ends with white space (JCR refuses those with "Invalid path").
     */
    static final Pattern READABLE_PATH =
            Pattern.compile("(/(?!\\.\\.?(/|$))[^/\\[\\]{}|*:\\s](?:[^/\\[\\]{}|*:]*[^/\\[\\]{}|*:\\s])?)+");

    public ArticleRepository(JcrSessions sessions, String workspace, String nodeType, ZoneId siteZone, Clock clock) {
        this.sessions = sessions;
        this.workspace = workspace;
        this.nodeType = nodeType;
        this.siteZone = siteZone;
        this.clock = clock;
        this.nodes = new ArticleNodes(siteZone);
        this.search = new ArticleSearch(sessions, workspace, nodeType, nodes);
        this.folders = new ArticleFolders(siteZone, clock, nodes);
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
     * Like {@link #onChange}, with the identifiers of the nodes changed (articles, or folders above
     * them); run before the {@link #onChange} listeners, so those read what these have learnt.
     */
    public void onNodesChanged(Consumer<Set<String>> listener) {
        nodeListeners.add(listener);
    }

    /**
     * Tells this repository and everyone listening that the workspace changed: cached counts are
     * dropped and the listeners run. Called after every write made here, and by the JCR observation
     * listener {@link #observe} registers for writes made elsewhere.
     *
     * @param ids the nodes concerned; empty when not known (then listeners that need them start over)
     */
    public void workspaceChanged(Set<String> ids) {
        search.invalidate();
        for (Consumer<Set<String>> listener : nodeListeners) {
            listener.accept(ids);
        }
        for (Runnable listener : changeListeners) {
            listener.run();
        }
    }

    /** {@link #workspaceChanged(Set)} when which nodes changed is not known (a bulk import, a benchmark's seed). */
    public void workspaceChanged() {
        workspaceChanged(Set.of());
    }

    /**
     * Listens to every change of the workspace, through a session the host owns; close the
     * registration to stop.
     */
    public ChangeObservation.Registration observe(ChangeObservation observation) throws RepositoryException {
        // Jackrabbit may still deliver events queued before the listener was removed. A delivery after the
        // close is ignored, and the close waits for one in progress: otherwise a listener logging in while
        // the repository shuts down waits for the shutdown, which waits for the listener.
        ReentrantReadWriteLock delivering = new ReentrantReadWriteLock();
        AtomicBoolean stopped = new AtomicBoolean();
        ChangeObservation.Registration registration = observation.observe(workspace, ids -> {
            if (ids.isEmpty() || !delivering.readLock().tryLock()) {
                return;
            }
            try {
                if (!stopped.get()) {
                    workspaceChanged(ids);
                }
            } finally {
                delivering.readLock().unlock();
            }
        });
        return () -> {
            delivering.writeLock().lock();
            try {
                stopped.set(true);
            } finally {
                delivering.writeLock().unlock();
            }
            registration.close();
        };
    }

    private void changed(Collection<String> ids) {
        workspaceChanged(Set.copyOf(ids));
    }

    public String workspace() {
        return workspace;
    }

    /** Told the identifiers of articles removed for ever (deleted, or purged from the trash), after the save. */
    @FunctionalInterface
    public interface RemovalListener {
        void removed(List<String> ids) throws RepositoryException;
    }

    /** Runs {@code listener} after every removal for ever made through this repository. */
    public void onRemoved(RemovalListener listener) {
        removalListeners.add(listener);
    }

    public ZoneId siteZone() {
        return siteZone;
    }

    /**
     * How a new category name is checked against those in use: {@code namedAlike} answers another
     * category with the same address ("Thong Bao" for "Thông báo"), which the name would take over.
     */
    public void checkCategoriesWith(Function<String, Optional<String>> namedAlike) {
        this.categoriesNamedAlike = namedAlike;
    }

    /**
     * Only categories of the managed list may be given to an article ({@code known}); an article keeps the one
     * it has (a form opened before a category was renamed is refused, not saved with the old name).
     */
    public void acceptOnlyCategories(java.util.function.Predicate<String> known) {
        this.knownCategory = known;
    }

    /** A category new to the article must be a managed one and not share its address with another in use. */
    private void checkCategory(ArticleDraft draft, String before) throws ValidationException {
        String category = draft.getCategory();
        if (category == null || category.isBlank() || category.equals(before)) {
            return;
        }
        if (!knownCategory.test(category)) {
            throw new ValidationException(List.of(new FieldError("category", "news.validation.unknownCategory")));
        }
        Optional<String> alike = categoriesNamedAlike.apply(category);
        if (alike.isPresent()) {
            throw new ValidationException(List.of(new FieldError(
                    "category", "news.validation.categoryAddress", alike.get(), Slugs.fromTitle(category))));
        }
    }

    /** Where changes are recorded (who, what, when); nothing until the host sets a trail. */
    private volatile AuditTrail audit = AuditTrail.NONE;

    /** Records every change made through this object in {@code trail}. */
    public void auditTo(AuditTrail trail) {
        this.audit = trail;
    }

    public Article create(ArticleDraft input, String user) throws ValidationException, RepositoryException {
        Actor.require(Role.Permission.WRITE_DRAFTS);
        if (input.isPublishOnCreate() || input.isFeatured()) {
            // Publishing and the featured block are an editor's.
            Actor.require(Role.Permission.PUBLISH);
        }
        ArticleDraft draft = ArticleValidator.validate(input);
        checkCategory(draft, null);
        writeLock.lock();
        try {
            Article created = sessions.run(workspace, session -> {
                Node folder = folders.monthFolder(session, draft.getPostedDate());
                String base = draft.getName() != null ? draft.getName() : Slugs.fromTitle(draft.getTitle());
                String name = Slugs.unique(base, candidate -> ArticleFolders.hasChild(folder, candidate));
                Node node = folder.addNode(name, nodeType);
                placeEnglish(session, folder, draft, node.getIdentifier());
                nodes.write(node, draft);
                Instant now = clock.instant();
                nodes.stampCreated(node, now, user);
                nodes.stampModified(node, now, user);
                nodes.stampPublication(node, draft.isPublishOnCreate(), now, draft.isPublishOnCreate() ? user : null);
                session.save();
                return nodes.read(node);
            });
            changed(List.of(created.id()));
            audit.record(user, AuditTrail.Action.CREATE, created.id(), created.title(), null);
            if (draft.isPublishOnCreate()) {
                audit.record(user, AuditTrail.Action.PUBLISH, created.id(), created.title(), null);
            }
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
        checkCategory(draft, findById(id).map(Article::category).orElse(null));
        writeLock.lock();
        try {
            Article updated = sessions.run(workspace, session -> write(session, id, expectedVersion, draft, user));
            changed(List.of(id));
            audit.record(user, AuditTrail.Action.SAVE, id, updated.title(), null);
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
            Node node =
                    articleNode(session, id).orElseThrow(() -> new WrappedRefusal(new ArticleNotFoundException(id)));
            Article current = nodes.read(node);
            requireMayEdit(node, current);
            requireSameFeaturing(current, draft);
            if (current.version() != expectedVersion) {
                throw new WrappedRefusal(new ConflictException(id, expectedVersion, current.version()));
            }
            Node folder = folders.monthFolder(session, draft.getPostedDate());
            String wanted = draft.getName() != null ? draft.getName() : current.name();
            boolean samePlace = folder.getPath().equals(node.getParent().getPath());
            if (!samePlace || !wanted.equals(current.name())) {
                String name = Slugs.unique(wanted, candidate -> ArticleFolders.hasChild(folder, candidate));
                String oldPath = node.getPath();
                session.move(oldPath, folder.getPath() + "/" + name);
                if (current.publication().published() || current.publication().lastActivated() != null) {
                    // Readers may have the old address: it keeps answering with a redirect.
                    nodes.rememberFormerPath(node, oldPath);
                }
                Translation english = current.english();
                if (!samePlace
                        && english != null
                        && (english.publication().published()
                                || english.publication().lastActivated() != null)) {
                    nodes.rememberFormerPath(
                            node,
                            Translation.ENGLISH,
                            oldPath.substring(0, oldPath.lastIndexOf('/') + 1) + english.slug());
                }
            }
            placeEnglish(session, folder, draft, id);
            nodes.write(node, draft);
            nodes.stampModified(node, nextVersion(current.version()), user);
            session.save();
            return nodes.read(node);
        } catch (InvalidItemStateException e) {
            // Another session (another instance) saved this node between our read and our save.
            session.refresh(false);
            long now = articleNode(session, id).map(this::versionOf).orElse(-1L);
            throw new WrappedRefusal(new ConflictException(id, expectedVersion, now));
        }
    }

    /** The identifiers of the articles {@code predicate} (an XPath predicate on the article node) matches. */
    public List<String> idsWhere(String predicate) throws RepositoryException {
        return sessions.run(workspace, session -> {
            List<String> ids = new ArrayList<>();
            for (Node node : matching(session, predicate)) {
                ids.add(node.getIdentifier());
            }
            return ids;
        });
    }

    /** The article nodes {@code predicate} (an XPath predicate on the article node) matches, read in {@code session}. */
    private List<Node> matching(Session session, String predicate) throws RepositoryException {
        String statement = "/jcr:root//element(*, " + nodeType + ")[" + predicate + "]";
        List<Node> matching = new ArrayList<>();
        for (NodeIterator it = session.getWorkspace()
                        .getQueryManager()
                        .createQuery(statement, "xpath")
                        .execute()
                        .getNodes();
                it.hasNext(); ) {
            matching.add(it.nextNode());
        }
        return matching;
    }

    /**
     * Removes for ever every article {@code predicate} (an XPath predicate on the article node, such
     * as {@code @mgnl:deleted < xs:dateTime(...)}) matches, in one save; their identifiers.
     */
    public List<String> removeWhere(String predicate) throws RepositoryException {
        writeLock.lock();
        try {
            List<String> removed = sessions.run(workspace, session -> {
                List<String> ids = new ArrayList<>();
                for (Node node : matching(session, predicate)) {
                    ids.add(node.getIdentifier());
                    node.remove();
                }
                session.save();
                return ids;
            });
            if (!removed.isEmpty()) {
                changed(removed);
                removed(removed);
            }
            return removed;
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Gives each article of {@code ranks} its featured rank, all in one save, so nobody ever reads
     * half a reordering. An article saved by someone else since it was read (its version differs) is
     * left as it is; how many were changed.
     */
    public int setFeaturedRanks(Map<Article, Long> ranks, String user) throws RepositoryException {
        Actor.require(Role.Permission.PUBLISH);
        if (ranks.isEmpty()) {
            return 0;
        }
        writeLock.lock();
        try {
            int changed = sessions.run(workspace, session -> {
                int n = 0;
                for (Map.Entry<Article, Long> rank : ranks.entrySet()) {
                    Optional<Node> node = articleNode(session, rank.getKey().id());
                    if (node.isEmpty() || versionOf(node.get()) != rank.getKey().version()) {
                        continue;
                    }
                    node.get().setProperty("featuredRank", rank.getValue().longValue());
                    nodes.stampModified(node.get(), nextVersion(rank.getKey().version()), user);
                    n++;
                }
                session.save();
                return n;
            });
            if (changed > 0) {
                changed(ranks.keySet().stream().map(Article::id).toList());
                audit.record(user, AuditTrail.Action.FEATURED_ORDER, null, null, String.valueOf(changed));
            }
            return changed;
        } finally {
            writeLock.unlock();
        }
    }

    /** A unit of work that reads and then writes: no other write of this repository in this JVM comes between. */
    @FunctionalInterface
    public interface ExclusiveWork<T> {
        T run() throws RepositoryException;
    }

    /** Runs {@code work} holding the repository's write lock (re-entrant: {@code work} may write through this repository). */
    public <T> T exclusively(ExclusiveWork<T> work) throws RepositoryException {
        writeLock.lock();
        try {
            return work.run();
        } finally {
            writeLock.unlock();
        }
    }

    /** The modification time a save stamps: now, but always after {@code version}, so two saves in one millisecond still differ. */
    private Instant nextVersion(long version) {
        Instant now = clock.instant();
        return now.toEpochMilli() > version ? now : Instant.ofEpochMilli(version + 1);
    }

    /** A change to one article's node in one save. */
    @FunctionalInterface
    public interface NodeChange {
        void apply(Node node) throws RepositoryException;
    }

    /** Applies {@code change} to the article's node and saves, under the repository's write lock; the article as saved. */
    public Article change(String id, NodeChange change) throws ArticleNotFoundException, RepositoryException {
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
            changed(List.of(id));
            return changed.get();
        } finally {
            writeLock.unlock();
        }
    }

    /** Articles whose category changes in one save. */
    private static final int CATEGORY_CHANGES_PER_SAVE = 500;

    /**
     * Gives every article of category {@code from} (the trash included) the category {@code to}: a category
     * renamed or merged into another. Saved in bounded steps; the articles' versions stay (the text did not
     * change). Returns how many changed.
     */
    public int replaceCategory(String from, String to) throws RepositoryException {
        Actor.require(Role.Permission.PUBLISH);
        List<String> ids = idsWhere("@category = " + ArticleXPath.stringLiteral(from));
        for (int start = 0; start < ids.size(); start += CATEGORY_CHANGES_PER_SAVE) {
            List<String> chunk = ids.subList(start, Math.min(ids.size(), start + CATEGORY_CHANGES_PER_SAVE));
            writeLock.lock();
            try {
                sessions.run(workspace, session -> {
                    for (String id : chunk) {
                        Optional<Node> node = articleNode(session, id);
                        if (node.isPresent()) {
                            node.get().setProperty("category", to);
                        }
                    }
                    session.save();
                    return null;
                });
                changed(chunk);
            } finally {
                writeLock.unlock();
            }
        }
        return ids.size();
    }

    /**
     * {@link #change} for this thread's actor, who must be allowed to edit the article (a reporter: their own
     * draft outside the trash).
     */
    public Article changeEditable(String id, NodeChange change) throws ArticleNotFoundException, RepositoryException {
        return change(id, node -> {
            requireMayEdit(node, nodes.read(node));
            change.apply(node);
        });
    }

    /**
     * Whether this thread's actor may change the article: with {@link Role.Permission#EDIT_ANY}, any; with
     * only {@link Role.Permission#WRITE_DRAFTS}, their own while it is a draft outside the trash.
     */
    private static void requireMayEdit(Node node, Article current) throws RepositoryException {
        if (Actor.may(Role.Permission.EDIT_ANY)) {
            return;
        }
        Actor.require(Role.Permission.WRITE_DRAFTS);
        String author = node.hasProperty(ArticleNodes.CREATED_BY)
                ? node.getProperty(ArticleNodes.CREATED_BY).getString()
                : null;
        if (!Actor.current().user().equals(author)
                || current.publication().published()
                || node.hasProperty(Publication.DELETED)) {
            throw new Actor.NotAllowedException(Actor.current(), Role.Permission.EDIT_ANY);
        }
    }

    /** Without {@link Role.Permission#PUBLISH} the featured settings stay as they are (the featured block is an editor's). */
    private static void requireSameFeaturing(Article current, ArticleDraft draft) {
        if (Actor.may(Role.Permission.PUBLISH)) {
            return;
        }
        boolean same = current.featured() == draft.isFeatured()
                && java.util.Objects.equals(current.featuredRank(), draft.getFeaturedRank())
                && java.util.Objects.equals(current.featuredFrom(), draft.getFeaturedFrom())
                && java.util.Objects.equals(current.featuredUntil(), draft.getFeaturedUntil());
        if (!same) {
            throw new Actor.NotAllowedException(Actor.current(), Role.Permission.PUBLISH);
        }
    }

    /** Removes the article for ever; {@code false} when there was none with that id. */
    public boolean delete(String id) throws RepositoryException {
        return delete(id, null);
    }

    /** Removes the article for ever, as {@code user} did (the audit trail says so); {@code false} when there was none. */
    public boolean delete(String id, String user) throws RepositoryException {
        Actor.require(Role.Permission.PUBLISH);
        writeLock.lock();
        try {
            String title = sessions.run(workspace, session -> {
                Optional<Node> node = articleNode(session, id);
                if (node.isEmpty()) {
                    return null;
                }
                String was = node.get().hasProperty("title")
                        ? node.get().getProperty("title").getString()
                        : "";
                node.get().remove();
                session.save();
                return was;
            });
            boolean removed = title != null;
            if (removed) {
                changed(List.of(id));
                removed(List.of(id));
                audit.record(user, AuditTrail.Action.DELETE_FOREVER, id, title, null);
            }
            return removed;
        } finally {
            writeLock.unlock();
        }
    }

    private void removed(List<String> ids) throws RepositoryException {
        for (RemovalListener listener : removalListeners) {
            listener.removed(ids);
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

    /** The articles of {@code ids} that exist, read in one session, in the order of {@code ids}. */
    public <T> List<T> findAllById(Collection<String> ids, NodeReader<T> reader) throws RepositoryException {
        return sessions.run(workspace, session -> {
            List<T> found = new ArrayList<>(ids.size());
            for (String id : ids) {
                Optional<Node> node = articleNode(session, id);
                if (node.isPresent()) {
                    try {
                        found.add(reader.read(node.get()));
                    } catch (InvalidItemStateException removedMeanwhile) {
                        // Removed (here or by another cluster node) while this session read it: it no longer exists.
                    }
                }
            }
            search.noteRead(found.size());
            return found;
        });
    }

    public List<Article> findAllById(Collection<String> ids) throws RepositoryException {
        return findAllById(ids, nodes::read);
    }

    /** What listings need of every article (the trash too), handed to {@code each} one by one: a read of the whole archive. */
    public void forEachSummary(Consumer<ArticleSummary> each) throws RepositoryException {
        search.forEach(nodes::summary, each);
    }

    /** The listing summary of each of {@code ids} that is an article; the others (removed, not articles) are left out. */
    public List<ArticleSummary> summaries(Collection<String> ids) throws RepositoryException {
        return findAllById(ids, nodes::summary);
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
                if (e.getCause() != null
                        && e.getCause().getClass().getSimpleName().equals("MalformedPathException")) {
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
        return search.findByFormerPath(path);
    }

    /**
     * The article whose address in {@code language} is {@code path}: its own path for the site's language,
     * the folder and the translation's slug ({@code slug_en}) for a translated one. The article is returned
     * whole; {@link Article#inLanguage} gives what readers of that language see.
     */
    public Optional<Article> findByPath(String path, String language) throws RepositoryException {
        if (!Article.isTranslatedLanguage(language)) {
            return findByPath(path);
        }
        if (path == null || !READABLE_PATH.matcher(path).matches()) {
            return Optional.empty();
        }
        String folder = path.substring(0, path.lastIndexOf('/'));
        String slug = path.substring(path.lastIndexOf('/') + 1);
        return sessions.run(workspace, session -> {
            for (Node node : matching(session, slugPredicate(language, slug))) {
                if (node.getParent().getPath().equals(folder)) {
                    return Optional.of(nodes.read(node));
                }
            }
            return Optional.<Article>empty();
        });
    }

    /** The article whose translation in {@code language} lived at {@code path} before it moved. */
    public Optional<Article> findByFormerPath(String path, String language) throws RepositoryException {
        return Article.isTranslatedLanguage(language)
                ? search.findByFormerPath(path, Translation.property(ArticleNodes.FORMER_PATHS, language))
                : findByFormerPath(path);
    }

    private static String slugPredicate(String language, String slug) {
        return "@" + Translation.property(Translation.SLUG, language) + " = " + ArticleXPath.stringLiteral(slug);
    }

    /**
     * Gives the draft's English version an address no other article of {@code folder} has in English
     * ({@code -2}, {@code -3}... as for the article's own name).
     */
    private void placeEnglish(Session session, Node folder, ArticleDraft draft, String self)
            throws RepositoryException {
        TranslationDraft english = draft.getEnglish();
        if (english.isEmpty()) {
            return;
        }
        String language = Translation.ENGLISH;
        english.setSlug(Slugs.unique(english.getSlug(), candidate -> {
            try {
                for (Node other : matching(session, slugPredicate(language, candidate))) {
                    if (other.getParent().getPath().equals(folder.getPath())
                            && !other.getIdentifier().equals(self)) {
                        return true;
                    }
                }
                return false;
            } catch (RepositoryException e) {
                throw new IllegalStateException("Cannot look for English addresses: " + e.getMessage(), e);
            }
        }));
    }

    /**
     * One page of matching articles and the total count.
     *
     * @throws IllegalArgumentException when the query names an unknown property or a bad path
     */
    public ResultPage<Article> list(ArticleQuery query) throws RepositoryException {
        return search.list(query);
    }

    public <T> ResultPage<T> list(ArticleQuery query, NodeReader<T> reader) throws RepositoryException {
        return search.list(query, reader);
    }

    /** Just the page of articles, without counting the total (cheaper when nobody needs it). */
    public List<Article> items(ArticleQuery query) throws RepositoryException {
        return search.items(query, nodes::read);
    }

    /** Just the page, each node read by {@code reader}, without counting the total. */
    public <T> List<T> items(ArticleQuery query, NodeReader<T> reader) throws RepositoryException {
        return search.items(query, reader);
    }

    /** The identifiers of every article the query matches, in no particular order; kept until the workspace changes. */
    public List<String> ids(ArticleQuery query) throws RepositoryException {
        return search.ids(query);
    }

    /** How many articles listings have read so far: shows that a grid pages instead of loading everything. */
    public long articlesRead() {
        return search.articlesRead();
    }

    public long count(ArticleQuery query) throws RepositoryException {
        return search.count(query);
    }

    /** Whether any article (in the trash too) or any kept version uses the image {@code key}, as its image or in its body. */
    /** How many articles {@code query} matches, counting no further than {@code cap} + 1. */
    public long countUpTo(ArticleQuery query, long cap) throws RepositoryException {
        return search.countUpTo(query, cap);
    }

    public boolean usesImage(String key) throws RepositoryException {
        return search.usesImage(key);
    }

    /** The distinct categories articles use, sorted. */
    public List<String> categories() throws RepositoryException {
        return search.categories();
    }

    /** The XPath statement a query runs; for diagnostics and tests of the escaping. */
    public String statement(ArticleQuery query) {
        return search.statement(query);
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
        } catch (ItemNotFoundException | InvalidItemStateException removed) {
            // Not there, or removed (here or by another cluster node) between finding and reading it.
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

    /**
     * Where an article posted at {@code postedDate} named {@code name} lives: {@code /2020/10/<name>},
     * year and month in the site's zone. The one rule for an article's path (and so its address).
     */
    public String pathOf(Instant postedDate, String name) {
        return folders.pathOf(postedDate, name);
    }
}
