package dev.facet.data.value;

import dev.facet.schema.model.DefaultValue;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Values Prisma Client generates itself rather than leaving to the database: {@code cuid()},
 * {@code cuid(2)}, {@code uuid()}, {@code uuid(7)}, {@code nanoid()}, {@code ulid()} and {@code now()}.
 */
public final class Generated {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicInteger COUNTER = new AtomicInteger(RANDOM.nextInt(1_679_616));
    private static final String FINGERPRINT = pad(Long.toString(ProcessHandle.current().pid() % 1_679_616, 36), 4);
    private static final char[] NANOID_ALPHABET = "useandom-26T198340PX75pxJACKVERYMINDBUSHWOLF_GQZbfghjklqvwyzrict".toCharArray();
    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private Generated() {}

    /**
     * @return a generated value for a client-side default, or null when the database provides it
     *         ({@code autoincrement()}, {@code dbgenerated()}, literals)
     */
    public static Object valueFor(DefaultValue d) {
        return switch (d) {
            case DefaultValue.Cuid c -> c.version() == 2 ? cuid2() : cuid();
            case DefaultValue.Uuid u -> u.version() == 7 ? uuid7() : UUID.randomUUID().toString();
            case DefaultValue.Nanoid n -> nanoid(n.length());
            case DefaultValue.Ulid u -> ulid();
            case DefaultValue.Now n -> now();
            default -> null;
        };
    }

    /** @return the current time at millisecond precision, as stored by Prisma */
    public static Instant now() { return Instant.ofEpochMilli(System.currentTimeMillis()); }

    /** @return a cuid (version 1): {@code c}, time, counter, fingerprint, randomness; 25 characters */
    public static String cuid() {
        String time = Long.toString(System.currentTimeMillis(), 36);
        String counter = pad(Integer.toString(COUNTER.getAndUpdate(i -> (i + 1) % 1_679_616), 36), 4);
        String random = pad(Long.toString(Integer.toUnsignedLong(RANDOM.nextInt()) % 1_679_616, 36), 4)
                + pad(Long.toString(Integer.toUnsignedLong(RANDOM.nextInt()) % 1_679_616, 36), 4);
        return "c" + pad(time, 8) + counter + FINGERPRINT + random;
    }

    /** @return a cuid2: a lower-case letter followed by 23 base-36 characters of a hash of time, entropy and a counter */
    public static String cuid2() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA3-512");
            byte[] entropy = new byte[32];
            RANDOM.nextBytes(entropy);
            sha.update(Long.toString(System.currentTimeMillis(), 36).getBytes());
            sha.update(entropy);
            sha.update(Integer.toString(COUNTER.incrementAndGet(), 36).getBytes());
            String hash = new java.math.BigInteger(1, sha.digest()).toString(36);
            char first = (char) ('a' + RANDOM.nextInt(26));
            return first + hash.substring(0, 23);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return a version 7 (time-ordered) UUID */
    public static String uuid7() {
        long millis = System.currentTimeMillis();
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        ByteBuffer b = ByteBuffer.wrap(bytes);
        long msb = (millis << 16) | (0x7000L) | (b.getShort(6) & 0x0FFFL);
        long lsb = (b.getLong(8) & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    /** @return a nanoid of {@code length} URL-safe characters */
    public static String nanoid(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) out[i] = NANOID_ALPHABET[RANDOM.nextInt(NANOID_ALPHABET.length)];
        return new String(out);
    }

    /** @return a ULID: 10 characters of time and 16 of randomness, Crockford base 32 */
    public static String ulid() {
        long time = System.currentTimeMillis();
        char[] out = new char[26];
        for (int i = 9; i >= 0; i--) {
            out[i] = CROCKFORD[(int) (time & 31)];
            time >>>= 5;
        }
        for (int i = 10; i < 26; i++) out[i] = CROCKFORD[RANDOM.nextInt(32)];
        return new String(out);
    }

    private static String pad(String s, int length) {
        if (s.length() >= length) return s.substring(s.length() - length);
        return "0".repeat(length - s.length()) + s;
    }
}
