package io.newsroom.news.publishing;

import io.newsroom.news.article.Article;
import io.newsroom.news.definitions.Messages;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed, expiring preview links: an editor shows a draft, a scheduled article or the unsaved form
 * to someone without publishing anything. A link names what it shows and until when, signed with
 * HMAC-SHA256 under a secret kept in the data folder ({@code preview-secret}); after its time, or
 * once the secret changes (delete the file and restart), it shows nothing. Unsaved forms are kept
 * in memory, each under a random token, until their link expires.
 */
public final class Previews {
    public static final String PATH = "/.news/preview";
    private static final String SECRET_FILE = "preview-secret";
    private static final int MAX_UNSAVED = 500;

    /** A preview address below the context path, and until when it works. */
    public record Link(String path, Instant expires) {}

    private record Unsaved(Article article, Instant expires) {}

    private final byte[] secret;
    private final Duration lifetime;
    private final Clock clock;
    private final Map<String, Unsaved> unsaved = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();

    Previews(byte[] secret, Duration lifetime, Clock clock) {
        this.secret = secret.clone();
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** With the secret of {@code dataFolder} (made on first use, readable by the owner only); in memory when null. */
    public static Previews open(Path dataFolder, Duration lifetime, Clock clock) throws IOException {
        if (dataFolder == null) {
            return new Previews(newSecret(), lifetime, clock);
        }
        Path file = dataFolder.resolve(SECRET_FILE);
        if (!Files.exists(file)) {
            byte[] made = newSecret();
            Path temp = Files.createTempFile(dataFolder, SECRET_FILE, ".new");
            Files.writeString(temp, Base64.getEncoder().encodeToString(made));
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // the data folder's own protection applies
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            return new Previews(
                    Base64.getDecoder().decode(Files.readString(file).strip()), lifetime, clock);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " is not a preview secret; delete it and restart to make a new one", e);
        }
    }

    private static byte[] newSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    public Duration lifetime() {
        return lifetime;
    }

    /** A link to a stored article as readers would see it, whatever its state. */
    public Link stored(String articleId, Locale locale) {
        return link("article", articleId, locale);
    }

    /** A link to the draft copy of the site's page at {@code pagePath}, as readers would get it once published. */
    public Link page(String pagePath, Locale locale) {
        return link("page", pagePath, locale);
    }

    /** The page a page preview link names; empty when its signature is wrong or its time has passed. */
    public Optional<String> resolvePage(String pagePath, String expires, String signature) {
        if (pagePath == null || expires == null || signature == null) {
            return Optional.empty();
        }
        long seconds;
        try {
            seconds = Long.parseLong(expires);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        boolean genuine = MessageDigest.isEqual(
                sign("page", pagePath, seconds).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
        return genuine && Instant.ofEpochSecond(seconds).isAfter(clock.instant())
                ? Optional.of(pagePath)
                : Optional.empty();
    }

    /** A link to an article that is not saved (the editor's form); {@code article} is shown as it is. */
    public synchronized Link unsaved(Article article, Locale locale) {
        Instant now = clock.instant();
        unsaved.values().removeIf(u -> !u.expires().isAfter(now));
        while (unsaved.size() >= MAX_UNSAVED) {
            unsaved.remove(unsaved.keySet().iterator().next());
        }
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Link link = link("draft", token, locale);
        unsaved.put(token, new Unsaved(article, link.expires()));
        return link;
    }

    private Link link(String kind, String value, Locale locale) {
        Instant expires = clock.instant().plus(lifetime);
        long seconds = expires.getEpochSecond();
        String path = PATH + "?" + kind + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)
                + (Messages.VIETNAMESE.equals(locale) ? "" : "&lang=" + locale.getLanguage())
                + "&expires=" + seconds + "&sig=" + sign(kind, value, seconds);
        return new Link(path, Instant.ofEpochSecond(seconds));
    }

    /** What a preview request asks for. */
    public sealed interface Target permits StoredTarget, UnsavedTarget {}

    public record StoredTarget(String articleId) implements Target {}

    public record UnsavedTarget(Article article) implements Target {}

    /**
     * What a link with these parameters shows; empty when its signature is wrong, its time has
     * passed, or the unsaved form it named is gone.
     */
    public Optional<Target> resolve(String articleId, String draftToken, String expires, String signature) {
        if (expires == null || signature == null || (articleId == null) == (draftToken == null)) {
            return Optional.empty();
        }
        long seconds;
        try {
            seconds = Long.parseLong(expires);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        String kind = articleId != null ? "article" : "draft";
        String value = articleId != null ? articleId : draftToken;
        boolean genuine = MessageDigest.isEqual(
                sign(kind, value, seconds).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
        if (!genuine || !Instant.ofEpochSecond(seconds).isAfter(clock.instant())) {
            return Optional.empty();
        }
        if (articleId != null) {
            return Optional.of(new StoredTarget(articleId));
        }
        synchronized (this) {
            Unsaved form = unsaved.get(draftToken);
            return form == null ? Optional.empty() : Optional.of(new UnsavedTarget(form.article()));
        }
    }

    private String sign(String kind, String value, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] signature = mac.doFinal((kind + "\n" + value + "\n" + expires).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
