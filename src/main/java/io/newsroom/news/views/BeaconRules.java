package io.newsroom.news.views;

import io.newsroom.news.article.Article;
import io.newsroom.news.article.ArticleRepository;
import io.newsroom.news.article.Audience;
import io.newsroom.news.views.ViewCounter.Beacon;
import io.newsroom.news.views.ViewCounter.Outcome;
import io.newsroom.news.views.ViewCounter.Stats;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.jcr.RepositoryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a beacon counts, in this order: the off switch, known bots, editor previews, beacons sent
 * from another site's pages, the client address's rate, a visible article, and a repeat by the same
 * address (a few user agents apart) within the window. Cheap checks come first; the repository is
 * asked only about ids that look like article ids.
 */
final class BeaconRules {
    private static final Logger LOG = LoggerFactory.getLogger(BeaconRules.class);
    private static final int VISIBILITY_CACHE = 100_000;

    private final ViewSettings settings;
    private final ArticleRepository articles;
    private final BotFilter bots = BotFilter.standard();
    private final ClientKeys clients;
    private final RepeatFilter repeats;
    private final RateLimiter rates;
    /** Posted dates of articles seen in beacons; cleared on any article change and when full. */
    /** Whose visibility rule a beacon's article must meet (a public instance's readers see what arrived). */
    private final Audience readers;

    private final Map<String, Instant> visibleFrom = new ConcurrentHashMap<>();

    private final AtomicLong received = new AtomicLong();
    private final AtomicLong bot = new AtomicLong();
    private final AtomicLong preview = new AtomicLong();
    private final AtomicLong repeat = new AtomicLong();
    private final AtomicLong notFound = new AtomicLong();
    private final AtomicLong rateLimited = new AtomicLong();
    private final AtomicLong off = new AtomicLong();
    private final AtomicLong crossSite = new AtomicLong();

    BeaconRules(ViewSettings settings, ArticleRepository articles, Audience readers) {
        this.readers = readers;
        this.settings = settings;
        this.articles = articles;
        this.clients = new ClientKeys(settings.siteZone());
        this.repeats = new RepeatFilter(settings.repeatWindow());
        this.rates = new RateLimiter(settings.ratePerMinute());
        articles.onChange(visibleFrom::clear);
    }

    /** {@link Outcome#COUNTED} when the beacon is a view to count; otherwise why not. */
    Outcome decide(Beacon beacon, Instant now) {
        received.incrementAndGet();
        if (!settings.enabled()) {
            off.incrementAndGet();
            return Outcome.NOT_COUNTED;
        }
        if (bots.isBot(beacon.userAgent())) {
            bot.incrementAndGet();
            return Outcome.NOT_COUNTED;
        }
        if (beacon.preview()) {
            preview.incrementAndGet();
            return Outcome.NOT_COUNTED;
        }
        if (beacon.crossSite()) {
            crossSite.incrementAndGet();
            return Outcome.NOT_COUNTED;
        }
        long client = clients.addressKey(beacon.address(), now);
        if (!rates.allow(client, now)) {
            rateLimited.incrementAndGet();
            return Outcome.RATE_LIMITED;
        }
        String id = beacon.articleId();
        if (id == null || !looksLikeArticleId(id) || !isVisible(id, now)) {
            notFound.incrementAndGet();
            return Outcome.NOT_FOUND;
        }
        if (!repeats.firstView(client, clients.agentKey(beacon.userAgent(), now), id, now)) {
            repeat.incrementAndGet();
            return Outcome.NOT_COUNTED;
        }
        return Outcome.COUNTED;
    }

    /** A JCR identifier as the repository writes it: 8-4-4-4-12 lower-case hex digits (checked without a regex, per beacon). */
    static boolean looksLikeArticleId(String id) {
        if (id.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = id.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    Stats stats(long counted) {
        return new Stats(
                received.get(),
                counted,
                bot.get(),
                preview.get(),
                repeat.get(),
                notFound.get(),
                rateLimited.get(),
                off.get(),
                crossSite.get());
    }

    private boolean isVisible(String id, Instant now) {
        Instant posted = visibleFrom.get(id);
        if (posted == null) {
            try {
                Optional<Article> article = articles.findById(id);
                if (article.isEmpty() || article.get().postedDate() == null) {
                    return false;
                }
                // A draft or a trashed article is never visible (until a change clears this cache).
                posted = readers.mayEverSee(article.get()) ? article.get().postedDate() : Instant.MAX;
                if (visibleFrom.size() >= VISIBILITY_CACHE) {
                    visibleFrom.clear();
                }
                visibleFrom.put(id, posted);
            } catch (RepositoryException e) {
                LOG.warn("Cannot check article {}: {}", id, e.toString());
                return false;
            }
        }
        return !posted.isAfter(now);
    }
}
