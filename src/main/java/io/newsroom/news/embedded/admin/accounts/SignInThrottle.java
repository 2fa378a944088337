package io.newsroom.news.embedded.admin.accounts;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Slows password guessing without letting anyone lock an editor out. Failures are counted per
 * client address and per account; the first {@link #FREE_FAILURES} cost nothing, each one after
 * that makes the next attempt wait twice as long as the one before, up to a cap: 15 minutes for an
 * address (an attacker's own address stays slow), 30 seconds for an account (guesses spread over
 * many addresses stay slow, and an editor elsewhere waits half a minute at the worst). A success
 * clears the account and the address; a quiet hour clears a key too.
 * <p>
 * An attacker guessing from many addresses keeps the account's delay at its cap, and would take every
 * attempt as it opens; so an editor signing in from an address they signed in from before is not held
 * by the account's delay, only by their address's own (which has no failures unless someone guesses
 * from there too). Such addresses are remembered for {@link #KNOWN_FOR}, at most {@link #MAX_KNOWN}.
 * <p>
 * Attempts are reserved before the password is checked (bcrypt takes a quarter of a second), in one
 * lock, so parallel guesses cannot all slip through before the first failure is counted.
 */
final class SignInThrottle {
    static final int FREE_FAILURES = 5;
    static final Duration ADDRESS_CAP = Duration.ofMinutes(15);
    static final Duration ACCOUNT_CAP = Duration.ofSeconds(30);
    static final Duration FORGET_AFTER = Duration.ofHours(1);
    private static final int MAX_KEYS = 100_000;
    static final Duration KNOWN_FOR = Duration.ofDays(30);
    static final int MAX_KNOWN = 10_000;

    /** "account@address" of successful sign-ins, with when: the editors' own devices. */
    private final Map<String, Instant> known = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > MAX_KNOWN;
        }
    };

    private static final class Key {
        int failures;
        int inFlight;
        Instant lastFailure;
    }

    /** Whether an attempt may go ahead; if not, how long to wait. */
    record Permit(boolean granted, Duration retryAfter, String address, String account) {}

    private final Map<String, Key> keys = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Key> eldest) {
            return size() > MAX_KEYS;
        }
    };

    synchronized Permit begin(String address, String account, Instant now) {
        Key byAddress = key("a:" + address, now);
        Key byAccount = key("u:" + account, now);
        Instant signedInBefore = known.get(account + "@" + address);
        boolean knownClient =
                signedInBefore != null && signedInBefore.plus(KNOWN_FOR).isAfter(now);
        Duration wait = knownClient
                ? waitFor(byAddress, ADDRESS_CAP, now)
                : max(waitFor(byAddress, ADDRESS_CAP, now), waitFor(byAccount, ACCOUNT_CAP, now));
        if (!wait.isZero()) {
            return new Permit(false, wait, address, account);
        }
        byAddress.inFlight++;
        byAccount.inFlight++;
        return new Permit(true, Duration.ZERO, address, account);
    }

    synchronized void finish(Permit permit, boolean signedIn, Instant now) {
        if (!permit.granted()) {
            return;
        }
        if (signedIn) {
            known.put(permit.account() + "@" + permit.address(), now);
        }
        for (String name : new String[] {"a:" + permit.address(), "u:" + permit.account()}) {
            Key key = keys.get(name);
            if (key == null) {
                continue;
            }
            key.inFlight = Math.max(0, key.inFlight - 1);
            if (signedIn) {
                key.failures = 0;
                key.lastFailure = null;
            } else {
                key.failures++;
                key.lastFailure = now;
            }
        }
    }

    /** Zero when an attempt may start now. */
    private static Duration waitFor(Key key, Duration cap, Instant now) {
        int pending = key.failures + key.inFlight;
        if (pending < FREE_FAILURES) {
            return Duration.ZERO;
        }
        Duration delay = delay(Math.max(pending, FREE_FAILURES), cap);
        if (key.inFlight > 0 || key.lastFailure == null) {
            // Attempts beyond the free ones wait for the ones still being checked.
            return delay;
        }
        Duration left = Duration.between(now, key.lastFailure.plus(delay(key.failures, cap)));
        return left.isNegative() || left.isZero() ? Duration.ZERO : left;
    }

    /** One second after the free failures, doubling with each further one, capped. */
    static Duration delay(int failures, Duration cap) {
        int beyond = Math.min(30, failures - FREE_FAILURES);
        Duration delay = Duration.ofSeconds(1L << Math.max(0, beyond));
        return delay.compareTo(cap) > 0 ? cap : delay;
    }

    private Key key(String name, Instant now) {
        Key key = keys.get(name);
        if (key != null
                && key.inFlight == 0
                && key.lastFailure != null
                && key.lastFailure.plus(FORGET_AFTER).isBefore(now)) {
            keys.remove(name);
            key = null;
        }
        return key != null ? key : keys.computeIfAbsent(name, k -> new Key());
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
