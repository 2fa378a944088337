package io.newsroom.news.views;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

/** The compact repeat filter against a plain model of the same rules, and its bound. */
class RepeatFilterTest {
    private static final Duration WINDOW = Duration.ofMinutes(30);
    private static final Instant START = Instant.parse("2026-03-10T02:00:00Z");

    /** One beacon: which address, user agent and article, and how many seconds after the one before. */
    record Visit(long address, long agent, int article, int secondsLater) {}

    @Property(tries = 60)
    void answersAsThePlainModelDoes(@ForAll("visits") List<Visit> visits, @ForAll("bounds") int maxEntries) {
        RepeatFilter filter = new RepeatFilter(WINDOW, maxEntries);
        Model model = new Model(maxEntries);
        Instant now = START;
        for (int i = 0; i < visits.size(); i++) {
            Visit v = visits.get(i);
            now = now.plusSeconds(v.secondsLater());
            String article = "article-" + v.article();
            assertEquals(
                    model.firstView(v.address(), v.agent(), article, now),
                    filter.firstView(v.address(), v.agent(), article, now),
                    "visit " + i + " " + v);
        }
        assertTrue(filter.size() <= maxEntries);
    }

    @Provide
    Arbitrary<List<Visit>> visits() {
        // Few addresses, agents (small numbers: distinct fingerprints) and articles, so that repeats,
        // households and the bound all come up; now and then half an hour passes.
        Arbitrary<Visit> visit = Combinators.combine(
                        Arbitraries.longs().between(1, 60),
                        Arbitraries.longs().between(1, 7),
                        Arbitraries.integers().between(1, 40),
                        Arbitraries.frequency(Tuple.of(20, 0), Tuple.of(10, 7), Tuple.of(1, 1_900)))
                .as(Visit::new);
        return visit.list().ofMinSize(200).ofMaxSize(4_000);
    }

    @Provide
    Arbitrary<Integer> bounds() {
        return Arbitraries.of(5, 100, 1_500, 5_000);
    }

    @Test
    void aFloodOfFreshClientsKeepsTheNewestUpToTheBound() {
        RepeatFilter filter = new RepeatFilter(WINDOW, 3_000);
        for (long client = 1; client <= 10_000; client++) {
            assertTrue(filter.firstView(client, 1, "a", START));
        }
        assertEquals(3_000, filter.size());
        assertFalse(filter.firstView(10_000, 1, "a", START), "the newest are remembered");
        assertTrue(filter.firstView(1, 1, "a", START), "the oldest made room");
        assertTrue(filter.firstView(10_000, 1, "a", START.plus(WINDOW)), "counted again once the window ended");
        assertEquals(1, filter.size(), "what expired left");
    }

    /** The rules written plainly: a map in arrival order of address+article to expiry and agents. */
    private static final class Model {
        private final int max;
        private final LinkedHashMap<String, Object[]> seen = new LinkedHashMap<>();

        Model(int max) {
            this.max = max;
        }

        boolean firstView(long address, long agent, String article, Instant now) {
            Iterator<Map.Entry<String, Object[]>> oldest = seen.entrySet().iterator();
            while (oldest.hasNext() && !((Instant) oldest.next().getValue()[0]).isAfter(now)) {
                oldest.remove();
            }
            String key = address + "/" + article;
            Object[] entry = seen.get(key);
            if (entry != null) {
                @SuppressWarnings("unchecked")
                List<Long> agents = (List<Long>) entry[1];
                if (agents.contains(agent) || agents.size() == RepeatFilter.AGENTS_PER_ADDRESS) {
                    return false;
                }
                agents.add(agent);
                return true;
            }
            List<Long> agents = new ArrayList<>(List.of(agent));
            seen.put(key, new Object[] {now.plus(WINDOW), agents});
            if (seen.size() > max) {
                seen.remove(seen.keySet().iterator().next());
            }
            return true;
        }
    }
}
