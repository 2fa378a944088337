package info.magnolia.link;

/** TEST ONLY - Magnolia host model: {@code info.magnolia.link.LinkException}. */
public class LinkException extends Exception {
    public LinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
