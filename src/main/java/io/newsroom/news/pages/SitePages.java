package io.newsroom.news.pages;

import io.newsroom.news.article.Actor;
import io.newsroom.news.article.AuditTrail;
import io.newsroom.news.article.FieldError;
import io.newsroom.news.article.JcrSessions;
import io.newsroom.news.article.Role;
import io.newsroom.news.article.Slugs;
import io.newsroom.news.article.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Value;

/**
 * Pages site builders make and delete: a new top-level page of the website from a page template (its
 * blocks are then added on the Pages screen), and its deletion. The site's own pages (the start page and
 * the news section) stay. A deleted page's address answers {@code 410 Gone}: readers and search engines
 * learn that it is gone for good, not mislaid.
 */
public final class SitePages {
    /**
     * The templates a new page may have: the news page (home and archive layout: news blocks, lists) and the
     * plain content page (text blocks beside news blocks).
     */
    public static final List<String> NEW_PAGE_TEMPLATES = List.of("news:pages/home", "news:pages/content");
    /** Where the addresses of deleted pages are kept: a property of the workspace's root. */
    static final String REMOVED = "removedPages";
    /** The longest page title. */
    public static final int MAX_TITLE = 100;

    private final JcrSessions sessions;
    /** Pages the site cannot do without (start page, news section) and addresses the site answers itself. */
    private final Set<String> kept;

    private volatile AuditTrail audit = AuditTrail.NONE;

    public SitePages(JcrSessions sessions, Set<String> kept) {
        this.sessions = sessions;
        this.kept = Set.copyOf(kept);
    }

    public void auditTo(AuditTrail trail) {
        this.audit = trail;
    }

    /**
     * Makes a top-level page at {@code /<name>} ({@code name} blank: made from the title) with {@code template}.
     *
     * @return its path
     * @throws ValidationException a missing or too long title, an address that is taken or not one, a template
     *     not offered; nothing made
     */
    public synchronized String create(String title, String titleEn, String name, String template, String user)
            throws ValidationException, RepositoryException {
        return create(null, title, titleEn, name, template, user);
    }

    /**
     * The top-level pages a new page may go below ({@code /gioi-thieu/lich-su}): every one but the news
     * section, whose addresses are its categories' ({@code /news/<category>}).
     */
    public List<String> parents() throws RepositoryException {
        return sessions.run(PageDrafts.WORKSPACE, session -> {
            List<String> parents = new ArrayList<>();
            for (javax.jcr.NodeIterator it = session.getRootNode().getNodes(); it.hasNext(); ) {
                Node page = it.nextNode();
                if (page.isNodeType("mgnl:page") && !page.getPath().equals(NEWS_SECTION)) {
                    parents.add(page.getPath());
                }
            }
            return parents;
        });
    }

    /** The news section: its addresses below it are the categories'; no page is made there. */
    static final String NEWS_SECTION = "/news";

    /**
     * Makes a page below {@code parent} (a top-level page; null or blank: at the top level) at
     * {@code <parent>/<name>}. Its address is checked among that parent's pages.
     */
    public synchronized String create(
            String parent, String title, String titleEn, String name, String template, String user)
            throws ValidationException, RepositoryException {
        Actor.require(Role.Permission.PAGES);
        String under = parent == null || parent.isBlank() || parent.equals("/") ? "" : parent;
        String vi = title == null ? "" : title.strip();
        String en = titleEn == null || titleEn.isBlank() ? null : titleEn.strip();
        String slug = name == null || name.isBlank() ? Slugs.fromTitle(vi) : name.strip();
        List<FieldError> errors = new ArrayList<>();
        if (vi.isEmpty()) {
            errors.add(new FieldError("title", "news.validation.required"));
        } else if (vi.length() > MAX_TITLE) {
            errors.add(new FieldError("title", "news.validation.tooLong", MAX_TITLE));
        }
        if (en != null && en.length() > MAX_TITLE) {
            errors.add(new FieldError("titleEn", "news.validation.tooLong", MAX_TITLE));
        }
        if (!under.isEmpty() && !parents().contains(under)) {
            errors.add(new FieldError("parent", "news.admin.pages.noSuchParent", under));
        }
        if (!Slugs.isValid(slug)) {
            errors.add(new FieldError("name", "news.validation.slug", Slugs.MAX_LENGTH));
        } else if (kept.contains(under + "/" + slug) || taken(under + "/" + slug)) {
            errors.add(new FieldError("name", "news.admin.pages.addressTaken", under + "/" + slug));
        }
        if (!NEW_PAGE_TEMPLATES.contains(template)) {
            errors.add(new FieldError("template", "news.admin.pages.unknownTemplate"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        String path = under + "/" + slug;
        // Made in the site builders' draft copy: readers get it once it is published.
        sessions.run(PageDrafts.WORKSPACE, session -> {
            Node page = (under.isEmpty() ? session.getRootNode() : session.getNode(under)).addNode(slug, "mgnl:page");
            page.setProperty(WebsitePages.TEMPLATE_PROPERTY, template);
            page.setProperty("title", vi);
            page.setProperty("title_en", en);
            session.save();
            return null;
        });
        sessions.run(WebsitePages.WORKSPACE, session -> {
            // A page made again at a deleted page's address is no longer gone.
            Set<String> removed = removed(session.getRootNode());
            if (removed.remove(path)) {
                session.getRootNode().setProperty(REMOVED, removed.toArray(String[]::new));
                session.save();
            }
            return null;
        });
        audit.record(user, AuditTrail.Action.PAGE_CREATE, null, path, template);
        return path;
    }

    /** A page readers have, or one made and not published yet, at that address. */
    private boolean taken(String path) throws RepositoryException {
        return sessions.run(WebsitePages.WORKSPACE, session -> session.nodeExists(path))
                || sessions.run(PageDrafts.WORKSPACE, session -> session.nodeExists(path));
    }

    /**
     * Whether the page at {@code path} may be deleted: one that is not the site's own (its start page, the
     * news section and the pages in it).
     */
    public boolean deletable(String path) {
        return path != null
                && path.startsWith("/")
                && !kept.contains(path)
                && !path.startsWith(NEWS_SECTION + "/")
                && path.chars().filter(c -> c == '/').count() <= 2;
    }

    /**
     * Deletes a top-level page and its blocks; its address then answers 410.
     *
     * @throws IllegalArgumentException for a page the site needs or one that is not top-level
     */
    public synchronized void delete(String path, String user) throws RepositoryException {
        Actor.require(Role.Permission.PAGES);
        if (!deletable(path)) {
            throw new IllegalArgumentException("This page cannot be deleted: " + path);
        }
        // Its draft copy goes too; readers' copy, if it was ever published, leaves its address answering 410.
        boolean draft = sessions.run(PageDrafts.WORKSPACE, session -> {
            if (!session.nodeExists(path) || !session.getNode(path).isNodeType("mgnl:page")) {
                return false;
            }
            session.getNode(path).remove();
            session.save();
            return true;
        });
        boolean live = sessions.run(WebsitePages.WORKSPACE, session -> {
            if (!session.nodeExists(path) || !session.getNode(path).isNodeType("mgnl:page")) {
                return false;
            }
            Set<String> removed = removed(session.getRootNode());
            // Its subpages go with it, and their addresses answer 410 too.
            pagesAt(session.getNode(path), removed);
            session.getNode(path).remove();
            session.getRootNode().setProperty(REMOVED, removed.toArray(String[]::new));
            session.save();
            return true;
        });
        boolean deleted = draft || live;
        if (deleted) {
            audit.record(user, AuditTrail.Action.PAGE_DELETE, null, path, null);
        }
    }

    private static void pagesAt(Node page, Set<String> into) throws RepositoryException {
        into.add(page.getPath());
        for (javax.jcr.NodeIterator it = page.getNodes(); it.hasNext(); ) {
            Node child = it.nextNode();
            if (child.isNodeType("mgnl:page")) {
                pagesAt(child, into);
            }
        }
    }

    /** Whether {@code path} is the address of a page that was deleted. */
    public boolean isGone(String path) throws RepositoryException {
        return sessions.run(
                WebsitePages.WORKSPACE,
                session -> removed(session.getRootNode()).contains(path));
    }

    private static Set<String> removed(Node root) throws RepositoryException {
        Set<String> removed = new LinkedHashSet<>();
        if (root.hasProperty(REMOVED)) {
            for (Value value : root.getProperty(REMOVED).getValues()) {
                removed.add(value.getString());
            }
        }
        return removed;
    }
}
