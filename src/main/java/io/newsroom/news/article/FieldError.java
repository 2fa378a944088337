package io.newsroom.news.article;

import java.util.List;

/**
 * A problem with one field of a draft.
 *
 * @param field      the property name ({@code title}, {@code imageAlt}...)
 * @param messageKey an i18n key from the light module's bundles, e.g. {@code news.validation.required}
 * @param arguments  values for the message's {@code {0}}, {@code {1}} placeholders
 */
public record FieldError(String field, String messageKey, List<Object> arguments) {
    public FieldError(String field, String messageKey, Object... arguments) {
        this(field, messageKey, List.of(arguments));
    }
}
