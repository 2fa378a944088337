package io.newsroom.news.article;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/**
 * The folders articles live in: one per year and month of the posted date in the site's zone
 * ({@code /2020/10/<name>}), so no folder grows past a few hundred children; made when first needed,
 * stamped as Magnolia stamps content.
 */
final class ArticleFolders {
    static final String FOLDER_TYPE = "mgnl:folder";

    private final ZoneId siteZone;
    private final Clock clock;
    private final ArticleNodes nodes;

    ArticleFolders(ZoneId siteZone, Clock clock, ArticleNodes nodes) {
        this.siteZone = siteZone;
        this.clock = clock;
        this.nodes = nodes;
    }

    String pathOf(Instant postedDate, String name) {
        return "/" + String.join("/", monthFolderNames(postedDate)) + "/" + name;
    }

    /** The month's folder, made (with its year's) when missing; saved with the caller's work. */
    Node monthFolder(Session session, Instant postedDate) throws RepositoryException {
        List<String> names = monthFolderNames(postedDate);
        return childFolder(childFolder(session.getRootNode(), names.get(0)), names.get(1));
    }

    static boolean hasChild(Node folder, String name) {
        try {
            return folder.hasNode(name);
        } catch (RepositoryException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> monthFolderNames(Instant postedDate) {
        ZonedDateTime local = postedDate.atZone(siteZone);
        return List.of(String.valueOf(local.getYear()), String.format("%02d", local.getMonthValue()));
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
}
