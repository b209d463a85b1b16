package org.lankit.secure;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/** Argon2id (BouncyCastle): a memory-hard key from a passphrase, so guessing one costs memory as well as time. */
public final class Argon2Kdf {

    /** Memory in KiB, passes and lanes; kept beside every salt so later versions may raise them. */
    public record Argon2Params(int memoryKiB, int iterations, int parallelism) {
        /** 32 MiB and 3 passes: about a second on an old laptop, and room left in the kit's 192 MB heap. */
        public static final Argon2Params DEFAULT = new Argon2Params(32 * 1024, 3, 1);
    }

    private Argon2Kdf() {
    }

    public static SecretKey derive(char[] passphrase, byte[] salt, Argon2Params params) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(passphrase));
        byte[] secret = new byte[encoded.remaining()];
        encoded.get(secret);
        byte[] key = new byte[DataKey.BYTES];
        try {
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                    .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                    .withMemoryAsKB(params.memoryKiB())
                    .withIterations(params.iterations())
                    .withParallelism(params.parallelism())
                    .withSalt(salt)
                    .build());
            generator.generateBytes(secret, key);
            return new SecretKeySpec(key, "AES");
        } finally {
            Arrays.fill(secret, (byte) 0);
            Arrays.fill(key, (byte) 0);
            if (encoded.hasArray()) Arrays.fill(encoded.array(), (byte) 0);
        }
    }
}
