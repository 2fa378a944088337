package io.newsroom.news.embedded.admin;

import com.vaadin.flow.i18n.I18NProvider;
import io.newsroom.news.definitions.Messages;
import java.util.List;
import java.util.Locale;

/** Vaadin's translations come from the light module's bundles: one set of messages for both hosts. */
public class AdminI18N implements I18NProvider {

    @Override
    public List<Locale> getProvidedLocales() {
        return Messages.LANGUAGES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        return AdminContext.current().messages().get(locale, key, params);
    }
}
