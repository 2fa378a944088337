package io.newsroom.news.publishing;

import io.newsroom.news.article.Article;
import io.newsroom.news.article.ArticleNodes;
import io.newsroom.news.article.ArticleNotFoundException;
import io.newsroom.news.article.JcrSessions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.jcr.ImportUUIDBehavior;
import javax.jcr.ItemNotFoundException;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.PathNotFoundException;
import javax.jcr.Property;
import javax.jcr.PropertyIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.nodetype.NodeType;
import javax.jcr.version.Version;
import javax.jcr.version.VersionHistory;
import javax.jcr.version.VersionIterator;
import javax.jcr.version.VersionManager;

/**
 * The history of articles, kept the way Magnolia keeps versions: apart from the article, as a copy
 * with the same identifier at the root of the {@code mgnlVersion} workspace, made
 * {@code mix:versionable} there and checked in with Jackrabbit's own versioning. The {@code news}
 * workspace never holds a version property, so it exports and imports into Magnolia as before.
 * Who made a version and its name are in the copy's {@code mgnl:versionMetaData} child (Magnolia's
 * {@code versionUser} and {@code name}); the comment is the copy's {@code mgnl:comment}.
 */
public final class ArticleVersions {
    public static final String WORKSPACE = "mgnlVersion";
    public static final int DEFAULT_MAX_VERSIONS = 50;
    static final String META = "mgnl:versionMetaData";
    static final String META_TYPE = "mgnl:reserve";
    static final String USER = "versionUser";
    static final String NAME = "name";
    /** When the version was made; kept in the copy so a restored backup shows the original time. */
    static final String DATE = "versionDate";

    private static final String VERSIONABLE = "mix:versionable";

    private final JcrSessions sessions;
    private final String articleWorkspace;
    private final ArticleNodes nodes;
    private final Clock clock;
    private final int maxVersions;

    public ArticleVersions(
            JcrSessions sessions, String articleWorkspace, ArticleNodes nodes, Clock clock, int maxVersions) {
        if (maxVersions < 1) {
            throw new IllegalArgumentException("At least one version must be kept, not " + maxVersions);
        }
        this.sessions = sessions;
        this.articleWorkspace = articleWorkspace;
        this.nodes = nodes;
        this.clock = clock;
        this.maxVersions = maxVersions;
    }

    public int maxVersions() {
        return maxVersions;
    }

    /**
     * Keeps the article's current state as a new version; the oldest go once there are more than
     * {@link #maxVersions}.
     *
     * @param comment what the editor wrote, or null
     */
    public ArticleVersion save(String articleId, String user, String comment)
            throws ArticleNotFoundException, RepositoryException {
        Optional<ArticleVersion> saved = sessions.run(articleWorkspace, articleSession -> {
            Node article;
            try {
                article = articleSession.getNodeByIdentifier(articleId);
            } catch (ItemNotFoundException | IllegalArgumentException e) {
                return Optional.<ArticleVersion>empty();
            }
            Node source = article;
            return Optional.of(sessions.run(WORKSPACE, session -> {
                Node copy = copyOf(session, articleId).orElse(null);
                if (copy == null) {
                    session.getWorkspace().clone(articleWorkspace, source.getPath(), "/" + articleId, true);
                    copy = session.getNodeByIdentifier(articleId);
                    copy.addMixin(VERSIONABLE);
                } else {
                    replaceProperties(copy, source);
                }
                return checkIn(session, copy, articleId, source.getName(), user, clock.instant(), comment);
            }));
        });
        return saved.orElseThrow(() -> new ArticleNotFoundException(articleId));
    }

    /** The article's versions, newest first; empty when it has none. */
    public List<ArticleVersion> history(String articleId) throws RepositoryException {
        return sessions.run(WORKSPACE, session -> {
            Optional<Node> copy = copyOf(session, articleId);
            if (copy.isEmpty() || !copy.get().isNodeType(VERSIONABLE)) {
                return List.<ArticleVersion>of();
            }
            List<ArticleVersion> versions = new ArrayList<>();
            for (Version version : versionsOldestFirst(
                    versionManager(session).getVersionHistory(copy.get().getPath()))) {
                versions.add(0, read(articleId, version));
            }
            return versions;
        });
    }

    /** One version by its name ({@code 1.3}). */
    public Optional<ArticleVersion> find(String articleId, String versionName) throws RepositoryException {
        return history(articleId).stream()
                .filter(v -> v.name().equals(versionName))
                .findFirst();
    }

    /** Forgets every version of the article (when it is deleted for ever). */
    public void forget(String articleId) throws RepositoryException {
        sessions.run(WORKSPACE, session -> {
            Optional<Node> copy = copyOf(session, articleId);
            if (copy.isEmpty()) {
                return null;
            }
            VersionHistory history = copy.get().isNodeType(VERSIONABLE)
                    ? versionManager(session).getVersionHistory(copy.get().getPath())
                    : null;
            copy.get().remove();
            session.save();
            if (history != null) {
                for (Version version : versionsOldestFirst(history)) {
                    history.removeVersion(version.getName());
                }
            }
            return null;
        });
    }

    /** The identifiers of every article that has versions. */
    public List<String> articlesWithHistory() throws RepositoryException {
        return sessions.run(WORKSPACE, session -> {
            List<String> ids = new ArrayList<>();
            for (NodeIterator it = session.getRootNode().getNodes(); it.hasNext(); ) {
                Node node = it.nextNode();
                if (node.isNodeType(VERSIONABLE)) {
                    ids.add(node.getIdentifier());
                }
            }
            return ids;
        });
    }

    /**
     * Writes one version as system-view XML of its frozen copy (for backups), oldest first when
     * called for each name of {@link #history} in reverse.
     */
    public void exportVersion(String articleId, String versionName, OutputStream out) throws RepositoryException {
        sessions.run(WORKSPACE, session -> {
            Node copy = copyOf(session, articleId).orElseThrow(() -> new PathNotFoundException("/" + articleId));
            Version version =
                    versionManager(session).getVersionHistory(copy.getPath()).getVersion(versionName);
            try {
                session.exportSystemView(version.getFrozenNode().getPath(), out, false, false);
            } catch (IOException e) {
                throw new RepositoryException("Cannot write version " + versionName + " of " + articleId, e);
            }
            return null;
        });
    }

    /**
     * Adds a version read back from a backup: {@code plainCopy} is the version's content as system
     * view of an ordinary node (the frozen node's types and identifier turned back into its own),
     * its top node named {@code articleId}. The version keeps its user, time and comment.
     */
    public void replay(String articleId, InputStream plainCopy) throws RepositoryException {
        sessions.run(WORKSPACE, session -> {
            Optional<Node> existing = copyOf(session, articleId);
            Node copy;
            Node imported;
            try {
                if (existing.isEmpty()) {
                    session.importXML("/", plainCopy, ImportUUIDBehavior.IMPORT_UUID_COLLISION_THROW);
                    copy = session.getNodeByIdentifier(articleId);
                    copy.addMixin(VERSIONABLE);
                    imported = copy;
                } else {
                    copy = existing.get();
                    Node scratch = session.getRootNode().addNode("replay-" + UUID.randomUUID(), "nt:unstructured");
                    session.importXML(scratch.getPath(), plainCopy, ImportUUIDBehavior.IMPORT_UUID_CREATE_NEW);
                    imported = scratch.getNodes().nextNode();
                    replaceProperties(copy, imported);
                    copyMeta(imported, copy);
                    scratch.remove();
                }
            } catch (IOException e) {
                throw new RepositoryException("Cannot read a version of " + articleId, e);
            }
            Node meta = copy.hasNode(META) ? copy.getNode(META) : null;
            String user = meta != null && meta.hasProperty(USER)
                    ? meta.getProperty(USER).getString()
                    : "";
            String name = meta != null && meta.hasProperty(NAME)
                    ? meta.getProperty(NAME).getString()
                    : articleId;
            Instant when = meta != null && meta.hasProperty(DATE)
                    ? meta.getProperty(DATE).getDate().toInstant()
                    : clock.instant();
            String comment = copy.hasProperty(ArticleVersion.COMMENT)
                    ? copy.getProperty(ArticleVersion.COMMENT).getString()
                    : null;
            checkIn(session, copy, articleId, name, user, when, comment);
            return null;
        });
    }

    private ArticleVersion checkIn(
            Session session, Node copy, String articleId, String name, String user, Instant when, String comment)
            throws RepositoryException {
        Node meta = copy.hasNode(META) ? copy.getNode(META) : copy.addNode(META, META_TYPE);
        meta.setProperty(USER, user == null ? "" : user);
        meta.setProperty(NAME, name);
        meta.setProperty(DATE, nodes.calendar(when));
        // What Magnolia's restore reads to know which nodes the version holds.
        meta.setProperty(
                MagnoliaVersionRule.PROPERTY,
                MagnoliaVersionRule.of(copy.getPrimaryNodeType().getName()));
        copy.setProperty(
                ArticleVersion.COMMENT, comment == null || comment.isBlank() ? (String) null : comment.strip());
        session.save();
        VersionManager versions = versionManager(session);
        Version version = versions.checkin(copy.getPath());
        versions.checkout(copy.getPath());
        VersionHistory history = versions.getVersionHistory(copy.getPath());
        List<Version> all = versionsOldestFirst(history);
        for (int i = 0; i < all.size() - maxVersions; i++) {
            history.removeVersion(all.get(i).getName());
        }
        return read(articleId, version);
    }

    private ArticleVersion read(String articleId, Version version) throws RepositoryException {
        Node frozen = version.getFrozenNode();
        Node meta = frozen.hasNode(META) ? frozen.getNode(META) : null;
        String name =
                meta != null && meta.hasProperty(NAME) ? meta.getProperty(NAME).getString() : null;
        Instant when = meta != null && meta.hasProperty(DATE)
                ? meta.getProperty(DATE).getDate().toInstant()
                : version.getCreated().toInstant();
        String user =
                meta != null && meta.hasProperty(USER) ? meta.getProperty(USER).getString() : "";
        String comment = frozen.hasProperty(ArticleVersion.COMMENT)
                ? frozen.getProperty(ArticleVersion.COMMENT).getString()
                : null;
        Article content = nodes.read(frozen).withIdentity(articleId, null, name);
        return new ArticleVersion(version.getName(), when, user, comment, content);
    }

    /** Every version but the root one, oldest first. */
    private static List<Version> versionsOldestFirst(VersionHistory history) throws RepositoryException {
        List<Version> versions = new ArrayList<>();
        String root = history.getRootVersion().getName();
        for (VersionIterator it = history.getAllVersions(); it.hasNext(); ) {
            Version version = it.nextVersion();
            if (!version.getName().equals(root)) {
                versions.add(version);
            }
        }
        versions.sort(Comparator.comparing(v -> {
            try {
                return v.getCreated().getTimeInMillis();
            } catch (RepositoryException e) {
                throw new IllegalStateException(e);
            }
        }));
        return versions;
    }

    /** Makes {@code copy}'s own properties and mixins those of {@code source} (its version data apart). */
    private static void replaceProperties(Node copy, Node source) throws RepositoryException {
        for (PropertyIterator it = copy.getProperties(); it.hasNext(); ) {
            Property property = it.nextProperty();
            if (!property.getDefinition().isProtected()) {
                property.remove();
            }
        }
        Set<String> wanted = new HashSet<>();
        for (NodeType mixin : source.getMixinNodeTypes()) {
            wanted.add(mixin.getName());
        }
        wanted.remove(VERSIONABLE);
        for (NodeType mixin : copy.getMixinNodeTypes()) {
            if (!mixin.getName().equals(VERSIONABLE) && !wanted.remove(mixin.getName())) {
                copy.removeMixin(mixin.getName());
            }
        }
        for (String mixin : wanted) {
            copy.addMixin(mixin);
        }
        for (PropertyIterator it = source.getProperties(); it.hasNext(); ) {
            Property property = it.nextProperty();
            if (property.getDefinition().isProtected() || property.getName().startsWith("jcr:")) {
                continue;
            }
            if (property.isMultiple()) {
                copy.setProperty(property.getName(), property.getValues());
            } else {
                copy.setProperty(property.getName(), property.getValue());
            }
        }
    }

    private static void copyMeta(Node from, Node to) throws RepositoryException {
        if (!from.hasNode(META)) {
            return;
        }
        Node source = from.getNode(META);
        Node target = to.hasNode(META) ? to.getNode(META) : to.addNode(META, META_TYPE);
        for (String name : List.of(USER, NAME, DATE)) {
            if (source.hasProperty(name)) {
                target.setProperty(name, source.getProperty(name).getValue());
            }
        }
    }

    private static Optional<Node> copyOf(Session session, String articleId) throws RepositoryException {
        if (articleId == null || !articleId.matches("[0-9a-fA-F-]{36}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(session.getNodeByIdentifier(articleId));
        } catch (ItemNotFoundException e) {
            return Optional.empty();
        }
    }

    private static VersionManager versionManager(Session session) throws RepositoryException {
        return session.getWorkspace().getVersionManager();
    }
}
