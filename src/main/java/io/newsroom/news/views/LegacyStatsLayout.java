package io.newsroom.news.views;

import java.util.ArrayList;
import java.util.List;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.Property;
import javax.jcr.PropertyIterator;
import javax.jcr.PropertyType;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings counters stored by 0.1 (types {@code news:viewFolder}, {@code news:viewCounter},
 * {@code news:journalMark}, which Magnolia could not register on a first start) into the layout
 * of {@link StatsStore}: same paths, same properties, stock node types. Runs once, in the
 * caller's save, so a failure leaves the old counters as they were.
 */
final class LegacyStatsLayout {
    private static final Logger LOG = LoggerFactory.getLogger(LegacyStatsLayout.class);

    private LegacyStatsLayout() {}

    static void migrate(Session session, String root, String marks, String folderType, String nodeType)
            throws RepositoryException {
        Node top = session.getRootNode();
        int counters = 0;
        for (String name : List.of(root, marks)) {
            if (!top.hasNode(name)) {
                continue;
            }
            Node old = top.getNode(name);
            Node fresh = top.addNode(name + "-upgraded", folderType);
            counters += copyTree(old, fresh, folderType, nodeType);
            old.remove();
            session.move(fresh.getPath(), "/" + name);
        }
        LOG.info("news-stats: moved {} counters and marks to the stock node types", counters);
    }

    /** Copies folders as folders and leaves (counters, marks) with their properties. */
    private static int copyTree(Node from, Node to, String folderType, String nodeType) throws RepositoryException {
        int leaves = 0;
        for (NodeIterator it = from.getNodes(); it.hasNext(); ) {
            Node child = it.nextNode();
            if (isFolder(child)) {
                leaves += copyTree(child, to.addNode(child.getName(), folderType), folderType, nodeType);
            } else {
                copyProperties(child, to.addNode(child.getName(), nodeType));
                leaves++;
            }
        }
        return leaves;
    }

    private static boolean isFolder(Node node) throws RepositoryException {
        return node.getPrimaryNodeType().getName().endsWith("Folder");
    }

    private static void copyProperties(Node from, Node to) throws RepositoryException {
        List<Property> properties = new ArrayList<>();
        for (PropertyIterator it = from.getProperties(); it.hasNext(); ) {
            properties.add(it.nextProperty());
        }
        for (Property p : properties) {
            if (p.getName().startsWith("jcr:") || p.isMultiple()) {
                continue;
            }
            if (p.getType() == PropertyType.DATE) {
                to.setProperty(p.getName(), p.getDate());
            } else if (p.getType() == PropertyType.LONG) {
                to.setProperty(p.getName(), p.getLong());
            } else {
                to.setProperty(p.getName(), p.getString());
            }
        }
    }
}
