package org.lankit.secure;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * What identifies the team's certificate authority: the SHA-256 of its certificate, and a short
 * form of it a person can type — its first 80 bits in Crockford's base32, four groups of four
 * ("7K2M-QX4P-F8AB-C9DE"). Eighty bits keep a forged authority out of reach of a prepared attacker
 * while the laptop join code stays typeable.
 */
public record CaPin(String fingerprint, String pin) {

    /** Crockford's base32: no I, L, O or U; typed I and L read as 1, O as 0. */
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final int PIN_CHARS = 16;

    public static CaPin of(X509Certificate ca) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(ca.getEncoded());
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint the kit certificate", e);
        }
        return new CaPin(HexFormat.of().formatHex(digest), group(base32(digest, PIN_CHARS)));
    }

    /** Whether {@code typed} (any case, with or without dashes and spaces) is this pin. */
    public boolean matches(String typed) {
        return normalise(typed).map(pin.replace("-", "")::equals).orElse(false);
    }

    /** The 16 pin characters of what a person typed, read the Crockford way; empty when it cannot be a pin. */
    public static Optional<String> normalise(String typed) {
        if (typed == null) return Optional.empty();
        String s = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT)
                .replace('O', '0').replace('I', '1').replace('L', '1');
        if (s.length() != PIN_CHARS) return Optional.empty();
        for (int i = 0; i < s.length(); i++) {
            if (ALPHABET.indexOf(s.charAt(i)) < 0) return Optional.empty();
        }
        return Optional.of(s);
    }

    private static String base32(byte[] bytes, int chars) {
        StringBuilder out = new StringBuilder(chars);
        int buffer = 0;
        int bits = 0;
        int i = 0;
        while (out.length() < chars) {
            if (bits < 5) {
                buffer = (buffer << 8) | (bytes[i++] & 0xff);
                bits += 8;
            }
            bits -= 5;
            out.append(ALPHABET.charAt((buffer >> bits) & 31));
        }
        return out.toString();
    }

    private static String group(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i += 4) {
            if (i > 0) out.append('-');
            out.append(s, i, i + 4);
        }
        return out.toString();
    }
}
