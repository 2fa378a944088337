package info.magnolia.cms.i18n;

import java.util.Collection;
import java.util.Locale;

/** TEST ONLY - Magnolia host model: {@code info.magnolia.cms.i18n.I18nContentSupport}, as far as the module meets it. */
public interface I18nContentSupport {
    boolean isEnabled();

    Locale getFallbackLocale();

    Locale getDefaultLocale();

    Collection<Locale> getLocales();

    /** The locale of the request being served (the i18n filter sets it from the address); the default one outside. */
    Locale getLocale();

    void setLocale(Locale locale);

    /** The URI with the locale's prefix, when it has one. */
    String toI18NURI(String uri, Locale locale);
}
