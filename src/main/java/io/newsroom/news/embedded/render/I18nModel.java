package io.newsroom.news.embedded.render;

import freemarker.template.SimpleScalar;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateModel;
import io.newsroom.news.definitions.Messages;
import java.util.Locale;

/**
 * {@code i18n} in templates: {@code i18n['news.article.posted']} gives the message in the page's
 * language from the light module's bundles; an unknown key shows itself, as in Magnolia.
 */
final class I18nModel implements TemplateHashModel {
    private final Messages messages;
    private final Locale locale;

    I18nModel(Messages messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    @Override
    public TemplateModel get(String key) {
        return new SimpleScalar(messages.get(locale, key));
    }

    @Override
    public boolean isEmpty() {
        return false;
    }
}
