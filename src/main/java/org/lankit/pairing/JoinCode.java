package org.lankit.pairing;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The code a device shows to pair with the master: 8 characters from an alphabet without look-alikes
 * (no 0/O, 1/I/L), written in two groups of four so a person can read it out.
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

    public static boolean isAcceptable(String code) {
        String n = normalise(code);
        return n.length() >= 4 && n.length() <= 32 && n.chars().allMatch(Character::isLetterOrDigit);
    }

    /** Compares in constant time, so the answer's timing tells nothing about the code. */
    public static boolean matches(String expected, String offered) {
        return MessageDigest.isEqual(normalise(expected).getBytes(StandardCharsets.UTF_8),
                normalise(offered).getBytes(StandardCharsets.UTF_8));
    }
}
