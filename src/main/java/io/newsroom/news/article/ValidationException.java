package io.newsroom.news.article;

import java.util.List;

/** A draft was refused; nothing was written. Carries every problem found, not just the first. */
public class ValidationException extends Exception {
    private final List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super("Invalid article: " + errors);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
