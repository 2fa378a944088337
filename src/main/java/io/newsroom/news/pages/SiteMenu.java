package io.newsroom.news.pages;

import io.newsroom.news.article.Actor;
import io.newsroom.news.article.AuditTrail;
import io.newsroom.news.article.FieldError;
import io.newsroom.news.article.JcrSessions;
import io.newsroom.news.article.Role;
import io.newsroom.news.article.ValidationException;
import java.util.ArrayList;
import java.util.List;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/**
 * The site's navigation menu, made from its pages as Magnolia's navigation is: the top-level pages of the
 * {@code website} workspace in their order, each under its {@code navigationTitle} (one per language:
 * {@code navigationTitle_en}; the page title where there is none), leaving out those marked
 * {@code hideInNav}. Site builders change titles, visibility and order.
 */
public final class SiteMenu {
    static final String TITLE = "navigationTitle";
    static final String HIDDEN = "hideInNav";
    /** The longest menu title: a menu entry is a word or two. */
    public static final int MAX_TITLE = 40;

    /** A top-level page as the menu has it, shown or not. */
    public record Entry(
            String path, String pageTitle, String pageTitleEn, String title, String titleEn, boolean shown) {}

    /** A link of the menu in one language. */
    public record Link(String title, String path) {}

    private static final List<String> WORKSPACES = List.of(WebsitePages.WORKSPACE, PageDrafts.WORKSPACE);

    private final JcrSessions sessions;
    /** The site's start page: linked as "/". */
    private final String home;

    private volatile AuditTrail audit = AuditTrail.NONE;

    public SiteMenu(JcrSessions sessions, String home) {
        this.sessions = sessions;
        this.home = home;
    }

    public void auditTo(AuditTrail trail) {
        this.audit = trail;
    }

    /** Every top-level page, in menu order, for the Pages screen. */
    public List<Entry> entries() throws RepositoryException {
        return sessions.run(WebsitePages.WORKSPACE, session -> {
            List<Entry> entries = new ArrayList<>();
            for (Node page : topPages(session)) {
                entries.add(new Entry(
                        page.getPath(),
                        text(page, "title"),
                        text(page, "title_en"),
                        text(page, TITLE),
                        text(page, TITLE + "_en"),
                        !page.hasProperty(HIDDEN) || !page.getProperty(HIDDEN).getBoolean()));
            }
            return entries;
        });
    }

    /** The menu in {@code language} ("vi", "en"): the shown pages' titles and addresses. */
    public List<Link> links(String language) throws RepositoryException {
        List<Link> links = new ArrayList<>();
        for (Entry entry : entries()) {
            if (entry.shown()) {
                links.add(new Link(titleIn(entry, language), entry.path().equals(home) ? "/" : entry.path()));
            }
        }
        return links;
    }

    private static String titleIn(Entry entry, String language) {
        if ("en".equals(language) && entry.titleEn() != null) {
            return entry.titleEn();
        }
        if ("en".equals(language) && entry.title() == null && entry.pageTitleEn() != null) {
            return entry.pageTitleEn();
        }
        return entry.title() != null ? entry.title() : entry.pageTitle();
    }

    /**
     * Sets a page's menu titles (blank: the page title) and whether the menu shows it.
     *
     * @throws ValidationException a title longer than {@link #MAX_TITLE}; nothing changed
     */
    public synchronized void set(String path, String title, String titleEn, boolean shown, String user)
            throws ValidationException, RepositoryException {
        Actor.require(Role.Permission.PAGES);
        List<FieldError> errors = new ArrayList<>();
        String vi = trim(title);
        String en = trim(titleEn);
        if (vi != null && vi.length() > MAX_TITLE) {
            errors.add(new FieldError("navigationTitle", "news.validation.tooLong", MAX_TITLE));
        }
        if (en != null && en.length() > MAX_TITLE) {
            errors.add(new FieldError("navigationTitleEn", "news.validation.tooLong", MAX_TITLE));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        // The menu changes at once, for readers and in the page's draft copy alike (publishing the draft later
        // must not bring the old menu titles back).
        for (String workspace : WORKSPACES) {
            sessions.run(workspace, session -> {
                if (!session.nodeExists(path) && workspace.equals(PageDrafts.WORKSPACE)) {
                    return null;
                }
                Node page = topPage(session, path);
                page.setProperty(TITLE, vi);
                page.setProperty(TITLE + "_en", en);
                page.setProperty(HIDDEN, !shown);
                session.save();
                return null;
            });
        }
        audit.record(
                user, AuditTrail.Action.MENU_CHANGE, null, path, (shown ? "" : "hidden ") + (vi == null ? "" : vi));
    }

    /** Moves a page one place earlier ({@code -1}) or later ({@code 1}) in the menu. */
    public synchronized void move(String path, int step, String user) throws RepositoryException {
        Actor.require(Role.Permission.PAGES);
        // Readers' order only: the draft copies' order is not the menu's, and publishing a page keeps its place.
        boolean moved = move(WebsitePages.WORKSPACE, path, step);
        if (moved) {
            audit.record(user, AuditTrail.Action.MENU_CHANGE, null, path, step < 0 ? "up" : "down");
        }
    }

    /** The move among the top-level pages of {@code workspace}. */
    private boolean move(String workspace, String path, int step) throws RepositoryException {
        return sessions.run(workspace, session -> {
            List<Node> pages = topPages(session);
            int at = -1;
            for (int i = 0; i < pages.size(); i++) {
                if (pages.get(i).getPath().equals(path)) {
                    at = i;
                }
            }
            int to = at + step;
            if (at < 0 || to < 0 || to >= pages.size()) {
                return false;
            }
            Node root = session.getRootNode();
            String name = pages.get(at).getName();
            String other = pages.get(to).getName();
            if (step < 0) {
                root.orderBefore(name, other);
            } else {
                root.orderBefore(other, name);
            }
            session.save();
            return true;
        });
    }

    private static List<Node> topPages(Session session) throws RepositoryException {
        List<Node> pages = new ArrayList<>();
        for (NodeIterator it = session.getRootNode().getNodes(); it.hasNext(); ) {
            Node node = it.nextNode();
            if (node.isNodeType("mgnl:page")) {
                pages.add(node);
            }
        }
        return pages;
    }

    private static Node topPage(Session session, String path) throws RepositoryException {
        for (Node page : topPages(session)) {
            if (page.getPath().equals(path)) {
                return page;
            }
        }
        throw new javax.jcr.PathNotFoundException("No top-level page " + path);
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String text(Node node, String name) throws RepositoryException {
        return node.hasProperty(name) ? node.getProperty(name).getString() : null;
    }
}
