package io.newsroom.news.magnolia;

import com.vaadin.data.converter.StringToLongConverter;
import io.newsroom.news.definitions.LightModule;
import io.newsroom.news.definitions.Messages;
import java.util.Locale;

/**
 * The converter of the News app's rank field ({@code converterClass} in {@code apps/news.yaml}): Vaadin
 * 8's {@code StringToLongConverter}, which Magnolia cannot create by itself (it has no constructor
 * without arguments). This one has one; its refusal is the light module's message in the editor's
 * language ({@code news.app.featuredRank.conversionError}). Compiled against Vaadin 8, which Magnolia's
 * UI brings at run time.
 */
public class RankConverter extends StringToLongConverter {
    static final String MESSAGE = "news.app.featuredRank.conversionError";
    private static final Messages MESSAGES = Messages.load(LightModule.classpath());

    public RankConverter() {
        super(context -> MESSAGES.get(context.getLocale().orElse(Messages.VIETNAMESE), MESSAGE));
    }

    /** With the message Magnolia resolved from the field's {@code conversionErrorMessage}, where it passes one. */
    public RankConverter(String errorMessage) {
        super(errorMessage);
    }

    static String message(Locale locale) {
        return MESSAGES.get(locale, MESSAGE);
    }
}
