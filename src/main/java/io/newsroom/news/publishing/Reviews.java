package io.newsroom.news.publishing;

import io.newsroom.news.article.Actor;
import io.newsroom.news.article.Article;
import io.newsroom.news.article.ArticleNodes;
import io.newsroom.news.article.ArticleNotFoundException;
import io.newsroom.news.article.ArticleRepository;
import io.newsroom.news.article.ArticleXPath;
import io.newsroom.news.article.AuditTrail;
import io.newsroom.news.article.FieldError;
import io.newsroom.news.article.Review;
import io.newsroom.news.article.Role;
import io.newsroom.news.article.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.jcr.RepositoryException;

/**
 * Review before publishing, as a newsroom works: a reporter submits a draft, editors see the queue and
 * either publish it ({@link Publishing#publish} approves it) or send it back with a comment; the reporter
 * sees the outcome and may submit again. Who may do what is checked here, for the request's {@link Actor}.
 */
public final class Reviews {
    /** An article in review, with its title for the lists. */
    public record Item(String articleId, String title, Review review) {}

    private final ArticleRepository articles;
    private final ArticleNodes nodes;
    private final Clock clock;
    private volatile AuditTrail audit = AuditTrail.NONE;

    public Reviews(ArticleRepository articles, Clock clock) {
        this.articles = articles;
        this.nodes = new ArticleNodes(articles.siteZone());
        this.clock = clock;
    }

    /** Records every submission and sending back in {@code trail}. */
    public void auditTo(AuditTrail trail) {
        this.audit = trail;
    }

    /**
     * Puts a draft in the editors' queue. Only someone who may edit it (a reporter: their own draft) may;
     * a published article is not reviewed (its edits are live).
     *
     * @throws IllegalStateException when the article is published or in the trash
     */
    public Review submit(String id, String user) throws ArticleNotFoundException, RepositoryException {
        Actor.require(Role.Permission.WRITE_DRAFTS);
        Article article = articles.changeEditable(id, node -> {
            Article current = nodes.read(node);
            if (current.publication().published() || current.isTrashed()) {
                throw new IllegalStateException("Only a draft is submitted for review: " + id);
            }
            nodes.submitForReview(node, clock.instant(), user);
        });
        audit.record(user, AuditTrail.Action.SUBMIT_FOR_REVIEW, id, article.title(), null);
        return of(id).orElseThrow();
    }

    /**
     * Sends an article waiting for review back to its reporter with {@code comment} (required: the
     * reporter must know what to change).
     *
     * @throws ValidationException   an empty or too long comment; nothing changed
     * @throws IllegalStateException the article is not waiting for review (sent back or published meanwhile)
     */
    public Review sendBack(String id, String user, String comment)
            throws ArticleNotFoundException, ValidationException, RepositoryException {
        Actor.require(Role.Permission.PUBLISH);
        String text = comment == null ? "" : comment.strip();
        if (text.isEmpty()) {
            throw new ValidationException(List.of(new FieldError("reviewComment", "news.review.commentRequired")));
        }
        if (text.length() > Review.MAX_COMMENT) {
            throw new ValidationException(
                    List.of(new FieldError("reviewComment", "news.validation.tooLong", Review.MAX_COMMENT)));
        }
        Article article = articles.change(id, node -> {
            Review review = nodes.review(node);
            if (review == null || review.status() != Review.Status.SUBMITTED) {
                throw new IllegalStateException("Not waiting for review: " + id);
            }
            nodes.reviewed(node, Review.Status.RETURNED, clock.instant(), user, text);
        });
        audit.record(user, AuditTrail.Action.SEND_BACK, id, article.title(), text);
        return of(id).orElseThrow();
    }

    /** The article's review; empty when it was never submitted (or does not exist). */
    public Optional<Review> of(String id) throws RepositoryException {
        return articles.findById(id, node -> Optional.ofNullable(nodes.review(node)))
                .flatMap(review -> review);
    }

    /** What editors have to review, the longest waiting first; empty for whoever may not publish. */
    public List<Item> queue() throws RepositoryException {
        if (!Actor.may(Role.Permission.PUBLISH)) {
            return List.of();
        }
        return items(
                "@" + Review.STATUS + " = " + ArticleXPath.stringLiteral(Review.Status.SUBMITTED.stored()),
                Comparator.comparing(item -> item.review().submittedAt(), Comparator.nullsFirst(Instant::compareTo)),
                Integer.MAX_VALUE);
    }

    /** What {@code user} submitted, the latest first, at most {@code limit}: where a reporter reads the outcome. */
    public List<Item> submittedBy(String user, int limit) throws RepositoryException {
        return items(
                "@" + Review.SUBMITTED_BY + " = " + ArticleXPath.stringLiteral(user),
                Comparator.comparing((Item item) -> latest(item.review()), Comparator.nullsLast(Instant::compareTo))
                        .reversed(),
                limit);
    }

    private static Instant latest(Review review) {
        return review.reviewedAt() != null ? review.reviewedAt() : review.submittedAt();
    }

    /** Articles outside the trash matching {@code predicate}, in {@code order}. */
    private List<Item> items(String predicate, Comparator<Item> order, int limit) throws RepositoryException {
        List<String> ids = articles.idsWhere(predicate + " and not(@mgnl:deleted)");
        return articles
                .findAllById(ids, node -> new Item(node.getIdentifier(), title(node), nodes.review(node)))
                .stream()
                .filter(item -> item.review() != null)
                .sorted(order)
                .limit(limit)
                .toList();
    }

    private static String title(javax.jcr.Node node) throws RepositoryException {
        return node.hasProperty("title") ? node.getProperty("title").getString() : node.getName();
    }
}
