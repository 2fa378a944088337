package io.newsroom.news.article;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TimeZone;
import javax.jcr.Node;
import javax.jcr.Property;
import javax.jcr.RepositoryException;
import javax.jcr.Value;
import javax.jcr.nodetype.ConstraintViolationException;

/**
 * Reads and writes the article's properties on a JCR node, with Magnolia's stamps
 * ({@code mgnl:created}, {@code mgnl:lastModified} and their "by" partners).
 */
public final class ArticleNodes {
    public static final String CREATED = "mgnl:created";
    public static final String CREATED_BY = "mgnl:createdBy";
    public static final String LAST_MODIFIED = "mgnl:lastModified";
    public static final String LAST_MODIFIED_BY = "mgnl:lastModifiedBy";
    /** Addresses a published article had before it moved; on the node, so export and import keep them. */
    public static final String FORMER_PATHS = "formerPaths";

    private static final int MAX_FORMER_PATHS = 50;

    private final TimeZone siteZone;

    public ArticleNodes(ZoneId siteZone) {
        this.siteZone = TimeZone.getTimeZone(siteZone);
    }

    public Article read(Node node) throws RepositoryException {
        Instant lastModified = date(node, LAST_MODIFIED);
        return new Article(
                node.getIdentifier(),
                node.getPath(),
                node.getName(),
                string(node, "title"),
                string(node, "lead"),
                string(node, "body"),
                string(node, "image"),
                string(node, "imageAlt"),
                string(node, "imageCaption"),
                string(node, "imageCredit"),
                date(node, "postedDate"),
                string(node, "category"),
                string(node, "author"),
                node.hasProperty("featured") && node.getProperty("featured").getBoolean(),
                node.hasProperty("featuredRank")
                        ? node.getProperty("featuredRank").getLong()
                        : null,
                date(node, "featuredFrom"),
                date(node, "featuredUntil"),
                date(node, "unpublishDate"),
                date(node, CREATED),
                lastModified,
                lastModified == null ? 0L : lastModified.toEpochMilli(),
                string(node, LAST_MODIFIED_BY),
                publication(node),
                date(node, Publication.DELETED),
                translation(node, Translation.ENGLISH));
    }

    /** The article's version in {@code language}, or null when its title there is not set. */
    private static Translation translation(Node node, String language) throws RepositoryException {
        String title = string(node, Translation.property("title", language));
        if (title == null) {
            return null;
        }
        return new Translation(
                language,
                title,
                string(node, Translation.property("lead", language)),
                string(node, Translation.property("body", language)),
                string(node, Translation.property("imageAlt", language)),
                string(node, Translation.property("imageCaption", language)),
                slug(node, language),
                translationPublication(node, language));
    }

    /** The translation's address; one stored without (imported from elsewhere) takes the article's. */
    private static String slug(Node node, String language) throws RepositoryException {
        String slug = string(node, Translation.property(Translation.SLUG, language));
        return slug != null ? slug : node.getName();
    }

    private static Publication translationPublication(Node node, String language) throws RepositoryException {
        String flag = Translation.property(Translation.PUBLISHED, language);
        return new Publication(
                node.hasProperty(flag) && node.getProperty(flag).getBoolean(),
                date(node, Translation.property(Translation.PUBLISHED_AT, language)),
                string(node, Translation.property(Translation.PUBLISHED_BY, language)));
    }

    /** Marks the version in {@code language} published or not, by {@code user} at {@code when}. */
    public void stampTranslation(Node node, String language, boolean published, Instant when, String user)
            throws RepositoryException {
        node.setProperty(Translation.property(Translation.PUBLISHED, language), published);
        setDate(node, Translation.property(Translation.PUBLISHED_AT, language), when);
        node.setProperty(Translation.property(Translation.PUBLISHED_BY, language), user);
    }

    /**
     * Writes the English version of a validated draft; an empty one removes the version (its texts, its
     * address and its state). A published English version whose address changes keeps the old one in
     * {@code formerPaths_en}, as the article keeps its own.
     */
    private void writeEnglish(Node node, TranslationDraft english) throws RepositoryException {
        String language = Translation.ENGLISH;
        if (english.isEmpty()) {
            for (String field : Translation.TEXT_FIELDS) {
                remove(node, Translation.property(field, language));
            }
            for (String field : List.of(
                    Translation.SLUG, Translation.PUBLISHED, Translation.PUBLISHED_AT, Translation.PUBLISHED_BY)) {
                remove(node, Translation.property(field, language));
            }
            return;
        }
        Translation before = translation(node, language);
        if (before != null
                && !before.slug().equals(english.getSlug())
                && (before.publication().published() || before.publication().lastActivated() != null)) {
            addFormer(node, Translation.property(FORMER_PATHS, language), folderOf(node) + before.slug());
        }
        node.setProperty(Translation.property("title", language), english.getTitle());
        node.setProperty(Translation.property("lead", language), english.getLead());
        node.setProperty(Translation.property("body", language), english.getBody());
        node.setProperty(Translation.property("imageAlt", language), english.getImageAlt());
        node.setProperty(Translation.property("imageCaption", language), english.getImageCaption());
        node.setProperty(Translation.property(Translation.SLUG, language), english.getSlug());
    }

    /** The English addresses of a moved article follow it: same slugs, new folder. */
    private static String folderOf(Node node) throws RepositoryException {
        String path = node.getPath();
        return path.substring(0, path.lastIndexOf('/') + 1);
    }

    /** What the archive index keeps of the article: no text, no dates but the posted one. */
    public ArticleSummary summary(Node node) throws RepositoryException {
        return new ArticleSummary(
                node.getIdentifier(),
                date(node, "postedDate"),
                string(node, "category"),
                publication(node).published(),
                node.hasProperty("featured") && node.getProperty("featured").getBoolean(),
                node.hasProperty(Publication.DELETED),
                node.hasProperty(Translation.property("title", Translation.ENGLISH)),
                translationPublication(node, Translation.ENGLISH).published());
    }

    /**
     * Puts the node in the trash the way Magnolia marks a deletion not published yet: the
     * {@code mgnl:deleted} mixin with its date and user. A repository made before 0.2 keeps an older
     * definition of that mixin which cannot sit beside {@code mgnl:content}'s; there the date and user
     * alone mark it (they are what queries and the site look at in both cases).
     */
    public void markDeleted(Node node, Instant when, String user) throws RepositoryException {
        try {
            node.addMixin(Publication.DELETED);
        } catch (ConstraintViolationException olderDefinition) {
            // the properties below still mark it
        }
        setDate(node, Publication.DELETED, when);
        node.setProperty(Publication.DELETED_BY, user);
    }

    /** Adds {@code path} to the node's former addresses (and forgets its current one, if it moved back). */
    public void rememberFormerPath(Node node, String path) throws RepositoryException {
        addFormer(node, FORMER_PATHS, path);
    }

    /** Adds {@code path} to the former addresses of the node's version in {@code language}. */
    public void rememberFormerPath(Node node, String language, String path) throws RepositoryException {
        addFormer(node, Translation.property(FORMER_PATHS, language), path);
    }

    private static void addFormer(Node node, String property, String path) throws RepositoryException {
        LinkedHashSet<String> former = new LinkedHashSet<>();
        if (node.hasProperty(property)) {
            for (Value value : node.getProperty(property).getValues()) {
                former.add(value.getString());
            }
        }
        former.add(path);
        former.remove(node.getPath());
        List<String> kept = new ArrayList<>(former);
        if (kept.size() > MAX_FORMER_PATHS) {
            kept = kept.subList(kept.size() - MAX_FORMER_PATHS, kept.size());
        }
        node.setProperty(property, kept.toArray(String[]::new));
    }

    /** Takes the node out of the trash, as it was. */
    public void unmarkDeleted(Node node) throws RepositoryException {
        remove(node, Publication.DELETED);
        remove(node, Publication.DELETED_BY);
        if (node.isNodeType(Publication.DELETED)) {
            node.removeMixin(Publication.DELETED);
        }
    }

    /** No status stored (an article from before publication existed): published. */
    private static Publication publication(Node node) throws RepositoryException {
        boolean published = !node.hasProperty(Publication.STATUS)
                || node.getProperty(Publication.STATUS).getBoolean();
        return new Publication(
                published, date(node, Publication.LAST_ACTIVATED), string(node, Publication.LAST_ACTIVATED_BY));
    }

    /** Marks the node published or not, as Magnolia's activation does; {@code user} null for a new draft. */
    public void stampPublication(Node node, boolean published, Instant when, String user) throws RepositoryException {
        node.setProperty(Publication.STATUS, published);
        if (user != null) {
            setDate(node, Publication.LAST_ACTIVATED, when);
            node.setProperty(Publication.LAST_ACTIVATED_BY, user);
        }
    }

    /** Writes every property of a validated draft; absent values remove the property. */
    public void write(Node node, ArticleDraft draft) throws RepositoryException {
        node.setProperty("title", draft.getTitle());
        node.setProperty("lead", draft.getLead());
        node.setProperty("body", draft.getBody());
        node.setProperty("image", draft.getImage());
        node.setProperty("imageAlt", draft.getImageAlt());
        node.setProperty("imageCaption", draft.getImageCaption());
        node.setProperty("imageCredit", draft.getImageCredit());
        setDate(node, "postedDate", draft.getPostedDate());
        node.setProperty("category", draft.getCategory());
        node.setProperty("author", draft.getAuthor());
        node.setProperty("featured", draft.isFeatured());
        if (draft.getFeaturedRank() == null) {
            remove(node, "featuredRank");
        } else {
            node.setProperty("featuredRank", draft.getFeaturedRank().longValue());
        }
        setDate(node, "featuredFrom", draft.getFeaturedFrom());
        setDate(node, "featuredUntil", draft.getFeaturedUntil());
        setDate(node, "unpublishDate", draft.getUnpublishDate());
        writeEnglish(node, draft.getEnglish());
    }

    public void stampCreated(Node node, Instant when, String user) throws RepositoryException {
        setDate(node, CREATED, when);
        node.setProperty(CREATED_BY, user);
    }

    public void stampModified(Node node, Instant when, String user) throws RepositoryException {
        setDate(node, LAST_MODIFIED, when);
        node.setProperty(LAST_MODIFIED_BY, user);
    }

    /** A calendar in the site's zone, so exported XML reads as editors think of the time. */
    public Calendar calendar(Instant instant) {
        Calendar calendar = new GregorianCalendar(siteZone);
        calendar.setTimeInMillis(instant.toEpochMilli());
        return calendar;
    }

    private void setDate(Node node, String name, Instant value) throws RepositoryException {
        if (value == null) {
            remove(node, name);
        } else {
            node.setProperty(name, calendar(value));
        }
    }

    /** The article's review, or null when nobody submitted it. */
    public Review review(Node node) throws RepositoryException {
        Review.Status status = Review.Status.of(string(node, Review.STATUS));
        if (status == null) {
            return null;
        }
        return new Review(
                status,
                string(node, Review.SUBMITTED_BY),
                date(node, Review.SUBMITTED_AT),
                string(node, Review.REVIEWED_BY),
                date(node, Review.REVIEWED_AT),
                string(node, Review.COMMENT));
    }

    /** Puts the article in the review queue (again): a comment of an earlier review goes. */
    public void submitForReview(Node node, Instant when, String user) throws RepositoryException {
        node.setProperty(Review.STATUS, Review.Status.SUBMITTED.stored());
        node.setProperty(Review.SUBMITTED_BY, user);
        setDate(node, Review.SUBMITTED_AT, when);
        remove(node, Review.REVIEWED_BY);
        remove(node, Review.REVIEWED_AT);
        remove(node, Review.COMMENT);
    }

    /** An editor's answer to a review: sent back with {@code comment}, or approved (comment null). */
    public void reviewed(Node node, Review.Status status, Instant when, String user, String comment)
            throws RepositoryException {
        node.setProperty(Review.STATUS, status.stored());
        node.setProperty(Review.REVIEWED_BY, user);
        setDate(node, Review.REVIEWED_AT, when);
        node.setProperty(Review.COMMENT, comment);
    }

    /** Clears the unpublish date once it has been carried out, so a later publish by an editor stands. */
    public void clearUnpublishDate(Node node) throws RepositoryException {
        remove(node, "unpublishDate");
    }

    private static void remove(Node node, String name) throws RepositoryException {
        if (node.hasProperty(name)) {
            node.getProperty(name).remove();
        }
    }

    private static String string(Node node, String name) throws RepositoryException {
        return node.hasProperty(name) ? node.getProperty(name).getString() : null;
    }

    private static Instant date(Node node, String name) throws RepositoryException {
        if (!node.hasProperty(name)) {
            return null;
        }
        Property property = node.getProperty(name);
        return property.getDate().toInstant();
    }
}
