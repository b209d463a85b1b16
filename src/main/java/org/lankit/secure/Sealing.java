package org.lankit.secure;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM for values kept at rest: one version byte, a random 12-byte nonce, then the
 * ciphertext with its 16-byte tag. The associated data names the value's place (an entry's uuid, a
 * secret's name), so a sealed value moved to another record does not open.
 */
public final class Sealing {

    static final byte VERSION = 1;
    static final int NONCE_BYTES = 12;
    static final int TAG_BITS = 128;
    /** What sealing adds to a value: version, nonce and tag. */
    public static final int OVERHEAD = 1 + NONCE_BYTES + TAG_BITS / 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Sealing() {
    }

    public static byte[] seal(SecretKey key, byte[] plain, byte[] aad) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad);
            ByteBuffer out = ByteBuffer.allocate(OVERHEAD + plain.length);
            out.put(VERSION).put(nonce);
            cipher.doFinal(ByteBuffer.wrap(plain), out);
            return out.array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        }
    }

    public static byte[] open(SecretKey key, byte[] sealed, byte[] aad) {
        if (sealed.length < OVERHEAD || sealed[0] != VERSION) {
            throw new SealedDataException("The data is not sealed by this version of Lankit, or it is cut short.");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
            cipher.updateAAD(aad);
            return cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new SealedDataException("The data does not open with this key: the key is wrong or the data was changed.");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        }
    }
}
