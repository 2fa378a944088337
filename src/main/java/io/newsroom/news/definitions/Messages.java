package io.newsroom.news.definitions;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The light module's i18n bundles, read the way Magnolia merges them: one UTF-8 properties file
 * per language ({@code i18n/module-news-messages_<lang>.properties}). Vietnamese is the site's
 * default language; a key missing in a language falls back to English, then to the key itself.
 */
public final class Messages {
    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> LANGUAGES = List.of(VIETNAMESE, ENGLISH);
    static final String BUNDLE = "i18n/module-news-messages_%s.properties";

    private final Map<String, Properties> byLanguage;

    private Messages(Map<String, Properties> byLanguage) {
        this.byLanguage = byLanguage;
    }

    public static Messages load(LightModule module) {
        return new Messages(Map.of(
                "vi", read(module, "vi"),
                "en", read(module, "en")));
    }

    private static Properties read(LightModule module, String language) {
        Properties properties = new Properties();
        try (InputStream in = module.open(String.format(BUNDLE, language))) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the " + language + " message bundle", e);
        }
        return properties;
    }

    /** The supported language closest to {@code locale}; Vietnamese when none fits. */
    public static Locale supported(Locale locale) {
        if (locale != null && "en".equals(locale.getLanguage())) {
            return ENGLISH;
        }
        return VIETNAMESE;
    }

    public boolean has(Locale locale, String key) {
        return byLanguage.get(supported(locale).getLanguage()).containsKey(key);
    }

    public String get(Locale locale, String key, Object... arguments) {
        Locale language = supported(locale);
        String pattern = byLanguage.get(language.getLanguage()).getProperty(key);
        if (pattern == null) {
            pattern = byLanguage.get("en").getProperty(key, key);
        }
        if (arguments.length == 0) {
            return pattern;
        }
        return new MessageFormat(pattern, language).format(arguments);
    }

    /** Every key of a language's bundle, for the tests that keep both languages complete. */
    public Set<String> keys(Locale locale) {
        return byLanguage.get(supported(locale).getLanguage()).stringPropertyNames();
    }
}
