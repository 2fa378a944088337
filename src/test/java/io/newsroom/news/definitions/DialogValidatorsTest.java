package io.newsroom.news.definitions;

import static org.junit.jupiter.api.Assertions.*;

import io.newsroom.news.featured.FeaturedSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The dialogs' validators (Magnolia's regexValidator shape) accept exactly what the blocks use: the
 * site builder is told about a number the block would otherwise clamp without a word.
 */
class DialogValidatorsTest {
    private static final LightModule MODULE = LightModule.locate();

    @Test
    void eachNumberSettingAcceptsExactlyTheBlocksRange() throws Exception {
        Map<String, int[]> ranges = Map.of(
                "news:components/featuredNews#maxItems",
                        new int[] {FeaturedSettings.MIN_ITEMS, FeaturedSettings.MAX_ITEMS},
                "news:components/mostRead#maxItems", new int[] {1, 20},
                "news:components/newsList#pageSize", new int[] {1, 50});
        for (Map.Entry<String, int[]> entry : ranges.entrySet()) {
            String[] where = entry.getKey().split("#");
            DialogDefinition.Field field = DialogDefinition.load(MODULE, where[0]).orElseThrow().fields().stream()
                    .filter(f -> f.name().equals(where[1]))
                    .findFirst()
                    .orElseThrow();
            assertFalse(field.rules().isEmpty(), entry.getKey() + " has a validator");
            for (int n = -5; n <= 120; n++) {
                boolean inRange = n >= entry.getValue()[0] && n <= entry.getValue()[1];
                assertEquals(inRange, field.broken(String.valueOf(n)).isEmpty(), entry.getKey() + " for " + n);
            }
            assertTrue(field.broken("05").isPresent(), "no leading zeros");
            String key = field.broken("0").orElseThrow().messageKey();
            Messages messages = Messages.load(MODULE);
            assertNotEquals(key, messages.get(new java.util.Locale("vi"), key), key + " is in the Vietnamese bundle");
            assertNotEquals(key, messages.get(java.util.Locale.ENGLISH, key), key + " is in the English bundle");
        }
    }
}
