package org.lankit.backup;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.lankit.secure.SealedDataException;

/**
 * AES-256-GCM over the chunks of an encrypted backup. Each file has its own random content key,
 * so the chunk's number can be its nonce; the associated data is the header's SHA-256, the
 * chunk's number and whether it is the last: a chunk moved, dropped or taken from another file,
 * and a file cut at a chunk boundary, do not open. One instance per stream (not thread-safe).
 */
final class ChunkCipher {

    /** Plain bytes per chunk; every chunk but the last is full. */
    static final int CHUNK = 64 * 1024;
    static final int TAG = 16;
    static final int SEALED_CHUNK = CHUNK + TAG;

    private final SecretKey key;
    private final byte[] headerHash;
    private final Cipher cipher;

    ChunkCipher(SecretKey key, byte[] headerHash) {
        this.key = key;
        this.headerHash = headerHash.clone();
        try {
            this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        }
    }

    /** Seals {@code length} bytes of {@code plain} into {@code out} (which needs {@code length + TAG} bytes); returns the sealed length. */
    int seal(long index, boolean last, byte[] plain, int length, byte[] out) {
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG * 8, nonce(index)));
            cipher.updateAAD(aad(index, last));
            return cipher.doFinal(plain, 0, length, out, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        }
    }

    /** Opens {@code length} sealed bytes into {@code out}; returns the plain length. */
    int open(long index, boolean last, byte[] sealed, int length, byte[] out) {
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG * 8, nonce(index)));
            cipher.updateAAD(aad(index, last));
            return cipher.doFinal(sealed, 0, length, out, 0);
        } catch (AEADBadTagException e) {
            throw new SealedDataException("part " + (index + 1) + " does not open: the file was changed or cut short");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        }
    }

    private static byte[] nonce(long index) {
        return ByteBuffer.allocate(12).putLong(4, index).array();
    }

    private byte[] aad(long index, boolean last) {
        return ByteBuffer.allocate(headerHash.length + 9).put(headerHash).putLong(index).put((byte) (last ? 1 : 0)).array();
    }
}
