package io.newsroom.news.views;

import io.newsroom.news.article.JcrSessions;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;
import javax.jcr.InvalidItemStateException;
import javax.jcr.ItemExistsException;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.PathNotFoundException;
import javax.jcr.Property;
import javax.jcr.PropertyIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.query.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * View counts in the {@code news-stats} workspace, never on the article: one counter node per
 * article identifier ({@code /views/ab/<id>}) with its {@code total} and one property per day
 * ({@code d20261126}), and per instance a journal mark saying up to where its journal is held. A
 * save adds deltas to what is stored; when another writer got there first it re-reads and adds
 * again, so nothing is lost or counted twice.
 * <p>
 * Only node types that exist before any Magnolia module starts are used (Magnolia registers a
 * module's node type file before the content types module has made the {@code news} namespace):
 * folders are JCR's {@code nt:folder}, which allows no same-name siblings, so two writers
 * creating the same counter conflict instead of silently making {@code a17} and {@code a17[2]};
 * counters and marks are Magnolia's {@code mgnl:contentNode} (any property, a hierarchy node as
 * {@code nt:folder} requires). Each counter is created together with its {@code total} and every
 * flush changes that existing property, so concurrent writers always see the conflict.
 */
public final class StatsStore {
    static final String ROOT = "views";
    static final String MARKS = "journals";
    static final String COUNTER_TYPE = "mgnl:contentNode";
    static final String FOLDER_TYPE = "nt:folder";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("'d'yyyyMMdd", Locale.ROOT);
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX", Locale.ROOT);
    private static final int MAX_ATTEMPTS = 20;
    private static final Logger LOG = LoggerFactory.getLogger(StatsStore.class);

    /** Views to add for one article: per epoch day. */
    public record Delta(String articleId, Map<Integer, Long> byDay) {
        long total() {
            return byDay.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final JcrSessions sessions;
    private final ZoneId zone;
    private final Clock clock;
    private final int retentionDays;

    public StatsStore(JcrSessions sessions, ZoneId zone, Clock clock, int retentionDays) {
        this.sessions = sessions;
        this.zone = zone;
        this.clock = clock;
        this.retentionDays = retentionDays;
    }

    /**
     * Creates the two top folders if this is a new workspace, and moves counters of the layout
     * before 0.2 (types of the {@code news} namespace) into this one.
     */
    public synchronized void initialize() throws RepositoryException {
        sessions.run(ViewSettings.WORKSPACE, session -> {
            Node root = session.getRootNode();
            if (root.hasNode(ROOT) && !root.getNode(ROOT).isNodeType(FOLDER_TYPE)) {
                LegacyStatsLayout.migrate(session, ROOT, MARKS, FOLDER_TYPE, COUNTER_TYPE);
            }
            for (String name : List.of(ROOT, MARKS)) {
                if (!root.hasNode(name)) {
                    root.addNode(name, FOLDER_TYPE);
                }
            }
            session.save();
            return null;
        });
    }

    /** Up to where this instance's journal is already held by the store (0 for a new instance). */
    public long journalPosition(String instanceId) throws RepositoryException {
        return sessions.run(ViewSettings.WORKSPACE, session -> {
            Node marks = session.getNode("/" + MARKS);
            return marks.hasNode(instanceId)
                    ? marks.getNode(instanceId).getProperty("position").getLong()
                    : 0L;
        });
    }

    /**
     * Adds the deltas and moves this instance's journal mark to {@code position}, in one save.
     * Conflicts with other writers are retried from a fresh read.
     */
    public void add(List<Delta> deltas, String instanceId, long position) throws RepositoryException {
        sessions.run(ViewSettings.WORKSPACE, session -> {
            for (int attempt = 1; ; attempt++) {
                try {
                    write(session, deltas, instanceId, position);
                    session.save();
                    return null;
                } catch (InvalidItemStateException | ItemExistsException conflict) {
                    session.refresh(false);
                    if (attempt == MAX_ATTEMPTS) {
                        throw conflict;
                    }
                    LOG.debug("View counts changed by another writer; adding again (attempt {})", attempt + 1);
                }
            }
        });
    }

    private void write(Session session, List<Delta> deltas, String instanceId, long position)
            throws RepositoryException {
        Calendar now = calendar(clock.instant());
        Node root = session.getNode("/" + ROOT);
        int oldestKept = (int) LocalDate.ofInstant(clock.instant(), zone)
                .minusDays(retentionDays - 1L)
                .toEpochDay();
        // A flush touches many counters of few shards and days: look each of those up once.
        Map<String, Node> shards = new HashMap<>();
        Map<Integer, String> dayNames = new HashMap<>();
        for (Delta delta : deltas) {
            Node shard = shards.get(delta.articleId().substring(0, 2));
            if (shard == null) {
                shard = child(root, delta.articleId().substring(0, 2), FOLDER_TYPE);
                shards.put(delta.articleId().substring(0, 2), shard);
            }
            Node counter;
            if (shard.hasNode(delta.articleId())) {
                counter = shard.getNode(delta.articleId());
                Property total = counter.getProperty("total");
                total.setValue(total.getLong() + delta.total());
            } else {
                // Created with its total in the same save: a second writer creating it too conflicts.
                counter = shard.addNode(delta.articleId(), COUNTER_TYPE);
                counter.setProperty("articleId", delta.articleId());
                counter.setProperty("total", delta.total());
            }
            boolean newDay = false;
            for (Map.Entry<Integer, Long> day : delta.byDay().entrySet()) {
                if (day.getKey() < oldestKept) {
                    continue;
                }
                String name = dayNames.computeIfAbsent(day.getKey(), StatsStore::dayProperty);
                if (counter.hasProperty(name)) {
                    Property bucket = counter.getProperty(name);
                    bucket.setValue(bucket.getLong() + day.getValue());
                } else {
                    counter.setProperty(name, day.getValue().longValue());
                    newDay = true;
                }
            }
            // A counter changes every second while read; its day list only once a day. lastViewed
            // (the first view of the newest day) is enough for "viewed since", and old buckets go then.
            if (newDay || !counter.hasProperty("lastViewed")) {
                counter.setProperty("lastViewed", now);
                pruneDays(counter, oldestKept);
            }
        }
        Node mark = child(session.getNode("/" + MARKS), instanceId, COUNTER_TYPE);
        mark.setProperty("position", position);
        mark.setProperty("savedAt", now);
    }

    /** The stored total of one article (0 when never viewed). */
    public long total(String articleId) throws RepositoryException {
        return sessions.run(ViewSettings.WORKSPACE, session -> {
            try {
                return session.getNode(counterPath(articleId))
                        .getProperty("total")
                        .getLong();
            } catch (PathNotFoundException e) {
                return 0L;
            }
        });
    }

    /** Views per article over the last {@code days} days including today (stored counts only). */
    public Map<String, Long> viewsSince(int days) throws RepositoryException {
        Map<String, Long> views = new HashMap<>();
        forEachDayOfRecentCounters(days, (counter, day, n) -> views.merge(counter, n, Long::sum));
        return views;
    }

    /** Views of all articles per day over the last {@code days} days including today (stored counts only). */
    public Map<LocalDate, Long> viewsPerDay(int days) throws RepositoryException {
        Map<LocalDate, Long> perDay = lastDays(days);
        forEachDayOfRecentCounters(days, (counter, day, n) -> perDay.merge(day, n, Long::sum));
        return perDay;
    }

    private interface DayVisitor {
        void visit(String articleId, LocalDate day, long views);
    }

    /** Visits every non-empty day bucket of the last {@code days} days, of counters viewed in that time. */
    private void forEachDayOfRecentCounters(int days, DayVisitor visitor) throws RepositoryException {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        LocalDate first = today.minusDays(days - 1L);
        sessions.run(ViewSettings.WORKSPACE, session -> {
            String since = ISO_MILLIS.format(first.atStartOfDay(zone));
            Query query = session.getWorkspace()
                    .getQueryManager()
                    .createQuery(
                            "/jcr:root/" + ROOT + "//element(*, " + COUNTER_TYPE + ")[@lastViewed >= xs:dateTime('"
                                    + since + "')]",
                            Query.XPATH);
            for (NodeIterator it = query.execute().getNodes(); it.hasNext(); ) {
                Node counter = it.nextNode();
                for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
                    String name = DAY.format(d);
                    if (counter.hasProperty(name)) {
                        visitor.visit(
                                counter.getName(), d, counter.getProperty(name).getLong());
                    }
                }
            }
            return null;
        });
    }

    /** Every stored total: article identifier to views. */
    public Map<String, Long> allTotals() throws RepositoryException {
        return totals("", 0);
    }

    /** The most viewed articles of all time, most first: identifier to total. */
    public Map<String, Long> topTotals(int limit) throws RepositoryException {
        return totals(" order by @total descending", limit);
    }

    /** Counter totals in query order; {@code limit} 0 means all. */
    private Map<String, Long> totals(String order, int limit) throws RepositoryException {
        Map<String, Long> totals = new LinkedHashMap<>();
        sessions.run(ViewSettings.WORKSPACE, session -> {
            Query query = session.getWorkspace()
                    .getQueryManager()
                    .createQuery("/jcr:root/" + ROOT + "//element(*, " + COUNTER_TYPE + ")" + order, Query.XPATH);
            if (limit > 0) {
                query.setLimit(limit);
            }
            for (NodeIterator it = query.execute().getNodes(); it.hasNext(); ) {
                Node counter = it.nextNode();
                totals.put(counter.getName(), counter.getProperty("total").getLong());
            }
            return null;
        });
        return totals;
    }

    /** One article's stored views per day over the last {@code days} days including today (0 where none). */
    public Map<LocalDate, Long> viewsPerDay(String articleId, int days) throws RepositoryException {
        Map<LocalDate, Long> perDay = lastDays(days);
        days(articleId).forEach((day, n) -> perDay.computeIfPresent(day, (d, zero) -> n));
        return perDay;
    }

    /** The last {@code days} days up to today in the site's zone, each with 0 views. */
    private Map<LocalDate, Long> lastDays(int days) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        Map<LocalDate, Long> perDay = new TreeMap<>();
        for (LocalDate d = today.minusDays(days - 1L); !d.isAfter(today); d = d.plusDays(1)) {
            perDay.put(d, 0L);
        }
        return perDay;
    }

    /** The stored views of one article per day, for tests and the admin dashboard. */
    public Map<LocalDate, Long> days(String articleId) throws RepositoryException {
        Map<LocalDate, Long> days = new TreeMap<>();
        sessions.run(ViewSettings.WORKSPACE, session -> {
            try {
                Node counter = session.getNode(counterPath(articleId));
                for (PropertyIterator it = counter.getProperties("d*"); it.hasNext(); ) {
                    Property p = it.nextProperty();
                    days.put(LocalDate.parse(p.getName(), DAY), p.getLong());
                }
            } catch (PathNotFoundException e) {
                // never viewed
            }
            return null;
        });
        return days;
    }

    static String dayProperty(int epochDay) {
        return DAY.format(LocalDate.ofEpochDay(epochDay));
    }

    static String counterPath(String articleId) {
        return "/" + ROOT + "/" + articleId.substring(0, 2) + "/" + articleId;
    }

    private static void pruneDays(Node counter, int oldestKept) throws RepositoryException {
        List<Property> old = new ArrayList<>();
        for (PropertyIterator it = counter.getProperties("d*"); it.hasNext(); ) {
            Property p = it.nextProperty();
            if (LocalDate.parse(p.getName(), DAY).toEpochDay() < oldestKept) {
                old.add(p);
            }
        }
        for (Property p : old) {
            p.remove();
        }
    }

    private static Node child(Node parent, String name, String type) throws RepositoryException {
        return parent.hasNode(name) ? parent.getNode(name) : parent.addNode(name, type);
    }

    private Calendar calendar(Instant instant) {
        Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone(zone));
        calendar.setTimeInMillis(instant.toEpochMilli());
        return calendar;
    }
}
