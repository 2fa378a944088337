package io.newsroom.news.embedded.admin.accounts;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.newsroom.news.article.Actor;
import io.newsroom.news.article.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The editors who may sign in to the admin app: user name to bcrypt hash in an {@link AccountStore}
 * ({@code admin-accounts.properties} in the data folder, or a cluster's shared repository; each
 * sign-in reads the stored hash). With no account yet, one {@code admin}
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
    private static final Logger LOG = LoggerFactory.getLogger(AdminAccounts.class);
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /** The outcome of a sign-in. */
    public enum Result {
        SIGNED_IN,
        WRONG,
        THROTTLED,
        /** Longer than bcrypt's {@link #MAX_PASSWORD_BYTES}: no password of an account can be that long. */
        TOO_LONG,
        /** The right password of an account an administrator disabled. */
        DISABLED
    }

    /** An account as the Users screen shows it. */
    public record Account(String name, String email, boolean disabled, boolean mustChangePassword, Role role) {}

    /** A refused change to the accounts; {@code messageKey} says why in the user's language. */
    public static final class Refused extends Exception {
        private final String messageKey;

        public Refused(String messageKey) {
            super(messageKey);
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    /*
     * An account's state travels with its hash in the store, as /etc/shadow marks a locked password:
     * '!' before the hash for a disabled account, '~' for one whose password must be changed at the next
     * sign-in (a temporary one), then the role in braces ({EDITOR}; none: an administrator, as accounts
     * made before roles were). bcrypt hashes start with '$', so nothing else reads as a mark.
     */
    static final char DISABLED_MARK = '!';
    static final char MUST_CHANGE_MARK = '~';
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9._-]{1,39}");

    private static final java.util.regex.Pattern STORED =
            java.util.regex.Pattern.compile("([!~]*)(?:\\{([A-Z_]+)\\})?(.*)", java.util.regex.Pattern.DOTALL);

    static String bare(String stored) {
        if (stored == null) {
            return null;
        }
        java.util.regex.Matcher m = STORED.matcher(stored);
        return m.matches() ? m.group(3) : stored;
    }

    static boolean marked(String stored, char mark) {
        if (stored == null) {
            return false;
        }
        java.util.regex.Matcher m = STORED.matcher(stored);
        return m.matches() && m.group(1).indexOf(mark) >= 0;
    }

    /** The account's role: the one in braces, an administrator when there is none (or one this version does not know). */
    static Role roleOf(String stored) {
        java.util.regex.Matcher m = stored == null ? null : STORED.matcher(stored);
        if (m == null || !m.matches() || m.group(2) == null) {
            return Role.ADMINISTRATOR;
        }
        try {
            return Role.valueOf(m.group(2));
        } catch (IllegalArgumentException unknown) {
            return Role.REPORTER;
        }
    }

    static String compose(boolean disabled, boolean mustChange, Role role, String hash) {
        return (disabled ? String.valueOf(DISABLED_MARK) : "")
                + (mustChange ? String.valueOf(MUST_CHANGE_MARK) : "")
                + (role == Role.ADMINISTRATOR ? "" : "{" + role.name() + "}")
                + hash;
    }

    /** bcrypt reads at most 72 bytes of a password (UTF-8): a longer one cannot be set or checked. */
    public static final int MAX_PASSWORD_BYTES = 72;

    /** Whether {@code password} fits bcrypt's limit. */
    public static boolean fits(String password) {
        return password == null
                || password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= MAX_PASSWORD_BYTES;
    }

    /** A refusal of a password over bcrypt's limit, saying how long it is. */
    public static IllegalArgumentException tooLong(String password) {
        return new IllegalArgumentException("The password is "
                + password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + " bytes long in UTF-8; at most "
                + MAX_PASSWORD_BYTES + " bytes (bcrypt's limit) can be used");
    }

    /** A result, and for {@link Result#THROTTLED} how long to wait before trying again. */
    public record Outcome(Result result, Duration retryAfter) {}

    /** Checked in place of an unknown user's hash: the same work, never a match. */
    private static final String NO_SUCH_USER = hash(randomPassword());

    private final AccountStore store;
    private final SignInThrottle throttle = new SignInThrottle();
    private final Clock clock;
    private Creation creation = Creation.NONE;

    private AdminAccounts(AccountStore store, Clock clock) {
        this.store = store;
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
    public static Optional<String> resetPassword(AccountStore store, Path folder, String user, String supplied)
            throws IOException {
        Map<String, String> stored = store.all();
        if (!stored.containsKey(user)) {
            throw new IllegalArgumentException("There is no admin account '" + user + "'");
        }
        boolean made = supplied == null || supplied.isBlank();
        String password = made ? randomPassword() : supplied;
        // The way back in for the operator: enabled, with a password of their own, the role kept.
        stored.put(user, compose(false, false, roleOf(stored.get(user)), hash(password)));
        store.replace(stored);
        passwordShown(folder);
        return made ? Optional.of(password) : Optional.empty();
    }

    /** {@link #open(AccountStore, Path, String, Clock)} with the accounts file in {@code folder}. */
    public static Map.Entry<AdminAccounts, Optional<String>> open(Path folder, String initialPassword, Clock clock)
            throws IOException {
        return open(AccountStore.file(folder), folder, initialPassword, clock);
    }

    /**
     * Opens the accounts in {@code store}, creating an {@code admin} account when there is none (the
     * note that its made-up password is still to be shown is kept in {@code folder}). Returns the
     * accounts and, only on that creation, the new password.
     */
    public static Map.Entry<AdminAccounts, Optional<String>> open(
            AccountStore store, Path folder, String initialPassword, Clock clock) throws IOException {
        AdminAccounts accounts = new AdminAccounts(store, clock);
        if (!store.all().isEmpty()) {
            accounts.creation = Files.exists(folder.resolve(UNSHOWN)) ? Creation.NEVER_SHOWN : Creation.NONE;
            return Map.entry(accounts, Optional.empty());
        }
        boolean supplied = initialPassword != null && !initialPassword.isBlank();
        String password = supplied ? initialPassword : randomPassword();
        Files.createDirectories(folder);
        if (!supplied) {
            Files.writeString(
                    folder.resolve(UNSHOWN), "The password of 'admin' made on the first start was not shown yet.\n");
        }
        store.replace(Map.of("admin", hash(password)));
        accounts.creation = supplied ? Creation.FROM_ENVIRONMENT : Creation.GENERATED;
        // Only a made-up password is handed back to be shown: the operator knows their own.
        return Map.entry(accounts, supplied ? Optional.empty() : Optional.of(password));
    }

    /** Signs {@code user} in from {@code address} (the client as the site resolves it, proxies considered). */
    public Outcome signIn(String user, String password, String address) {
        String name = user == null ? "" : user.strip();
        SignInThrottle.Permit permit = throttle.begin(String.valueOf(address), name, clock.instant());
        if (!permit.granted()) {
            return new Outcome(Result.THROTTLED, permit.retryAfter());
        }
        if (!fits(password)) {
            throttle.finish(permit, false, clock.instant());
            return new Outcome(Result.TOO_LONG, Duration.ZERO);
        }
        boolean ok = false;
        try {
            String stored = storedHash(name);
            String hash = bare(stored);
            boolean matches = BCrypt.verifyer()
                    .verify(password == null ? new char[0] : password.toCharArray(), hash != null ? hash : NO_SUCH_USER)
                    .verified;
            ok = matches && hash != null && password != null;
            // Said only to whoever knows the password: a disabled account is not revealed to a guesser.
            if (ok && marked(stored, DISABLED_MARK)) {
                return new Outcome(Result.DISABLED, Duration.ZERO);
            }
        } finally {
            throttle.finish(permit, ok, clock.instant());
        }
        return new Outcome(ok ? Result.SIGNED_IN : Result.WRONG, Duration.ZERO);
    }

    /** The shortest new password taken: ten characters, as Ghost asks, long enough to resist guessing at bcrypt's cost. */
    public static final int MIN_PASSWORD_LENGTH = 10;

    /**
     * Gives {@code user} the password {@code next} once {@code current} is shown to be theirs; the other
     * accounts are kept. Returns empty when done, else the message key of what is wrong (the current
     * password, a short, long or name-like new one); nothing changes then. A wrong current password counts
     * as a failed sign-in for the throttle, so this is no way round it.
     */
    public synchronized Optional<String> changePassword(String user, String current, String next, String address)
            throws IOException {
        String name = user == null ? "" : user.strip();
        Outcome check = signIn(name, current, address);
        if (check.result() == Result.THROTTLED) {
            return Optional.of("news.admin.password.throttled");
        }
        if (check.result() != Result.SIGNED_IN) {
            return Optional.of("news.admin.password.currentWrong");
        }
        Optional<String> weak = weakness(name, current, next);
        if (weak.isPresent()) {
            return weak;
        }
        Map<String, String> stored = store.all();
        stored.put(name, compose(false, false, roleOf(stored.get(name)), hash(next)));
        store.replace(stored);
        disabledCheckedAt = 0;
        return Optional.empty();
    }

    /** Every account, by name. */
    public synchronized List<Account> accounts() throws IOException {
        List<Account> all = new ArrayList<>();
        Map<String, String> emails = store.emails();
        new java.util.TreeMap<>(store.all())
                .forEach((name, stored) -> all.add(new Account(
                        name,
                        emails.get(name),
                        marked(stored, DISABLED_MARK),
                        marked(stored, MUST_CHANGE_MARK),
                        roleOf(stored))));
        return all;
    }

    /**
     * An email address as people type them: one {@code @}, a dot in the domain, no spaces, at most 254
     * characters (what a mail server accepts). Nothing is sent: it tells colleagues how to reach the person.
     */
    private static final java.util.regex.Pattern EMAIL =
            java.util.regex.Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

    /**
     * Adds an account named {@code name} with its email address and a made-up temporary password, returned to be
     * handed over; it must be changed at the first sign-in.
     *
     * @throws Refused for a name that is not 2-40 lower-case letters, digits, dots, dashes or underscores, one
     *     taken, or an email address that is missing or not one
     */
    public synchronized String addAccount(String name, String email, Role role) throws IOException, Refused {
        Actor.require(Role.Permission.USERS);
        String wanted = name == null ? "" : name.strip();
        if (!NAME.matcher(wanted).matches()) {
            throw new Refused("news.admin.users.badName");
        }
        String address = email == null ? "" : email.strip();
        if (address.length() > 254 || !EMAIL.matcher(address).matches()) {
            throw new Refused("news.admin.users.badEmail");
        }
        Map<String, String> stored = store.all();
        if (stored.containsKey(wanted)) {
            throw new Refused("news.admin.users.taken");
        }
        String password = randomPassword();
        stored.put(wanted, compose(false, true, role, hash(password)));
        store.replace(stored);
        store.setEmail(wanted, address);
        disabledCheckedAt = 0;
        return password;
    }

    /** A new temporary password for {@code name}, returned to be handed over; the old one stops working. */
    public synchronized String resetPassword(String name) throws IOException, Refused {
        Actor.require(Role.Permission.USERS);
        Map<String, String> stored = store.all();
        if (!stored.containsKey(name)) {
            throw new Refused("news.admin.users.unknown");
        }
        String password = randomPassword();
        stored.put(
                name, compose(marked(stored.get(name), DISABLED_MARK), true, roleOf(stored.get(name)), hash(password)));
        store.replace(stored);
        disabledCheckedAt = 0;
        return password;
    }

    /**
     * Disables (or enables again) {@code name}: a disabled account cannot sign in, and its open sessions end
     * at their next request ({@link #isDisabled}).
     *
     * @throws Refused for one's own account or the last enabled one: nobody could sign in to undo it
     */
    public synchronized void setDisabled(String by, String name, boolean disabled) throws IOException, Refused {
        Actor.require(Role.Permission.USERS);
        Map<String, String> stored = store.all();
        if (!stored.containsKey(name)) {
            throw new Refused("news.admin.users.unknown");
        }
        if (disabled && name.equals(by)) {
            throw new Refused("news.admin.users.notYourself");
        }
        long enabledOthers = stored.entrySet().stream()
                .filter(e -> !e.getKey().equals(name) && !marked(e.getValue(), DISABLED_MARK))
                .count();
        if (disabled && enabledOthers == 0) {
            throw new Refused("news.admin.users.lastOne");
        }
        String value = stored.get(name);
        stored.put(name, compose(disabled, marked(value, MUST_CHANGE_MARK), roleOf(value), bare(value)));
        store.replace(stored);
        disabledCheckedAt = 0;
    }

    /** The role of {@code name} (an administrator for an account made before roles). */
    public Role role(String name) {
        return roleOf(storedHash(name));
    }

    /**
     * Gives {@code name} the role {@code role}.
     *
     * @throws Refused when it would leave no enabled administrator: nobody could manage the accounts any more
     */
    public synchronized void setRole(String name, Role role) throws IOException, Refused {
        Actor.require(Role.Permission.USERS);
        Map<String, String> stored = store.all();
        if (!stored.containsKey(name)) {
            throw new Refused("news.admin.users.unknown");
        }
        long otherAdministrators = stored.entrySet().stream()
                .filter(e -> !e.getKey().equals(name)
                        && roleOf(e.getValue()) == Role.ADMINISTRATOR
                        && !marked(e.getValue(), DISABLED_MARK))
                .count();
        if (role != Role.ADMINISTRATOR && otherAdministrators == 0) {
            throw new Refused("news.admin.users.lastAdministrator");
        }
        String value = stored.get(name);
        stored.put(name, compose(marked(value, DISABLED_MARK), marked(value, MUST_CHANGE_MARK), role, bare(value)));
        store.replace(stored);
        disabledCheckedAt = 0;
    }

    /**
     * Whether {@code name} must choose a password of their own before anything else (a temporary one): asked
     * at every navigation, so read with {@link #isDisabled} (every write of this object re-reads at once).
     */
    public boolean mustChangePassword(String name) {
        isDisabled(name);
        return mustChangeNow.contains(name);
    }

    private volatile java.util.Set<String> disabledNow = java.util.Set.of();
    private volatile long disabledCheckedAt;

    /**
     * Whether {@code name} is disabled (or gone), as every admin request asks: read from the store at most
     * every two seconds (a cluster's other node disables in the shared store).
     */
    public boolean isDisabled(String name) {
        long now = clock.millis();
        if (now - disabledCheckedAt > 2_000) {
            try {
                java.util.Set<String> gone = new java.util.HashSet<>();
                Map<String, Role> roles = new java.util.HashMap<>();
                java.util.Set<String> mustChange = new java.util.HashSet<>();
                Map<String, String> all = store.all();
                all.forEach((n, stored) -> {
                    if (marked(stored, DISABLED_MARK)) {
                        gone.add(n);
                    }
                    roles.put(n, roleOf(stored));
                    if (marked(stored, MUST_CHANGE_MARK)) {
                        mustChange.add(n);
                    }
                });
                rolesNow = roles;
                mustChangeNow = mustChange;
                known = all.keySet();
                disabledNow = gone;
                disabledCheckedAt = now;
            } catch (IOException e) {
                LOG.warn("Cannot read the accounts: {}", e.getMessage());
            }
        }
        return disabledNow.contains(name) || !known.contains(name);
    }

    private volatile java.util.Set<String> known = java.util.Set.of();
    private volatile Map<String, Role> rolesNow = Map.of();
    private volatile java.util.Set<String> mustChangeNow = java.util.Set.of();

    /**
     * The role of {@code name} as every admin request asks (read with {@link #isDisabled}, at most every two
     * seconds); a reporter's, the least, for an account not known.
     */
    public Role currentRole(String name) {
        isDisabled(name);
        return rolesNow.getOrDefault(name, Role.REPORTER);
    }

    /** What is wrong with {@code next} as the new password of {@code user} (message key), or empty. */
    static Optional<String> weakness(String user, String current, String next) {
        if (next == null || next.codePointCount(0, next.length()) < MIN_PASSWORD_LENGTH) {
            return Optional.of("news.admin.password.tooShort");
        }
        if (!fits(next)) {
            return Optional.of("news.admin.password.tooLong");
        }
        if (next.equals(current)) {
            return Optional.of("news.admin.password.same");
        }
        if (next.strip().equalsIgnoreCase(user)) {
            return Optional.of("news.admin.password.likeName");
        }
        return Optional.empty();
    }

    /** The account's hash; none when the store cannot be read (the sign-in then fails like a wrong password). */
    private String storedHash(String user) {
        try {
            return store.hash(user);
        } catch (IOException e) {
            LOG.warn("Sign-in of '{}' refused: {}", user, e.getMessage());
            return null;
        }
    }

    static String hash(String password) {
        if (!fits(password)) {
            throw tooLong(password);
        }
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
