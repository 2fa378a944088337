package io.newsroom.news.embedded.admin;

import com.vaadin.flow.component.HasValidation;
import io.newsroom.news.article.FieldError;
import io.newsroom.news.article.ValidationException;
import java.util.Map;

/** A refusal said where it belongs: each problem on the field it is about, in the editor's language. */
final class FieldErrors {
    private FieldErrors() {}

    /** Marks the fields of {@code refused}'s problems ({@code fields}: by the name the server uses). */
    static void show(AdminContext admin, ValidationException refused, Map<String, ? extends HasValidation> fields) {
        for (FieldError error : refused.errors()) {
            HasValidation field = fields.get(error.field());
            if (field != null) {
                field.setInvalid(true);
                field.setErrorMessage(
                        admin.text(error.messageKey(), error.arguments().toArray()));
            }
        }
    }
}
