package io.newsroom.news.templating;

import java.util.List;
import java.util.Locale;

/**
 * The languages a site is served in, as its host configures them: the default one has no prefix in
 * addresses, every other one is a {@code /<language>} prefix (Magnolia's
 * {@code DefaultI18nContentSupport} writes them so). Magnolia reads its site's i18n settings; the
 * embedded runtime serves Vietnamese and English.
 */
public interface SiteLanguages {

    /** The language of addresses without a prefix. */
    String defaultLanguage();

    /** Every language the site is served in, the default one first; one entry when the site has no languages to switch. */
    List<String> languages();

    /**
     * The language of the request being served, where the host knows it without being told (Magnolia's
     * i18n support reads it off the address); null where pages are told their language (the embedded site).
     */
    default String currentLanguage() {
        return null;
    }

    /** A fixed set: {@code languages.get(0)} is the default. */
    static SiteLanguages of(List<String> languages) {
        List<String> copy = List.copyOf(languages);
        return new SiteLanguages() {
            @Override
            public String defaultLanguage() {
                return copy.get(0);
            }

            @Override
            public List<String> languages() {
                return copy;
            }
        };
    }

    /** A language as the switcher shows it: its code and its name in itself ("Tiếng Việt", "English"). */
    record Language(String code, String name) {
        public String getCode() {
            return code;
        }

        public String getName() {
            return name;
        }

        /** The language as HTML's {@code lang} and {@code hreflang} want it (BCP 47: {@code en-US} for {@code en_US}). */
        public String getTag() {
            return code.replace('_', '-');
        }

        static Language of(String code) {
            Locale locale = Locale.forLanguageTag(code.replace('_', '-'));
            String name = locale.getDisplayLanguage(locale);
            return new Language(
                    code, name.isEmpty() ? code : name.substring(0, 1).toUpperCase(locale) + name.substring(1));
        }
    }
}
