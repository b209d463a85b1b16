package org.lankit.secure;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** The kit's data key: seals what the data folder keeps of households and secrets. */
public record DataKey(SecretKey key) {

    public static final int BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    public static DataKey random() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return of(bytes);
    }

    public static DataKey of(byte[] bytes) {
        if (bytes.length != BYTES) throw new SealedDataException("A data key has " + BYTES + " bytes, this one " + bytes.length + ".");
        return new DataKey(new SecretKeySpec(bytes, "AES"));
    }

    public byte[] bytes() {
        return key.getEncoded();
    }

    /** Seals {@code plain} for {@code place} (an entry's uuid, a secret's name): it opens only there. */
    public byte[] seal(byte[] plain, String place) {
        return Sealing.seal(key, plain, place.getBytes(StandardCharsets.UTF_8));
    }

    public byte[] open(byte[] sealed, String place) {
        return Sealing.open(key, sealed, place.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "DataKey[hidden]";
    }
}
