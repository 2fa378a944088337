package io.newsroom.news.publishing;

import io.newsroom.news.article.Actor;
import io.newsroom.news.article.Article;
import io.newsroom.news.article.ArticleDraft;
import io.newsroom.news.article.ArticleNodes;
import io.newsroom.news.article.ArticleNotFoundException;
import io.newsroom.news.article.ArticleRepository;
import io.newsroom.news.article.ArticleXPath;
import io.newsroom.news.article.AuditTrail;
import io.newsroom.news.article.ConflictException;
import io.newsroom.news.article.Publication;
import io.newsroom.news.article.Review;
import io.newsroom.news.article.Role;
import io.newsroom.news.article.Translation;
import io.newsroom.news.article.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.jcr.RepositoryException;

/**
 * An article's way to readers and back: publish (keeping a version where this host keeps them),
 * unpublish, restore a kept version, the trash and its purge. Stored as Magnolia stores activation
 * and pending deletion, on the article node, through {@link ArticleRepository}'s writes.
 */
public final class Publishing {
    private final ArticleRepository articles;
    private final ArticleNodes nodes;
    private final Clock clock;
    /** Where publishing keeps versions; none in a host that versions content itself (Magnolia). */
    private final ArticleVersions versions;

    public Publishing(ArticleRepository articles, Clock clock, ArticleVersions versions) {
        this.articles = articles;
        this.nodes = new ArticleNodes(articles.siteZone());
        this.clock = clock;
        this.versions = versions;
        if (versions != null) {
            // An article deleted for ever takes its history with it.
            articles.onRemoved(ids -> {
                for (String id : ids) {
                    versions.forget(id);
                }
            });
        }
    }

    /** Where publishing is recorded (who, what, when); nothing until the host sets a trail. */
    private volatile AuditTrail audit = AuditTrail.NONE;

    /** Records every publishing step made through this object in {@code trail}. */
    public void auditTo(AuditTrail trail) {
        this.audit = trail;
    }

    /** The history of articles; empty when this host keeps none. */
    public Optional<ArticleVersions> versions() {
        return Optional.ofNullable(versions);
    }

    /**
     * Publishes the article: readers see it once its posted date has come, and its later edits are live
     * on save. Stored as Magnolia stores activation (status, when, by whom); the article's version does
     * not change, so an editor with the form open can still save.
     */
    public Article publish(String id, String user) throws ArticleNotFoundException, RepositoryException {
        return publish(id, user, null);
    }

    /** Publishes and, where versions are kept, keeps the published state as a version with {@code comment}. */
    public Article publish(String id, String user, String comment)
            throws ArticleNotFoundException, RepositoryException {
        Actor.require(Role.Permission.PUBLISH);
        Article published = setPublished(id, true, user);
        if (versions != null) {
            versions.save(id, user, comment);
        }
        // A posted date still to come: readers see it then, so the trail says it was scheduled.
        boolean scheduled =
                published.postedDate() != null && published.postedDate().isAfter(clock.instant());
        audit.record(
                user,
                scheduled ? AuditTrail.Action.SCHEDULE : AuditTrail.Action.PUBLISH,
                id,
                published.title(),
                scheduled ? published.postedDate().toString() : comment);
        return published;
    }

    /** Takes the article off the site: a draft again, kept with everything it had. */
    public Article unpublish(String id, String user) throws ArticleNotFoundException, RepositoryException {
        Actor.require(Role.Permission.PUBLISH);
        Article unpublished = setPublished(id, false, user);
        audit.record(user, AuditTrail.Action.UNPUBLISH, id, unpublished.title(), null);
        return unpublished;
    }

    /**
     * Publishes the article's English version: readers of the English site see it (once the article's
     * posted date has come), whatever the state of the Vietnamese one. An article without an English
     * version is refused on the English title.
     */
    public Article publishEnglish(String id, String user)
            throws ArticleNotFoundException, ValidationException, RepositoryException {
        return setEnglishPublished(id, true, user);
    }

    /** Takes the English version off the English site; the Vietnamese one stays as it is. */
    public Article unpublishEnglish(String id, String user)
            throws ArticleNotFoundException, ValidationException, RepositoryException {
        return setEnglishPublished(id, false, user);
    }

    private Article setEnglishPublished(String id, boolean published, String user)
            throws ArticleNotFoundException, ValidationException, RepositoryException {
        Actor.require(Role.Permission.PUBLISH);
        Article current = articles.findById(id).orElseThrow(() -> new ArticleNotFoundException(id));
        if (current.english() == null) {
            throw new ValidationException(
                    List.of(new io.newsroom.news.article.FieldError("english.title", "news.validation.noEnglish")));
        }
        Article changed = articles.change(
                id, node -> nodes.stampTranslation(node, Translation.ENGLISH, published, clock.instant(), user));
        audit.record(
                user,
                published ? AuditTrail.Action.PUBLISH_ENGLISH : AuditTrail.Action.UNPUBLISH_ENGLISH,
                id,
                changed.english().title(),
                null);
        return changed;
    }

    private Article setPublished(String id, boolean published, String user)
            throws ArticleNotFoundException, RepositoryException {
        return articles.change(id, node -> {
            nodes.stampPublication(node, published, clock.instant(), user);
            Review review = nodes.review(node);
            if (published && review != null && review.status() != Review.Status.APPROVED) {
                // Publishing (or scheduling) an article in review is the editor's approval.
                nodes.reviewed(node, Review.Status.APPROVED, clock.instant(), user, null);
            }
        });
    }

    /**
     * Makes a kept version the article's current text again, if the article is still at
     * {@code expectedVersion}. Nothing is lost: the current state is kept as a version first (with
     * {@code keptComment}). The address (slug and posted date) stays, so no link breaks.
     */
    public Article restoreVersion(String id, long expectedVersion, String versionName, String user, String keptComment)
            throws ArticleNotFoundException, ConflictException, ValidationException, RepositoryException {
        Actor.require(Role.Permission.PUBLISH);
        if (versions == null) {
            throw new ArticleNotFoundException(id);
        }
        ArticleVersion version =
                versions.find(id, versionName).orElseThrow(() -> new ArticleNotFoundException(id + " " + versionName));
        Article current = articles.findById(id).orElseThrow(() -> new ArticleNotFoundException(id));
        if (current.version() != expectedVersion) {
            throw new ConflictException(id, expectedVersion, current.version());
        }
        versions.save(id, user, keptComment);
        ArticleDraft draft = version.content().toDraft();
        draft.setName(current.name());
        draft.setPostedDate(current.postedDate());
        Article restored = articles.update(id, expectedVersion, draft, user);
        audit.record(user, AuditTrail.Action.RESTORE_VERSION, id, restored.title(), versionName);
        return restored;
    }

    /**
     * Moves the article to the trash: readers no longer see it, editors can restore it. Marked with
     * Magnolia's {@code mgnl:deleted} mixin, as Magnolia marks a deletion until it is published.
     */
    public Article trash(String id, String user) throws ArticleNotFoundException, RepositoryException {
        Actor.require(Role.Permission.PUBLISH);
        Article trashed = articles.change(id, node -> {
            if (!node.hasProperty(Publication.DELETED)) {
                nodes.markDeleted(node, clock.instant(), user);
            }
        });
        audit.record(user, AuditTrail.Action.TRASH, id, trashed.title(), null);
        return trashed;
    }

    /** Takes the article out of the trash, with the state it had. */
    public Article restore(String id) throws ArticleNotFoundException, RepositoryException {
        return restore(id, null);
    }

    /** Takes the article out of the trash, as {@code user} did. */
    public Article restore(String id, String user) throws ArticleNotFoundException, RepositoryException {
        Actor.require(Role.Permission.PUBLISH);
        Article restored = articles.change(id, nodes::unmarkDeleted);
        audit.record(user, AuditTrail.Action.RESTORE, id, restored.title(), null);
        return restored;
    }

    /**
     * Carries out the unpublish dates that have come by {@code now}: each such article is unpublished
     * (by {@code user}, the scheduler) and its date cleared, so an editor who publishes it again later is
     * not undone. Readers stop seeing it at the date itself ({@link Article#isVisibleAt}); this makes the
     * lists, the feed and the admin say so too. Done from the stored dates, so a restart misses nothing.
     * Returns the identifiers unpublished.
     */
    public List<String> unpublishDue(Instant now, String user) throws RepositoryException {
        List<String> done = new ArrayList<>();
        for (String id : articles.idsWhere("@unpublishDate <= " + ArticleXPath.literal(now))) {
            try {
                Article after = articles.change(id, node -> {
                    boolean published = nodes.read(node).publication().published();
                    nodes.clearUnpublishDate(node);
                    if (published) {
                        nodes.stampPublication(node, false, clock.instant(), user);
                    }
                });
                audit.record(user, AuditTrail.Action.UNPUBLISH, id, after.title(), "unpublishDate");
                done.add(id);
            } catch (ArticleNotFoundException deletedMeanwhile) {
                // Nothing left to unpublish.
            }
        }
        return done;
    }

    /** Deletes for ever what has been in the trash since before {@code cutoff}; how many. */
    public int purgeTrash(Instant cutoff) throws RepositoryException {
        List<String> purged = articles.removeWhere("@" + Publication.DELETED + " < " + ArticleXPath.literal(cutoff));
        return purged.size();
    }
}
