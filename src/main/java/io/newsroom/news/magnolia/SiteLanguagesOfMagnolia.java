package io.newsroom.news.magnolia;

import io.newsroom.news.templating.SiteLanguages;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The site's languages as Magnolia has them configured: {@code I18nContentSupport} from
 * {@code Components.getComponent}, asked on every call (the current site decides). With content
 * i18n off (Magnolia's default, fallback locale {@code en}) the site has one language, its fallback,
 * and addresses carry no language prefix; with it on, the default locale has none and every other
 * enabled locale is a {@code /<locale>} prefix, {@code Locale.toString()} ({@code /en}, {@code /en_US}:
 * {@code DefaultI18nContentSupport.toI18NURI}).
 */
final class SiteLanguagesOfMagnolia implements SiteLanguages {
    static final String COMPONENTS = "info.magnolia.objectfactory.Components";
    static final String I18N = "info.magnolia.cms.i18n.I18nContentSupport";

    private final Method getComponent;
    private final Class<?> i18nType;

    private SiteLanguagesOfMagnolia(Method getComponent, Class<?> i18nType) {
        this.getComponent = getComponent;
        this.i18nType = i18nType;
    }

    static SiteLanguagesOfMagnolia find(ClassLoader loader) {
        try {
            Class<?> components = Class.forName(COMPONENTS, true, loader);
            return new SiteLanguagesOfMagnolia(
                    components.getMethod("getComponent", Class.class), Class.forName(I18N, true, loader));
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            throw new IllegalStateException(
                    "This Magnolia has no " + e.getMessage() + "; the news module needs Magnolia 6.4", e);
        }
    }

    @Override
    public String defaultLanguage() {
        return languages().get(0);
    }

    /** The request's locale as Magnolia's i18n support has it (from the address); null with content i18n off. */
    @Override
    public String currentLanguage() {
        Object i18n = call(getComponent, null, i18nType);
        if (!Boolean.TRUE.equals(call(i18nType, i18n, "isEnabled"))) {
            return null;
        }
        Object locale = call(i18nType, i18n, "getLocale");
        return locale == null ? null : language(locale);
    }

    @Override
    public List<String> languages() {
        Object i18n = call(getComponent, null, i18nType);
        if (!Boolean.TRUE.equals(call(i18nType, i18n, "isEnabled"))) {
            return List.of(language(call(i18nType, i18n, "getFallbackLocale")));
        }
        List<String> languages = new ArrayList<>();
        languages.add(language(call(i18nType, i18n, "getDefaultLocale")));
        for (Object locale : (Collection<?>) call(i18nType, i18n, "getLocales")) {
            String language = language(locale);
            if (!languages.contains(language)) {
                languages.add(language);
            }
        }
        return languages;
    }

    /** As Magnolia writes a locale into addresses ({@code DefaultI18nContentSupport.toI18NURI}): {@code en}, {@code en_US}. */
    private static String language(Object locale) {
        return locale instanceof Locale l && !l.getLanguage().isEmpty() ? l.toString() : "en";
    }

    private static Object call(Class<?> type, Object target, String method) {
        try {
            return call(type.getMethod(method), target);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("Magnolia's " + type.getName() + " has no " + method, e);
        }
    }

    private static Object call(Method method, Object target, Object... arguments) {
        try {
            return method.invoke(target, arguments);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot ask Magnolia for the site's languages: " + e, e);
        }
    }
}
