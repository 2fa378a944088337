package io.newsroom.news.views;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Turns a client (address and user agent) into a number that is only good for today: a SHA-256
 * of both with a random salt that changes at midnight and is never stored. Nothing raw is kept,
 * and yesterday's keys cannot be matched to today's.
 */
public final class ClientKeys {
    private final ZoneId zone;
    private final SecureRandom random = new SecureRandom();
    /** Looking a digest up by name costs more than hashing a beacon; each thread keeps its own. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    });
    private volatile LocalDate saltDay;
    private volatile byte[] salt;

    public ClientKeys(ZoneId zone) {
        this.zone = zone;
    }

    public long key(String address, String userAgent, Instant now) {
        byte[] todaysSalt = saltFor(LocalDate.ofInstant(now, zone));
        MessageDigest sha = SHA_256.get();
        sha.update(todaysSalt);
        sha.update(String.valueOf(address).getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(String.valueOf(userAgent).getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.wrap(sha.digest()).getLong();
    }

    private byte[] saltFor(LocalDate day) {
        if (!day.equals(saltDay)) {
            synchronized (this) {
                if (!day.equals(saltDay)) {
                    byte[] fresh = new byte[32];
                    random.nextBytes(fresh);
                    salt = fresh;
                    saltDay = day;
                }
            }
        }
        return salt;
    }
}
