package io.newsroom.news.categories;

import io.newsroom.news.article.Actor;
import io.newsroom.news.article.ArticleRepository;
import io.newsroom.news.article.ArticleXPath;
import io.newsroom.news.article.AuditTrail;
import io.newsroom.news.article.FieldError;
import io.newsroom.news.article.JcrSessions;
import io.newsroom.news.article.Role;
import io.newsroom.news.article.Slugs;
import io.newsroom.news.article.ValidationException;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Value;

/**
 * The newsroom's categories as managed content (the {@code category} content type, in {@code news-categories}):
 * a name in each language, a description, and the address made from the Vietnamese name. Articles name their
 * category by that name; renaming a category renames it on its articles and keeps the old address answering
 * with a redirect; a category in use is deleted only by moving its articles into another. Editors manage them.
 */
public final class Categories {
    public static final String WORKSPACE = "news-categories";
    public static final String NODE_TYPE = "news:category";
    static final String NAME = "name";
    static final String NAME_EN = "name_en";
    static final String DESCRIPTION = "description";
    static final String DESCRIPTION_EN = "description_en";
    static final String FORMER_SLUGS = "formerSlugs";
    /** The longest name (as the article editor allows) and description. */
    public static final int MAX_NAME = 100;

    public static final int MAX_DESCRIPTION = 500;

    /** One category; its node is named by its address. */
    public record Category(
            String id,
            String slug,
            String name,
            String nameEn,
            String description,
            String descriptionEn,
            List<String> formerSlugs) {
        /** Its name in {@code language} ("en": the English one when given). */
        public String name(String language) {
            return "en".equals(language) && nameEn != null && !nameEn.isBlank() ? nameEn : name;
        }
    }

    /** What an editor types: the names and descriptions. */
    public record Draft(String name, String nameEn, String description, String descriptionEn) {}

    private final JcrSessions sessions;
    private final ArticleRepository articles;
    private volatile AuditTrail audit = AuditTrail.NONE;
    /** Read once, kept until a change here: the site asks on every category page. */
    private volatile List<Category> cached;

    public Categories(JcrSessions sessions, ArticleRepository articles) {
        this.sessions = sessions;
        this.articles = articles;
    }

    public void auditTo(AuditTrail trail) {
        this.audit = trail;
    }

    /**
     * Makes the list from the categories articles already have, when it is still empty (a site from before
     * categories were managed): nothing an article names is left out. {@code inUse} is asked only then: it
     * reads every article (a million at a start would be seconds of work for nothing).
     */
    public void startFrom(InUse inUse) throws RepositoryException {
        if (!list().isEmpty()) {
            return;
        }
        List<String> names = inUse.names();
        sessions.run(WORKSPACE, session -> {
            for (String name : names) {
                String slug = Slugs.fromTitle(name);
                if (!slug.isEmpty() && !session.getRootNode().hasNode(slug)) {
                    session.getRootNode().addNode(slug, NODE_TYPE).setProperty(NAME, name);
                }
            }
            session.save();
            return null;
        });
        cached = null;
    }

    /** The categories articles have, read when asked. */
    @FunctionalInterface
    public interface InUse {
        List<String> names() throws RepositoryException;
    }

    /** Every category, by Vietnamese name. */
    public List<Category> list() throws RepositoryException {
        List<Category> known = cached;
        if (known == null) {
            known = sessions.run(WORKSPACE, session -> {
                List<Category> all = new ArrayList<>();
                for (NodeIterator nodes = session.getRootNode().getNodes(); nodes.hasNext(); ) {
                    Node node = nodes.nextNode();
                    if (node.isNodeType(NODE_TYPE)) {
                        all.add(read(node));
                    }
                }
                Collator vietnamese = Collator.getInstance(Locale.forLanguageTag("vi"));
                all.sort(Comparator.comparing(Category::name, vietnamese));
                return List.copyOf(all);
            });
            cached = known;
        }
        return known;
    }

    /** Whether {@code name} is a category's (Vietnamese) name. */
    public boolean isCategory(String name) {
        try {
            return list().stream().anyMatch(c -> c.name().equals(name));
        } catch (RepositoryException e) {
            throw new IllegalStateException("Cannot read the categories: " + e.getMessage(), e);
        }
    }

    public Optional<Category> byName(String name) throws RepositoryException {
        return list().stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** How category {@code name} is shown in {@code language}: as it is when it is not managed. */
    public String shownName(String name, String language) {
        try {
            return byName(name).map(c -> c.name(language)).orElse(name);
        } catch (RepositoryException e) {
            return name;
        }
    }

    /** The category that had address {@code slug} before a rename (or a merge): where that address leads now. */
    public Optional<Category> formerlyAt(String slug) throws RepositoryException {
        return list().stream().filter(c -> c.formerSlugs().contains(slug)).findFirst();
    }

    /** How many articles (the trash included) have category {@code name}. */
    public long articlesIn(String name) throws RepositoryException {
        return articles.idsWhere("@category = " + ArticleXPath.stringLiteral(name))
                .size();
    }

    /**
     * Adds a category.
     *
     * @throws ValidationException a missing or too long name, or one whose address another category has
     */
    public Category create(Draft draft, String user) throws ValidationException, RepositoryException {
        Actor.require(Role.Permission.PUBLISH);
        Draft checked = check(draft, null);
        String slug = Slugs.fromTitle(checked.name());
        Category made = sessions.run(WORKSPACE, session -> {
            Node node = session.getRootNode().addNode(slug, NODE_TYPE);
            write(node, checked);
            session.save();
            return read(node);
        });
        cached = null;
        audit.record(user, AuditTrail.Action.CATEGORY_ADD, null, made.name(), null);
        return made;
    }

    /**
     * Changes a category. A new name is given to every article of the category, and the old address is kept
     * to answer with a permanent redirect to the new one.
     */
    public Category update(String id, Draft draft, String user) throws ValidationException, RepositoryException {
        Actor.require(Role.Permission.PUBLISH);
        Category current = byId(id);
        Draft checked = check(draft, current);
        String slug = Slugs.fromTitle(checked.name());
        if (!checked.name().equals(current.name())) {
            articles.replaceCategory(current.name(), checked.name());
        }
        Category changed = sessions.run(WORKSPACE, session -> {
            Node node = session.getNodeByIdentifier(id);
            write(node, checked);
            if (!slug.equals(current.slug())) {
                Set<String> former = new LinkedHashSet<>(current.formerSlugs());
                former.add(current.slug());
                former.remove(slug);
                node.setProperty(FORMER_SLUGS, former.toArray(String[]::new));
                session.move(node.getPath(), "/" + slug);
            }
            session.save();
            return read(node);
        });
        cached = null;
        audit.record(
                user,
                AuditTrail.Action.CATEGORY_SAVE,
                null,
                changed.name(),
                current.name().equals(changed.name()) ? null : current.name() + " -> " + changed.name());
        return changed;
    }

    /**
     * Deletes a category. One that articles have is deleted only with {@code moveTo}, another category that
     * its articles move into (and whose address its old addresses then lead to).
     *
     * @throws ValidationException the category is in use and no other was chosen
     */
    public void delete(String id, String moveTo, String user) throws ValidationException, RepositoryException {
        Actor.require(Role.Permission.PUBLISH);
        Category doomed = byId(id);
        long inUse = articlesIn(doomed.name());
        Category target = moveTo == null ? null : byId(moveTo);
        if (target != null && target.id().equals(doomed.id())) {
            target = null;
        }
        if (inUse > 0 && target == null) {
            throw new ValidationException(List.of(new FieldError("moveTo", "news.admin.categories.inUse", inUse)));
        }
        if (target != null) {
            articles.replaceCategory(doomed.name(), target.name());
        }
        Category into = target;
        sessions.run(WORKSPACE, session -> {
            if (into != null) {
                Node kept = session.getNodeByIdentifier(into.id());
                Set<String> former = new LinkedHashSet<>(into.formerSlugs());
                former.add(doomed.slug());
                former.addAll(doomed.formerSlugs());
                kept.setProperty(FORMER_SLUGS, former.toArray(String[]::new));
            }
            session.getNodeByIdentifier(id).remove();
            session.save();
            return null;
        });
        cached = null;
        audit.record(
                user,
                AuditTrail.Action.CATEGORY_REMOVE,
                null,
                doomed.name(),
                into == null ? null : "-> " + into.name());
    }

    private Category byId(String id) throws RepositoryException {
        return list().stream()
                .filter(c -> c.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new javax.jcr.ItemNotFoundException("No category " + id));
    }

    /** The draft trimmed, or every problem with it. */
    private Draft check(Draft draft, Category current) throws ValidationException, RepositoryException {
        Draft d = new Draft(
                trim(draft.name()), trim(draft.nameEn()), trim(draft.description()), trim(draft.descriptionEn()));
        List<FieldError> errors = new ArrayList<>();
        if (d.name() == null) {
            errors.add(new FieldError("name", "news.validation.required"));
        } else if (d.name().length() > MAX_NAME) {
            errors.add(new FieldError("name", "news.validation.tooLong", MAX_NAME));
        } else if (Slugs.fromTitle(d.name()).isEmpty()) {
            errors.add(new FieldError("name", "news.admin.categories.noAddress"));
        } else {
            String slug = Slugs.fromTitle(d.name());
            for (Category other : list()) {
                if (current != null && other.id().equals(current.id())) {
                    continue;
                }
                if (other.slug().equals(slug) || other.name().equalsIgnoreCase(d.name())) {
                    errors.add(new FieldError("name", "news.admin.categories.taken", other.name(), slug));
                    break;
                }
            }
        }
        if (d.nameEn() != null && d.nameEn().length() > MAX_NAME) {
            errors.add(new FieldError("nameEn", "news.validation.tooLong", MAX_NAME));
        }
        if (d.description() != null && d.description().length() > MAX_DESCRIPTION) {
            errors.add(new FieldError("description", "news.validation.tooLong", MAX_DESCRIPTION));
        }
        if (d.descriptionEn() != null && d.descriptionEn().length() > MAX_DESCRIPTION) {
            errors.add(new FieldError("descriptionEn", "news.validation.tooLong", MAX_DESCRIPTION));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return d;
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static void write(Node node, Draft draft) throws RepositoryException {
        node.setProperty(NAME, draft.name());
        node.setProperty(NAME_EN, draft.nameEn());
        node.setProperty(DESCRIPTION, draft.description());
        node.setProperty(DESCRIPTION_EN, draft.descriptionEn());
    }

    private static Category read(Node node) throws RepositoryException {
        List<String> former = new ArrayList<>();
        if (node.hasProperty(FORMER_SLUGS)) {
            for (Value value : node.getProperty(FORMER_SLUGS).getValues()) {
                former.add(value.getString());
            }
        }
        return new Category(
                node.getIdentifier(),
                node.getName(),
                text(node, NAME),
                text(node, NAME_EN),
                text(node, DESCRIPTION),
                text(node, DESCRIPTION_EN),
                List.copyOf(former));
    }

    private static String text(Node node, String name) throws RepositoryException {
        return node.hasProperty(name) ? node.getProperty(name).getString() : null;
    }
}
