package io.newsroom.news.article;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.UUID;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.query.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who did what and when in the admin app: sign-ins (and failed ones), article changes, publishing,
 * the trash, the featured order and page changes. Kept apart from content in a workspace of its own
 * ({@code news-audit}, shared by cluster nodes like the others), one node per entry under a folder per
 * day (UTC), so that entries older than the retention go by whole days. Entries are only ever added:
 * nothing in the app edits or deletes one (the retention purge aside). It lives beside the repository
 * whose writes it records (the article repository, publishing and the pages record into it).
 */
public final class AuditTrail {
    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
    public static final String WORKSPACE = "news-audit";
    /** Kept a little over a year: a year's reports can still be checked against it. */
    public static final int RETENTION_DAYS = 400;

    /** What was done; each has a label in both languages. */
    public enum Action {
        SIGN_IN("news.audit.action.signIn"),
        SIGN_IN_FAILED("news.audit.action.signInFailed"),
        PASSWORD_CHANGED("news.audit.action.passwordChanged"),
        USER_ADDED("news.audit.action.userAdded"),
        PASSWORD_RESET("news.audit.action.passwordReset"),
        USER_DISABLED("news.audit.action.userDisabled"),
        USER_ENABLED("news.audit.action.userEnabled"),
        ROLE_CHANGED("news.audit.action.roleChanged"),
        CREATE("news.audit.action.create"),
        SAVE("news.audit.action.save"),
        PUBLISH("news.audit.action.publish"),
        SCHEDULE("news.audit.action.schedule"),
        UNPUBLISH("news.audit.action.unpublish"),
        TRASH("news.audit.action.trash"),
        RESTORE("news.audit.action.restore"),
        DELETE_FOREVER("news.audit.action.deleteForever"),
        RESTORE_VERSION("news.audit.action.restoreVersion"),
        SUBMIT_FOR_REVIEW("news.audit.action.submitForReview"),
        SEND_BACK("news.audit.action.sendBack"),
        FEATURED_ORDER("news.audit.action.featuredOrder"),
        PAGE_ADD("news.audit.action.pageAdd"),
        PAGE_SAVE("news.audit.action.pageSave"),
        PAGE_REMOVE("news.audit.action.pageRemove"),
        PAGE_MOVE("news.audit.action.pageMove"),
        CATEGORY_ADD("news.audit.action.categoryAdd"),
        CATEGORY_SAVE("news.audit.action.categorySave"),
        CATEGORY_REMOVE("news.audit.action.categoryRemove"),
        MENU_CHANGE("news.audit.action.menuChange"),
        PAGE_CREATE("news.audit.action.pageCreate"),
        PAGE_DELETE("news.audit.action.pageDelete"),
        PUBLISH_ENGLISH("news.audit.action.publishEnglish"),
        UNPUBLISH_ENGLISH("news.audit.action.unpublishEnglish"),
        PAGE_PUBLISH("news.audit.action.pagePublish"),
        PAGE_DISCARD("news.audit.action.pageDiscard");

        private final String messageKey;

        Action(String messageKey) {
            this.messageKey = messageKey;
        }

        /** Its label's key, written out so that the bundle check finds it in use. */
        public String messageKey() {
            return messageKey;
        }
    }

    /** One entry: when, who, what, on which item (its id and its title or path then), and a detail. */
    public record Entry(Instant at, String user, Action action, String targetId, String target, String detail) {}

    /** What to look for: any of the parts may be null (no condition). */
    public record Filter(Instant from, Instant until, String user, Action action) {
        public static final Filter ALL = new Filter(null, null, null, null);
    }

    /** Writes nothing: for hosts and tests without a trail. */
    public static final AuditTrail NONE = new AuditTrail(null, Clock.systemUTC());

    private final JcrSessions sessions;
    private final Clock clock;

    public AuditTrail(JcrSessions sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    /**
     * Adds an entry. A trail that cannot be written is logged as an error, not thrown: the change it
     * describes has already happened.
     */
    public void record(String user, Action action, String targetId, String target, String detail) {
        if (sessions == null) {
            return;
        }
        Instant now = clock.instant();
        try {
            sessions.run(WORKSPACE, session -> {
                String day = LocalDate.ofInstant(now, ZoneOffset.UTC).toString();
                Node root = session.getRootNode();
                Node folder = root.hasNode(day) ? root.getNode(day) : root.addNode(day, "nt:unstructured");
                Node entry = folder.addNode(
                        now.toEpochMilli() + "-" + UUID.randomUUID().toString().substring(0, 8), "nt:unstructured");
                Calendar at = Calendar.getInstance();
                at.setTimeInMillis(now.toEpochMilli());
                entry.setProperty("at", at);
                entry.setProperty("user", user == null ? "" : user);
                entry.setProperty("action", action.name());
                entry.setProperty("targetId", targetId == null ? "" : targetId);
                entry.setProperty("target", target == null ? "" : target);
                entry.setProperty("detail", detail == null ? "" : detail);
                session.save();
                return null;
            });
        } catch (RepositoryException | RuntimeException e) {
            LOG.error("The audit trail could not record {} by {} on {}: {}", action, user, targetId, e.toString());
        }
    }

    /** The entries that match, newest first, at most {@code limit}. */
    public List<Entry> find(Filter filter, int limit) throws RepositoryException {
        Actor.require(Role.Permission.AUDIT);
        if (sessions == null) {
            return List.of();
        }
        StringBuilder where = new StringBuilder("@action");
        if (filter.from() != null) {
            where.append(" and @at >= ").append(ArticleXPath.literal(filter.from()));
        }
        if (filter.until() != null) {
            where.append(" and @at < ").append(ArticleXPath.literal(filter.until()));
        }
        if (filter.user() != null && !filter.user().isBlank()) {
            where.append(" and @user = ").append(ArticleXPath.stringLiteral(filter.user()));
        }
        if (filter.action() != null) {
            where.append(" and @action = ")
                    .append(ArticleXPath.stringLiteral(filter.action().name()));
        }
        return sessions.run(WORKSPACE, session -> {
            Query query = session.getWorkspace()
                    .getQueryManager()
                    .createQuery(
                            "/jcr:root/*/element(*, nt:unstructured)[" + where + "] order by @at descending", "xpath");
            query.setLimit(limit);
            List<Entry> found = new ArrayList<>();
            for (NodeIterator it = query.execute().getNodes(); it.hasNext(); ) {
                Node n = it.nextNode();
                Action action;
                try {
                    action = Action.valueOf(n.getProperty("action").getString());
                } catch (IllegalArgumentException unknown) {
                    continue;
                }
                found.add(new Entry(
                        n.getProperty("at").getDate().toInstant(),
                        n.getProperty("user").getString(),
                        action,
                        n.getProperty("targetId").getString(),
                        n.getProperty("target").getString(),
                        n.getProperty("detail").getString()));
            }
            return found;
        });
    }

    /** The people named in the trail (for a filter's choices), sorted. */
    public List<String> users() throws RepositoryException {
        return find(Filter.ALL, 5_000).stream()
                .map(Entry::user)
                .filter(u -> !u.isBlank())
                .distinct()
                .sorted()
                .toList();
    }

    /** Removes the days before {@code retentionDays} ago (whole day folders); how many days went. */
    public int purge(int retentionDays) throws RepositoryException {
        if (sessions == null) {
            return 0;
        }
        String oldestKept = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
                .minusDays(retentionDays)
                .toString();
        return sessions.run(WORKSPACE, session -> {
            int removed = 0;
            for (NodeIterator it = session.getRootNode().getNodes(); it.hasNext(); ) {
                Node day = it.nextNode();
                // Day folders are named yyyy-mm-dd, so their names sort as their dates do.
                if (day.getName().matches("\\d{4}-\\d{2}-\\d{2}")
                        && day.getName().compareTo(oldestKept) < 0) {
                    day.remove();
                    removed++;
                }
            }
            session.save();
            return removed;
        });
    }
}
