package io.newsroom.news.definitions;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** Both languages carry every key, and every key the Java code names exists. */
class MessagesTest {
    private static final Messages MESSAGES = Messages.load(LightModule.locate());
    private static final Pattern KEY_IN_CODE = Pattern.compile("\"(news\\.(?:validation|error)\\.[A-Za-z.]+)\"");

    @Test
    void vietnameseAndEnglishHaveTheSameKeys() {
        assertEquals(new TreeSet<>(MESSAGES.keys(Locale.ENGLISH)), new TreeSet<>(MESSAGES.keys(Messages.VIETNAMESE)));
        assertTrue(MESSAGES.keys(Locale.ENGLISH).stream().allMatch(k -> k.startsWith("news.")));
    }

    @Test
    void everyKeyTheCodeUsesExistsInBothLanguages() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = KEY_IN_CODE.matcher(Files.readString(file));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertTrue(used.size() >= 10, used.toString());
        for (String key : used) {
            assertTrue(MESSAGES.has(Locale.ENGLISH, key), "en: " + key);
            assertTrue(MESSAGES.has(Messages.VIETNAMESE, key), "vi: " + key);
        }
    }

    @Test
    void placeholdersAreFilledInEachLanguage() {
        assertEquals("At most 200 characters.", MESSAGES.get(Locale.ENGLISH, "news.validation.tooLong", 200));
        assertEquals("Tối đa 200 ký tự.", MESSAGES.get(Messages.VIETNAMESE, "news.validation.tooLong", 200));
        for (Locale locale : Messages.LANGUAGES) {
            for (String key : MESSAGES.keys(locale)) {
                // A counted placeholder ({0,choice,...}, {1,number,...}) takes a number; every other one takes text.
                String pattern = MESSAGES.get(locale, key);
                Object[] arguments = new Object[3];
                for (int i = 0; i < arguments.length; i++) {
                    boolean counted = pattern.contains("{" + i + ",choice,") || pattern.contains("{" + i + ",number");
                    arguments[i] = counted ? (Object) 2L : (Object) String.valueOf((char) ('A' + i));
                }
                String text = MESSAGES.get(locale, key, arguments);
                assertFalse(text.contains("{0}") || text.contains("{1}"), key + " in " + locale + ": " + text);
            }
        }
    }

    @Test
    void unsupportedLanguagesFallBackToVietnamese() {
        assertEquals(Messages.VIETNAMESE, Messages.supported(Locale.FRENCH));
        assertEquals(Messages.ENGLISH, Messages.supported(Locale.US));
    }

    @Test
    void countsReadRightInBothLanguages() {
        Messages messages = Messages.load(LightModule.locate());
        Assertions.assertEquals("1 article", messages.get(Messages.ENGLISH, "news.admin.matches", 1L));
        Assertions.assertEquals("2 articles", messages.get(Messages.ENGLISH, "news.admin.matches", 2L));
        Assertions.assertEquals("0 articles", messages.get(Messages.ENGLISH, "news.admin.matches", 0L));
        Assertions.assertEquals("1 bài viết", messages.get(Messages.VIETNAMESE, "news.admin.matches", 1L));
    }
}
