package org.lankit.backup;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The team's recovery key: 120 random bits written as 24 letters and digits in six groups of four
 * ({@code 7KQ2-…}), in Crockford's base32 (no I, L, O or U, so it reads aloud and copies by hand
 * without doubt; an I or L typed is read as 1, an O as 0). It is shown once; the master keeps only
 * {@link #derive() a key derived from it}, which opens the backups' content keys.
 */
public final class RecoveryKey {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final int CHARS = 24;
    private static final int BYTES = CHARS * 5 / 8;
    private static final byte[] PURPOSE = "lankit backup recovery key 1".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] bits;

    private RecoveryKey(byte[] bits) {
        this.bits = bits;
    }

    public static RecoveryKey random() {
        byte[] bits = new byte[BYTES];
        RANDOM.nextBytes(bits);
        return new RecoveryKey(bits);
    }

    /**
     * Reads a key as a person typed it: spaces, dashes and case do not matter.
     *
     * @throws IllegalArgumentException in plain words when it cannot be a recovery key
     */
    public static RecoveryKey parse(String typed) {
        String text = typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT)
                .replace('I', '1').replace('L', '1').replace('O', '0');
        if (text.length() != CHARS) {
            throw new IllegalArgumentException("a recovery key has " + CHARS + " letters and digits (six groups of four); this one has "
                    + text.length());
        }
        byte[] bits = new byte[BYTES];
        long buffer = 0;
        int held = 0;
        int out = 0;
        for (char c : text.toCharArray()) {
            int value = ALPHABET.indexOf(c);
            if (value < 0) throw new IllegalArgumentException("a recovery key has no letter " + c + "; check what was typed");
            buffer = buffer << 5 | value;
            held += 5;
            if (held >= 8) {
                held -= 8;
                bits[out++] = (byte) (buffer >>> held);
            }
        }
        return new RecoveryKey(bits);
    }

    /** The key as shown and printed: six groups of four, joined by dashes. */
    public String text() {
        StringBuilder s = new StringBuilder();
        long buffer = 0;
        int held = 0;
        for (byte b : bits) {
            buffer = buffer << 8 | (b & 0xff);
            held += 8;
            while (held >= 5) {
                held -= 5;
                if (s.length() % 5 == 4) s.append('-');
                s.append(ALPHABET.charAt((int) (buffer >>> held) & 31));
            }
        }
        return s.toString();
    }

    /** What the command line prints, once, when the key is made. */
    public String notice() {
        return "Recovery key of this team's backups: " + text() + System.lineSeparator()
                + "Write it down or print it and keep it away from this laptop: it is shown only now, and without it a backup"
                + " cannot be restored on another computer.";
    }

    /** The AES key kept by the master and used for the backups' recovery wrap (HMAC-SHA-256: the key is random, no stretching needed). */
    public SecretKey derive() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(bits, "HmacSHA256"));
            return new SecretKeySpec(mac.doFinal(PURPOSE), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is part of every Java", e);
        }
    }

    @Override
    public String toString() {
        return "RecoveryKey[hidden]";
    }
}
