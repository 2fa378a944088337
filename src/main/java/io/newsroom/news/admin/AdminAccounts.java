package io.newsroom.news.admin;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import at.favre.lib.crypto.bcrypt.BCrypt;

/**
 * The editors who may sign in to the admin app: a properties file of user name to bcrypt hash
 * ({@code admin-accounts.properties} in the data folder). With no account yet, one {@code admin}
 * account is created, its password taken from {@code NEWS_ADMIN_PASSWORD} or made up and handed
 * back once to be printed. Wrong passwords slow further attempts from the same address and on the
 * same account ({@link SignInThrottle}); nobody can lock an editor out. An unknown user name costs the
 * same bcrypt check as a known one, so names cannot be told apart by the answer or its time.
 */
public final class AdminAccounts {
    public static final String FILE = "admin-accounts.properties";
    /** Beside the accounts file while a made-up password has not been shown to the operator yet. */
    public static final String UNSHOWN = "admin-password.unshown";

    /** How the first account came about on this start. */
    public enum Creation {
        /** The accounts existed already. */
        NONE,
        /** Created now with the operator's NEWS_ADMIN_PASSWORD: never printed. */
        FROM_ENVIRONMENT,
        /** Created now with a made-up password, to be shown once. */
        GENERATED,
        /** Created on an earlier start whose made-up password was never shown (the start failed first). */
        NEVER_SHOWN
    }
    private static final int COST = 12;
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /** The outcome of a sign-in. */
    public enum Result { SIGNED_IN, WRONG, THROTTLED }

    /** A result, and for {@link Result#THROTTLED} how long to wait before trying again. */
    public record Outcome(Result result, Duration retryAfter) {
    }

    /** Checked in place of an unknown user's hash: the same work, never a match. */
    private static final String NO_SUCH_USER = hash(randomPassword());

    private final Map<String, String> hashes = new ConcurrentHashMap<>();
    private final SignInThrottle throttle = new SignInThrottle();
    private final Clock clock;
    private Creation creation = Creation.NONE;

    private AdminAccounts(Clock clock) {
        this.clock = clock;
    }

    public Creation creation() {
        return creation;
    }

    /** The operator has seen the made-up password: forget that it still has to be shown. */
    public static void passwordShown(Path folder) throws IOException {
        Files.deleteIfExists(folder.resolve(UNSHOWN));
    }

    /**
     * Gives {@code user} a new password: {@code supplied} if not blank, else a made-up one, which is
     * returned to be shown. Other accounts are kept.
     *
     * @throws IllegalArgumentException when there is no such account
     */
    public static Optional<String> resetPassword(Path folder, String user, String supplied) throws IOException {
        Properties stored = load(folder.resolve(FILE));
        if (!stored.containsKey(user)) {
            throw new IllegalArgumentException("There is no admin account '" + user + "' in " + folder.resolve(FILE).toAbsolutePath());
        }
        boolean made = supplied == null || supplied.isBlank();
        String password = made ? randomPassword() : supplied;
        stored.put(user, hash(password));
        store(folder, stored);
        passwordShown(folder);
        return made ? Optional.of(password) : Optional.empty();
    }

    /**
     * Reads the accounts file in {@code folder}, creating it with an {@code admin} account when
     * there is none. Returns the accounts and, only on that creation, the new password.
     */
    public static Map.Entry<AdminAccounts, Optional<String>> open(Path folder, String initialPassword, Clock clock)
            throws IOException {
        AdminAccounts accounts = new AdminAccounts(clock);
        Path file = folder.resolve(FILE);
        if (Files.exists(file)) {
            load(file).forEach((user, hash) -> accounts.hashes.put(String.valueOf(user), String.valueOf(hash)));
            restrict(file);
        }
        if (!accounts.hashes.isEmpty()) {
            accounts.creation = Files.exists(folder.resolve(UNSHOWN)) ? Creation.NEVER_SHOWN : Creation.NONE;
            return Map.entry(accounts, Optional.empty());
        }
        boolean supplied = initialPassword != null && !initialPassword.isBlank();
        String password = supplied ? initialPassword : randomPassword();
        accounts.hashes.put("admin", hash(password));
        Files.createDirectories(folder);
        if (!supplied) {
            Files.writeString(folder.resolve(UNSHOWN), "The password of 'admin' made on the first start was not shown yet.\n");
        }
        Properties out = new Properties();
        out.putAll(accounts.hashes);
        store(folder, out);
        accounts.creation = supplied ? Creation.FROM_ENVIRONMENT : Creation.GENERATED;
        // Only a made-up password is handed back to be shown: the operator knows their own.
        return Map.entry(accounts, supplied ? Optional.empty() : Optional.of(password));
    }

    private static Properties load(Path file) throws IOException {
        Properties stored = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            stored.load(reader);
        }
        return stored;
    }

    private static void store(Path folder, Properties accounts) throws IOException {
        Path file = folder.resolve(FILE);
        if (!Files.exists(file)) {
            Files.createFile(file);
        }
        restrict(file);
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            accounts.store(writer, "Magnolia News admin accounts: user name = bcrypt hash");
        }
    }

    /** Readable and writable by the server's own user only (0600), where the file system knows permissions. */
    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its own access rules apply
        }
    }

    /** Signs {@code user} in from {@code address} (the client as the site resolves it, proxies considered). */
    public Outcome signIn(String user, String password, String address) {
        String name = user == null ? "" : user.strip();
        SignInThrottle.Permit permit = throttle.begin(String.valueOf(address), name, clock.instant());
        if (!permit.granted()) {
            return new Outcome(Result.THROTTLED, permit.retryAfter());
        }
        boolean ok = false;
        try {
            String hash = hashes.get(name);
            boolean matches = BCrypt.verifyer().verify(password == null ? new char[0] : password.toCharArray(),
                    hash != null ? hash : NO_SUCH_USER).verified;
            ok = matches && hash != null && password != null;
        } finally {
            throttle.finish(permit, ok, clock.instant());
        }
        return new Outcome(ok ? Result.SIGNED_IN : Result.WRONG, Duration.ZERO);
    }

    static String hash(String password) {
        return BCrypt.withDefaults().hashToString(COST, password.toCharArray());
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
