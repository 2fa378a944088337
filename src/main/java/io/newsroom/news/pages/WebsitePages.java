package io.newsroom.news.pages;

import io.newsroom.news.article.Actor;
import io.newsroom.news.article.AuditTrail;
import io.newsroom.news.article.ConflictException;
import io.newsroom.news.article.JcrSessions;
import io.newsroom.news.article.Role;
import io.newsroom.news.definitions.TemplateDefinition;
import io.newsroom.news.definitions.TemplateDefinitions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.jcr.InvalidItemStateException;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.PathNotFoundException;
import javax.jcr.Property;
import javax.jcr.PropertyIterator;
import javax.jcr.PropertyType;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/**
 * The site's pages in the {@code website} workspace as a site builder arranges them: each page's
 * areas (from its template definition) and their components, added, removed, reordered and their
 * settings saved, stored as Magnolia stores them ({@code mgnl:area} and {@code mgnl:component}
 * nodes, the component's template in {@code mgnl:template}, its dialog's values as properties).
 * A component's settings are saved only if nobody saved them since they were read.
 */
public final class WebsitePages {
    /** The workspace Magnolia keeps pages and their components in. */
    public static final String WORKSPACE = "website";
    /** The property naming the template of a page or component, as Magnolia stores it. */
    public static final String TEMPLATE_PROPERTY = "mgnl:template";

    private static final String LAST_MODIFIED = "mgnl:lastModified";

    public record PageInfo(String path, String title, String templateId) {}

    public record ComponentInfo(String path, String templateId, long version, Map<String, Object> values) {}

    public record AreaInfo(String name, List<String> availableComponents, List<ComponentInfo> components) {}

    private final JcrSessions sessions;
    /** The workspace whose pages this changes. */
    private final String workspace;

    private final TemplateDefinitions templates;
    private final Clock clock;

    /** Where page changes are recorded (who, what, when); nothing until the host sets a trail. */
    private volatile AuditTrail audit = AuditTrail.NONE;

    /** Records every page change made through this object in {@code trail}. */
    public void auditTo(AuditTrail trail) {
        this.audit = trail;
    }

    public WebsitePages(JcrSessions sessions, TemplateDefinitions templates, Clock clock) {
        this(sessions, templates, clock, WORKSPACE);
    }

    /** Pages of {@code workspace}: {@code website}, or the site builders' draft copy ({@link PageDrafts#WORKSPACE}). */
    public WebsitePages(JcrSessions sessions, TemplateDefinitions templates, Clock clock, String workspace) {
        this.workspace = workspace;
        this.sessions = sessions;
        this.templates = templates;
        this.clock = clock;
    }

    /** Every page, parents before their children. */
    public List<PageInfo> pages() throws RepositoryException {
        return sessions.run(workspace, session -> {
            List<PageInfo> pages = new ArrayList<>();
            collect(session.getRootNode(), pages);
            return pages;
        });
    }

    private static void collect(Node parent, List<PageInfo> pages) throws RepositoryException {
        for (NodeIterator it = parent.getNodes(); it.hasNext(); ) {
            Node node = it.nextNode();
            if (node.isNodeType("mgnl:page")) {
                pages.add(new PageInfo(
                        node.getPath(), string(node, "title"), string(node, WebsitePages.TEMPLATE_PROPERTY)));
                collect(node, pages);
            }
        }
    }

    /** The page's areas as its template defines them, with the components each holds, in order. */
    public List<AreaInfo> areas(String pagePath) throws RepositoryException {
        return sessions.run(workspace, session -> {
            Node page = page(session, pagePath);
            Map<String, List<String>> defined = templates
                    .byId(string(page, WebsitePages.TEMPLATE_PROPERTY))
                    .map(TemplateDefinition::areas)
                    .orElse(Map.of());
            List<AreaInfo> areas = new ArrayList<>();
            for (Map.Entry<String, List<String>> area : defined.entrySet()) {
                List<ComponentInfo> components = new ArrayList<>();
                if (page.hasNode(area.getKey())) {
                    for (NodeIterator it = page.getNode(area.getKey()).getNodes(); it.hasNext(); ) {
                        Node component = it.nextNode();
                        if (component.isNodeType("mgnl:component")) {
                            components.add(info(component));
                        }
                    }
                }
                areas.add(new AreaInfo(area.getKey(), area.getValue(), components));
            }
            return areas;
        });
    }

    public Optional<ComponentInfo> component(String path) throws RepositoryException {
        return sessions.run(workspace, session -> {
            if (!session.nodeExists(path) || !session.getNode(path).isNodeType("mgnl:component")) {
                return Optional.<ComponentInfo>empty();
            }
            return Optional.of(info(session.getNode(path)));
        });
    }

    /** Adds a component of {@code templateId} at the end of the area, with {@code values}; its path. */
    public synchronized String add(
            String pagePath, String area, String templateId, Map<String, Object> values, String user)
            throws RepositoryException {
        Actor.require(Role.Permission.PAGES);
        String added = sessions.run(workspace, session -> {
            Node page = page(session, pagePath);
            List<String> allowed = templates
                    .byId(string(page, WebsitePages.TEMPLATE_PROPERTY))
                    .map(t -> t.areas().getOrDefault(area, List.of()))
                    .orElse(List.of());
            if (!allowed.contains(templateId)) {
                throw new IllegalArgumentException(templateId + " is not allowed in area " + area + " of " + pagePath);
            }
            Node areaNode = page.hasNode(area) ? page.getNode(area) : page.addNode(area, "mgnl:area");
            int n = 0;
            while (areaNode.hasNode(String.valueOf(n))) {
                n++;
            }
            Node component = areaNode.addNode(String.valueOf(n), "mgnl:component");
            component.setProperty(WebsitePages.TEMPLATE_PROPERTY, templateId);
            write(component, values);
            stamp(component, user);
            session.save();
            return component.getPath();
        });
        audit.record(user, AuditTrail.Action.PAGE_ADD, null, added, templateId);
        return added;
    }

    /** Saves the component's settings if it is still at {@code expectedVersion}; values null are removed. */
    public synchronized ComponentInfo save(String path, long expectedVersion, Map<String, Object> values, String user)
            throws RepositoryException, ConflictException {
        try {
            ComponentInfo saved = sessions.run(workspace, session -> {
                if (!session.nodeExists(path)) {
                    Actor.require(Role.Permission.PAGES);
                    throw new ConflictRefusal(new ConflictException(path, expectedVersion, -1));
                }
                Node component = session.getNode(path);
                long now = version(component);
                if (now != expectedVersion) {
                    throw new ConflictRefusal(new ConflictException(path, expectedVersion, now));
                }
                write(component, values);
                stamp(component, user);
                session.save();
                return info(component);
            });
            audit.record(user, AuditTrail.Action.PAGE_SAVE, null, path, saved.templateId());
            return saved;
        } catch (ConflictRefusal refusal) {
            throw (ConflictException) refusal.getCause();
        } catch (InvalidItemStateException e) {
            throw new ConflictException(path, expectedVersion, -1);
        }
    }

    public synchronized void remove(String path) throws RepositoryException {
        remove(path, null);
    }

    /**
     * Adds a component as {@link #add} does, then puts it at {@code index} of its area (an undo of a
     * removal puts the block back where it was); its path.
     */
    public synchronized String addAt(
            String pagePath, String area, String templateId, Map<String, Object> values, int index, String user)
            throws RepositoryException {
        String path = add(pagePath, area, templateId, values, user);
        sessions.run(workspace, session -> {
            Node component = session.getNode(path);
            Node areaNode = component.getParent();
            List<String> names = new ArrayList<>();
            for (NodeIterator it = areaNode.getNodes(); it.hasNext(); ) {
                names.add(it.nextNode().getName());
            }
            if (index >= 0 && index < names.size() - 1) {
                areaNode.orderBefore(component.getName(), names.get(index));
                session.save();
            }
            return null;
        });
        return path;
    }

    /** Removes the component at {@code path}, as {@code user} did. */
    public synchronized void remove(String path, String user) throws RepositoryException {
        Actor.require(Role.Permission.PAGES);
        String template = sessions.run(workspace, session -> {
            if (session.nodeExists(path) && session.getNode(path).isNodeType("mgnl:component")) {
                String was = string(session.getNode(path), WebsitePages.TEMPLATE_PROPERTY);
                session.getNode(path).remove();
                session.save();
                return was;
            }
            return null;
        });
        if (template != null) {
            audit.record(user, AuditTrail.Action.PAGE_REMOVE, null, path, template);
        }
    }

    /** Moves the component one place up ({@code -1}) or down ({@code 1}) in its area. */
    public synchronized void move(String path, int step) throws RepositoryException {
        move(path, step, null);
    }

    /** Moves the component as {@code move(path, step)}, as {@code user} did. */
    public synchronized void move(String path, int step, String user) throws RepositoryException {
        Actor.require(Role.Permission.PAGES);
        boolean moved = sessions.run(workspace, session -> {
            if (!session.nodeExists(path)) {
                return false;
            }
            Node component = session.getNode(path);
            Node area = component.getParent();
            List<String> names = new ArrayList<>();
            for (NodeIterator it = area.getNodes(); it.hasNext(); ) {
                names.add(it.nextNode().getName());
            }
            int at = names.indexOf(component.getName());
            int to = at + step;
            if (at < 0 || to < 0 || to >= names.size()) {
                return false;
            }
            if (step < 0) {
                area.orderBefore(component.getName(), names.get(to));
            } else {
                area.orderBefore(names.get(to), component.getName());
            }
            session.save();
            return true;
        });
        if (moved) {
            audit.record(user, AuditTrail.Action.PAGE_MOVE, null, path, step < 0 ? "up" : "down");
        }
    }

    /**
     * Moves the component at {@code path} to {@code area} of its page, before the component at {@code before}
     * (null: at the end), as a drag and drop does; another area only when the page's template allows that
     * component there. Returns the component's path after the move.
     *
     * @throws IllegalArgumentException an area the page does not have, or one that does not take the component
     */
    public synchronized String moveTo(String path, String area, String before, String user) throws RepositoryException {
        Actor.require(Role.Permission.PAGES);
        String moved = sessions.run(workspace, session -> {
            if (!session.nodeExists(path) || !session.getNode(path).isNodeType("mgnl:component")) {
                return null;
            }
            Node component = session.getNode(path);
            Node page = component.getParent().getParent();
            List<String> allowed = templates
                    .byId(string(page, WebsitePages.TEMPLATE_PROPERTY))
                    .map(TemplateDefinition::areas)
                    .orElse(Map.of())
                    .get(area);
            if (allowed == null || !allowed.contains(string(component, WebsitePages.TEMPLATE_PROPERTY))) {
                throw new IllegalArgumentException("Area " + area + " of " + page.getPath() + " does not take " + path);
            }
            Node target = page.hasNode(area) ? page.getNode(area) : page.addNode(area, "mgnl:area");
            String name = component.getName();
            if (!component.getParent().isSame(target)) {
                name = freeName(target);
                session.move(path, target.getPath() + "/" + name);
            }
            String beforeName = before == null || !before.startsWith(target.getPath() + "/")
                    ? null
                    : before.substring(target.getPath().length() + 1);
            if (beforeName != null && (beforeName.equals(name) || !target.hasNode(beforeName))) {
                beforeName = null;
            }
            if (beforeName != null || component.getParent().isSame(target)) {
                target.orderBefore(name, beforeName);
            }
            session.save();
            return target.getPath() + "/" + name;
        });
        if (moved != null) {
            audit.record(user, AuditTrail.Action.PAGE_MOVE, null, moved, area);
        }
        return moved;
    }

    /** The first number not taken among {@code area}'s children, as Magnolia names new components (0, 1, 2...). */
    private static String freeName(Node area) throws RepositoryException {
        for (int n = 0; ; n++) {
            if (!area.hasNode(String.valueOf(n))) {
                return String.valueOf(n);
            }
        }
    }

    private static void write(Node component, Map<String, Object> values) throws RepositoryException {
        for (Map.Entry<String, Object> value : values.entrySet()) {
            String name = value.getKey();
            Object v = value.getValue();
            if (v == null || (v instanceof String s && s.isBlank())) {
                if (component.hasProperty(name)) {
                    component.getProperty(name).remove();
                }
            } else if (v instanceof Long l) {
                component.setProperty(name, l);
            } else if (v instanceof Boolean b) {
                component.setProperty(name, b);
            } else {
                component.setProperty(name, String.valueOf(v).strip());
            }
        }
    }

    private void stamp(Node component, String user) throws RepositoryException {
        Calendar now = Calendar.getInstance();
        long millis = Math.max(clock.millis(), version(component) + 1);
        now.setTimeInMillis(millis);
        component.setProperty(LAST_MODIFIED, now);
        component.setProperty("mgnl:lastModifiedBy", user == null ? "" : user);
    }

    private static ComponentInfo info(Node component) throws RepositoryException {
        Map<String, Object> values = new LinkedHashMap<>();
        for (PropertyIterator it = component.getProperties(); it.hasNext(); ) {
            Property property = it.nextProperty();
            if (property.isMultiple()
                    || property.getName().startsWith("jcr:")
                    || property.getName().startsWith("mgnl:")) {
                continue;
            }
            values.put(
                    property.getName(),
                    switch (property.getType()) {
                        case PropertyType.LONG -> property.getLong();
                        case PropertyType.BOOLEAN -> property.getBoolean();
                        default -> property.getString();
                    });
        }
        return new ComponentInfo(
                component.getPath(), string(component, WebsitePages.TEMPLATE_PROPERTY), version(component), values);
    }

    private static long version(Node node) throws RepositoryException {
        return node.hasProperty(LAST_MODIFIED)
                ? node.getProperty(LAST_MODIFIED).getDate().getTimeInMillis()
                : 0L;
    }

    private static Node page(Session session, String path) throws RepositoryException {
        if (path == null
                || !path.startsWith("/")
                || !session.nodeExists(path)
                || !session.getNode(path).isNodeType("mgnl:page")) {
            throw new PathNotFoundException("No page at " + path);
        }
        return session.getNode(path);
    }

    private static String string(Node node, String name) throws RepositoryException {
        return node.hasProperty(name) ? node.getProperty(name).getString() : null;
    }

    /** Carries a conflict out of a unit of work, which may throw only RepositoryException. */
    private static final class ConflictRefusal extends RuntimeException {
        ConflictRefusal(ConflictException conflict) {
            super(conflict.getMessage(), conflict, false, false);
        }
    }
}
