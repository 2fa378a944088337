package io.newsroom.news.pages;

import io.newsroom.news.article.Actor;
import io.newsroom.news.article.AuditTrail;
import io.newsroom.news.article.JcrSessions;
import io.newsroom.news.article.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/**
 * Site builders' changes to pages are drafts until published, as an author's are in Magnolia. The
 * embedded runtime keeps them in a workspace of its own, {@code website-draft}, a working copy of the
 * {@code website} workspace that readers are served from: the Pages screen changes the draft copy, a
 * signed preview shows it, and publishing copies the page over to {@code website} with its identifiers
 * (JCR's workspace clone, as Magnolia's publishing sends a node to a public instance with its UUID).
 * Whether a page has unpublished changes is read off the two copies themselves, so nothing can say
 * "published" of a page whose copies differ.
 */
public final class PageDrafts {
    public static final String WORKSPACE = "website-draft";

    /** Where a page stands: made here and never published, published with changes since, or as readers see it. */
    public enum State {
        NEW,
        CHANGED,
        PUBLISHED
    }

    private final JcrSessions sessions;
    private volatile AuditTrail audit = AuditTrail.NONE;

    public PageDrafts(JcrSessions sessions) {
        this.sessions = sessions;
    }

    public void auditTo(AuditTrail trail) {
        this.audit = trail;
    }

    /**
     * Gives every top-level page readers have a draft copy where it has none yet (the site's first start
     * with drafts, pages made by an import or by the demo): the Pages screen then works on the copies.
     */
    public synchronized void copyNewPages() throws RepositoryException {
        List<String> live = topPages(WebsitePages.WORKSPACE);
        List<String> drafts = topPages(WORKSPACE);
        sessions.run(WORKSPACE, session -> {
            for (String path : live) {
                if (!drafts.contains(path) && !session.nodeExists(path)) {
                    session.getWorkspace().clone(WebsitePages.WORKSPACE, path, path, true);
                }
            }
            return null;
        });
    }

    /** Where the page at {@code path} (a top-level page of the draft copy) stands. */
    public State state(String path) throws RepositoryException {
        Optional<String> live = export(WebsitePages.WORKSPACE, path);
        if (live.isEmpty()) {
            return State.NEW;
        }
        return live.equals(export(WORKSPACE, path)) ? State.PUBLISHED : State.CHANGED;
    }

    /** A page below one that readers do not have yet: its parent is published first. */
    public static final class ParentNotPublished extends RuntimeException {
        public ParentNotPublished(String parent) {
            super("The parent page " + parent + " is not published", null, false, false);
        }
    }

    /**
     * Publishes the page's draft copy: readers get it on their next request, in the place the page had among
     * its siblings (a new page goes last). Its subpages come with it, as they are in the draft (Magnolia's
     * "publish including subpages").
     *
     * @throws ParentNotPublished for a page below one readers do not have yet
     */
    public synchronized void publish(String path, String user) throws RepositoryException {
        Actor.require(Role.Permission.PAGES);
        String parent = parentOf(path);
        sessions.run(WebsitePages.WORKSPACE, session -> {
            if (!session.nodeExists(parent)) {
                throw new ParentNotPublished(parent);
            }
            copy(session, WORKSPACE, path);
            return null;
        });
        audit.record(user, AuditTrail.Action.PAGE_PUBLISH, null, path, null);
    }

    /** Drops the draft's changes: the page is again as readers see it (a page never published stays as it is). */
    public synchronized void discard(String path, String user) throws RepositoryException {
        Actor.require(Role.Permission.PAGES);
        if (export(WebsitePages.WORKSPACE, path).isEmpty()) {
            return;
        }
        sessions.run(WORKSPACE, session -> {
            copy(session, WebsitePages.WORKSPACE, path);
            return null;
        });
        audit.record(user, AuditTrail.Action.PAGE_DISCARD, null, path, null);
    }

    /**
     * Copies the page at {@code path} from workspace {@code from} into {@code session}'s workspace with its
     * identifiers (JCR's workspace clone; an older copy of it is replaced) and puts it back in its place among
     * its siblings.
     */
    private static void copy(Session session, String from, String path) throws RepositoryException {
        String before = nextSibling(session, path);
        session.getWorkspace().clone(from, path, path, true);
        session.refresh(false);
        Node parent = session.getNode(parentOf(path));
        if (before != null && parent.hasNode(before)) {
            parent.orderBefore(path.substring(path.lastIndexOf('/') + 1), before);
            session.save();
        }
    }

    private static String parentOf(String path) {
        int cut = path.lastIndexOf('/');
        return cut <= 0 ? "/" : path.substring(0, cut);
    }

    /** The name of the node after {@code path} among its parent's children, or null when it is last or absent. */
    private static String nextSibling(Session session, String path) throws RepositoryException {
        if (!session.nodeExists(parentOf(path))) {
            return null;
        }
        boolean found = false;
        for (NodeIterator it = session.getNode(parentOf(path)).getNodes(); it.hasNext(); ) {
            Node node = it.nextNode();
            if (found) {
                return node.getName();
            }
            found = node.getPath().equals(path);
        }
        return null;
    }

    /**
     * The page with everything below it as text: each node's path, type and properties (sorted by name,
     * as JCR gives properties in no fixed order) and its children in their order. Equal for the two copies
     * exactly when readers would get the same page. Empty when the workspace has no such page.
     */
    private Optional<String> export(String workspace, String path) throws RepositoryException {
        return sessions.run(workspace, session -> {
            if (!session.nodeExists(path)) {
                return Optional.<String>empty();
            }
            StringBuilder text = new StringBuilder();
            describe(session.getNode(path), text);
            return Optional.of(text.toString());
        });
    }

    private static void describe(Node node, StringBuilder text) throws RepositoryException {
        text.append(node.getPath())
                .append(' ')
                .append(node.getPrimaryNodeType().getName())
                .append('\n');
        java.util.TreeMap<String, String> properties = new java.util.TreeMap<>();
        for (javax.jcr.PropertyIterator it = node.getProperties(); it.hasNext(); ) {
            javax.jcr.Property property = it.nextProperty();
            if (property.getType() == javax.jcr.PropertyType.BINARY) {
                continue;
            }
            if (property.isMultiple()) {
                List<String> values = new ArrayList<>();
                for (javax.jcr.Value value : property.getValues()) {
                    values.add(value.getString());
                }
                properties.put(property.getName(), values.toString());
            } else {
                properties.put(property.getName(), property.getString());
            }
        }
        properties.forEach((name, value) ->
                text.append("  ").append(name).append('=').append(value).append('\n'));
        for (NodeIterator it = node.getNodes(); it.hasNext(); ) {
            describe(it.nextNode(), text);
        }
    }

    private List<String> topPages(String workspace) throws RepositoryException {
        return sessions.run(workspace, session -> {
            List<String> paths = new ArrayList<>();
            for (NodeIterator it = session.getRootNode().getNodes(); it.hasNext(); ) {
                Node node = it.nextNode();
                if (node.isNodeType("mgnl:page")) {
                    paths.add(node.getPath());
                }
            }
            return paths;
        });
    }
}
