package info.magnolia.cms.i18n;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * TEST ONLY - Magnolia host model: {@code DefaultI18nContentSupport} with the defaults of
 * {@code AbstractI18nContentSupport} (Magnolia core): content i18n off, fallback locale {@code en},
 * default locale = fallback when none is set. A locale other than the default one is a
 * {@code /<locale>} prefix of the URI. {@link #configure} reads the {@code i18n} block of a site
 * definition (docs: "Defining locales for a site").
 */
public final class DefaultI18nContentSupport implements I18nContentSupport {
    private boolean enabled;
    private Locale fallbackLocale = Locale.forLanguageTag("en");
    private Locale defaultLocale;
    private final List<Locale> locales = new ArrayList<>();
    /** Per request, as Magnolia keeps it in the request's aggregation state. */
    private final ThreadLocal<Locale> current = new ThreadLocal<>();

    /** Model hook: the {@code i18n} map of a site definition. */
    public void configure(Map<?, ?> i18n) {
        enabled = Boolean.parseBoolean(String.valueOf(i18n.get("enabled")));
        if (i18n.get("fallbackLocale") != null) {
            fallbackLocale = locale(String.valueOf(i18n.get("fallbackLocale")));
        }
        if (i18n.get("defaultLocale") != null) {
            defaultLocale = locale(String.valueOf(i18n.get("defaultLocale")));
        }
        locales.clear();
        if (i18n.get("locales") instanceof Map<?, ?> configured) {
            for (Object value : configured.values()) {
                Map<?, ?> locale = (Map<?, ?>) value;
                if (!"false".equals(String.valueOf(locale.get("enabled")))) {
                    // LocaleDefinition.getLocale(): language and, where the site names one, country.
                    Object country = locale.get("country");
                    locales.add(new Locale(
                            String.valueOf(locale.get("language")), country == null ? "" : String.valueOf(country)));
                }
            }
        }
    }

    /** A locale written as Magnolia writes them ({@code en}, {@code en_US}: {@code Locale.toString()}). */
    private static Locale locale(String text) {
        String[] parts = text.split("_", 2);
        return new Locale(parts[0], parts.length > 1 ? parts[1] : "");
    }

    @Override
    public Locale getLocale() {
        Locale locale = current.get();
        return locale != null ? locale : getDefaultLocale();
    }

    @Override
    public void setLocale(Locale locale) {
        current.set(locale);
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public Locale getFallbackLocale() {
        return fallbackLocale;
    }

    @Override
    public Locale getDefaultLocale() {
        return defaultLocale == null ? fallbackLocale : defaultLocale;
    }

    @Override
    public Collection<Locale> getLocales() {
        return List.copyOf(locales);
    }

    @Override
    public String toI18NURI(String uri, Locale locale) {
        if (!enabled || locale.equals(getDefaultLocale()) || !uri.startsWith("/")) {
            return uri;
        }
        return "/" + locale + uri;
    }
}
