package io.newsroom.news.delivery;

/**
 * A refusal the JSON API answers with Magnolia's error shape:
 * {@code {"error": {"code": "...", "message": "..."}}}. The message is an i18n key and its arguments.
 */
public final class ApiError extends Exception {
    private final int status;
    private final String code;
    private final String messageKey;
    private final Object[] arguments;

    public ApiError(int status, String code, String messageKey, Object... arguments) {
        super(code + ": " + messageKey);
        this.status = status;
        this.code = code;
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    public static ApiError badValue(String property, String value) {
        return new ApiError(400, "invalidValueFormat", "news.error.badValue", property, value);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
