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
 * Turns a client into numbers that are only good for today: SHA-256 with a random salt that changes
 * at midnight and is never stored. Nothing raw is kept, and yesterday's keys cannot be matched to
 * today's. The address is the main key (IPv6 by its /64 network: one subscriber gets a whole /64);
 * the user agent only tells apart the readers behind one address, since a client can change it at will.
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

    /** The client's address (IPv6: its /64) as today's key. */
    public long addressKey(String address, Instant now) {
        return digest((byte) 'a', TrustedProxies.network(address), now);
    }

    /** The client's user agent as today's key. */
    public long agentKey(String userAgent, Instant now) {
        return digest((byte) 'u', String.valueOf(userAgent), now);
    }

    private long digest(byte kind, String text, Instant now) {
        byte[] todaysSalt = saltFor(LocalDate.ofInstant(now, zone));
        MessageDigest sha = SHA_256.get();
        sha.update(todaysSalt);
        sha.update(kind);
        sha.update(text.getBytes(StandardCharsets.UTF_8));
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
