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
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import at.favre.lib.crypto.bcrypt.BCrypt;

/**
 * The editors who may sign in to the admin app: a properties file of user name to bcrypt hash
 * ({@code admin-accounts.properties} in the data folder). With no account yet, one {@code admin}
 * account is created, its password taken from {@code NEWS_ADMIN_PASSWORD} or made up and handed
 * back once to be printed. Five wrong passwords in a row lock an account for fifteen minutes.
 */
public final class AdminAccounts {
    public static final String FILE = "admin-accounts.properties";
    public static final int MAX_FAILURES = 5;
    public static final Duration LOCK = Duration.ofMinutes(15);
    private static final int COST = 12;
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /** The outcome of a sign-in. */
    public enum Result { SIGNED_IN, WRONG, LOCKED }

    private record Failures(int count, Instant lockedUntil) {
    }

    private final Map<String, String> hashes = new ConcurrentHashMap<>();
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    private AdminAccounts(Clock clock) {
        this.clock = clock;
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
            Properties stored = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                stored.load(reader);
            }
            stored.forEach((user, hash) -> accounts.hashes.put(String.valueOf(user), String.valueOf(hash)));
        }
        if (!accounts.hashes.isEmpty()) {
            return Map.entry(accounts, Optional.empty());
        }
        String password = initialPassword != null && !initialPassword.isBlank() ? initialPassword : randomPassword();
        accounts.hashes.put("admin", hash(password));
        Files.createDirectories(folder);
        Properties out = new Properties();
        out.putAll(accounts.hashes);
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.store(writer, "Magnolia News admin accounts: user name = bcrypt hash");
        }
        return Map.entry(accounts, Optional.of(password));
    }

    public Result signIn(String user, String password) {
        String name = user == null ? "" : user.strip();
        Instant now = clock.instant();
        Failures failed = failures.get(name);
        if (failed != null && failed.lockedUntil() != null && now.isBefore(failed.lockedUntil())) {
            return Result.LOCKED;
        }
        String hash = hashes.get(name);
        boolean ok = hash != null && password != null
                && BCrypt.verifyer().verify(password.toCharArray(), hash).verified;
        if (ok) {
            failures.remove(name);
            return Result.SIGNED_IN;
        }
        int count = failed == null || failed.lockedUntil() != null ? 1 : failed.count() + 1;
        failures.put(name, new Failures(count, count >= MAX_FAILURES ? now.plus(LOCK) : null));
        return count >= MAX_FAILURES ? Result.LOCKED : Result.WRONG;
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
