package org.lankit.pairing;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The code a device shows to pair with the master: 8 characters from an alphabet without look-alikes
 * (no 0/O, 1/I/L), written in two groups of four so a person can read it out. A code the
 * coordinator chooses must be {@linkplain #weakness strong enough}: the master refuses weak ones.
 */
public final class JoinCode {

    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private JoinCode() {
    }

    public static String random() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == 4) code.append('-');
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** Upper case without spaces and dashes, so "k7m2 qx4p" matches "K7M2-QX4P". */
    public static String normalise(String code) {
        return code == null ? "" : code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    /** Letters and digits a join code needs at least, after spaces and dashes are dropped. */
    public static final int MIN_LENGTH = 8;
    /** Different characters a join code needs at least, so "AAAAAAAA" or "12121212" do not count. */
    public static final int MIN_DISTINCT = 4;
    private static final int MAX_LENGTH = 32;

    /**
     * Why {@code code} is too weak to pair with, or empty when it is fine. Weak: fewer than
     * {@value #MIN_LENGTH} letters and digits once spaces and dashes are dropped, fewer than
     * {@value #MIN_DISTINCT} different ones, anything but letters and digits, or more than 32.
     */
    public static Optional<String> weakness(String code) {
        String n = normalise(code);
        if (!n.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c))) {
            return Optional.of("a join code may hold only letters A-Z, digits, spaces and dashes");
        }
        if (n.length() < MIN_LENGTH) {
            return Optional.of("a join code needs at least " + MIN_LENGTH + " letters or digits, not counting dashes and spaces");
        }
        if (n.length() > MAX_LENGTH) return Optional.of("a join code may have at most " + MAX_LENGTH + " letters or digits");
        if (n.chars().distinct().count() < MIN_DISTINCT) {
            return Optional.of("a join code needs at least " + MIN_DISTINCT + " different letters or digits");
        }
        return Optional.empty();
    }

    /** Compares in constant time, so the answer's timing tells nothing about the code. */
    public static boolean matches(String expected, String offered) {
        return MessageDigest.isEqual(normalise(expected).getBytes(StandardCharsets.UTF_8),
                normalise(offered).getBytes(StandardCharsets.UTF_8));
    }
}
