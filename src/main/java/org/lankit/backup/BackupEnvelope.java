package org.lankit.backup;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.lankit.secure.Argon2Kdf;
import org.lankit.secure.Argon2Kdf.Argon2Params;
import org.lankit.secure.DataKey;
import org.lankit.secure.SealedDataException;
import org.lankit.secure.Sealing;

/**
 * The outside of an encrypted backup: {@link #MAGIC}, a version byte, the header's length and the
 * header (JSON: chunk size and the wraps of the file's random content key), then the backup zip in
 * sealed chunks ({@link ChunkCipher}). The content key is sealed with the key derived from the
 * team's recovery key and, when a passphrase is set, with the data key whose passphrase wrap the
 * header carries. Nothing in the header says anything about the team or its data.
 */
final class BackupEnvelope {

    static final byte[] MAGIC = "LANKITBK".getBytes(StandardCharsets.US_ASCII);
    static final byte VERSION = 1;
    private static final int MAX_HEADER = 64 << 10;
    private static final byte[] CONTENT_KEY_PLACE = "lankit backup content key".getBytes(StandardCharsets.US_ASCII);
    private static final ObjectMapper JSON = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

    /** The header: {@code recovery} is the content key sealed with the recovery key's derived key. */
    record Header(int chunkBytes, String recovery, PassphraseWrap passphrase) {
    }

    /** The passphrase's wrap of the data key (from keys.json) and the content key sealed with that data key. */
    record PassphraseWrap(int memoryKiB, int iterations, int parallelism, String salt, String dataKeyPlace,
                          String sealedDataKey, String sealedKey) {
    }

    /** An opened file: its chunks from {@code bodyStart} on, the cipher to open them, and which recovery key opened it (if one did). */
    record Opened(ChunkCipher cipher, long bodyStart, Optional<SecretKey> recoveryKey) {
    }

    private BackupEnvelope() {
    }

    /** Whether {@code file} starts as an encrypted backup does (otherwise it may be a plain zip of an older Lankit). */
    static boolean isSealed(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer start = ByteBuffer.allocate(MAGIC.length);
            while (start.hasRemaining() && channel.read(start) >= 0) {
                // read until the magic is in, or the file ends
            }
            return Arrays.equals(start.array(), MAGIC);
        }
    }

    /** Writes a new header to {@code out} and returns the stream that seals the zip after it; finish that stream. */
    static SealedOutputStream begin(OutputStream out, BackupKeys keys) throws IOException {
        SecretKey contentKey = DataKey.random().key();
        String recovery = b64(Sealing.seal(keys.recovery(), contentKey.getEncoded(), CONTENT_KEY_PLACE));
        PassphraseWrap passphrase = keys.passphrase().map(lock -> new PassphraseWrap(lock.params().memoryKiB(),
                lock.params().iterations(), lock.params().parallelism(), b64(lock.salt()), lock.place(), b64(lock.sealedDataKey()),
                b64(keys.dataKey().seal(contentKey.getEncoded(), new String(CONTENT_KEY_PLACE, StandardCharsets.US_ASCII)))))
                .orElse(null);
        byte[] header = JSON.writeValueAsBytes(new Header(ChunkCipher.CHUNK, recovery, passphrase));
        byte[] fixed = ByteBuffer.allocate(MAGIC.length + 1 + 4).put(MAGIC).put(VERSION).putInt(header.length).array();
        out.write(fixed);
        out.write(header);
        return new SealedOutputStream(out, new ChunkCipher(contentKey, headerHash(fixed, header)));
    }

    /**
     * Reads the header of {@code channel} and opens the content key with what {@code unlock}
     * offers. @throws BackupRejectedException in one plain line: not a backup, newer, or not opened
     */
    static Opened open(FileChannel channel, String name, BackupUnlock unlock) throws IOException {
        ByteBuffer fixed = ByteBuffer.allocate(MAGIC.length + 1 + 4);
        readFully(channel, fixed, 0, name);
        fixed.flip();
        byte[] magic = new byte[MAGIC.length];
        fixed.get(magic);
        byte version = fixed.get();
        int length = fixed.getInt();
        if (!Arrays.equals(magic, MAGIC)) throw new BackupRejectedException(name + " is not an encrypted Lankit backup");
        if (version != VERSION) throw new BackupRejectedException(name + " was made by a newer Lankit; update Lankit to restore it");
        if (length < 2 || length > MAX_HEADER) throw new BackupRejectedException(name + " is damaged: its header is unreadable");
        ByteBuffer headerBytes = ByteBuffer.allocate(length);
        readFully(channel, headerBytes, fixed.capacity(), name);
        Header header;
        try {
            header = JSON.readValue(headerBytes.array(), Header.class);
        } catch (IOException e) {
            throw new BackupRejectedException(name + " is damaged: its header is unreadable");
        }
        if (header.chunkBytes() != ChunkCipher.CHUNK || header.recovery() == null) {
            throw new BackupRejectedException(name + " is damaged: its header is unreadable");
        }
        byte[] hash = headerHash(fixed.array(), headerBytes.array());
        long bodyStart = fixed.capacity() + (long) length;
        for (SecretKey candidate : unlock.recoveryKeys()) {
            Optional<SecretKey> content = tryOpen(candidate, unb64(header.recovery(), name));
            if (content.isPresent()) return new Opened(new ChunkCipher(content.get(), hash), bodyStart, Optional.of(candidate));
        }
        if (unlock.passphrase().isPresent() && header.passphrase() != null) {
            Optional<SecretKey> content = withPassphrase(header.passphrase(), unlock.passphrase().get(), name);
            if (content.isPresent()) return new Opened(new ChunkCipher(content.get(), hash), bodyStart, Optional.empty());
        }
        throw new BackupLockedException(refusal(name, unlock, header));
    }

    private static byte[] headerHash(byte[] fixed, byte[] header) {
        MessageDigest sha = HashingOutputStream.sha256();
        sha.update(fixed);
        return sha.digest(header);
    }

    private static String refusal(String name, BackupUnlock unlock, Header header) {
        if (unlock.offersNothing()) return name + " is encrypted: give the team's recovery key to restore it; nothing was restored";
        if (unlock.recoveryKeys().isEmpty() && header.passphrase() == null) {
            return name + " was made before a passphrase was set: give the team's recovery key to restore it; nothing was restored";
        }
        return "this is not the recovery key" + (unlock.passphrase().isPresent() ? " or passphrase" : "") + " of " + name
                + "; nothing was restored";
    }

    private static Optional<SecretKey> withPassphrase(PassphraseWrap wrap, char[] passphrase, String name) {
        try {
            SecretKey kek = Argon2Kdf.derive(passphrase, unb64(wrap.salt(), name),
                    new Argon2Params(wrap.memoryKiB(), wrap.iterations(), wrap.parallelism()));
            DataKey dataKey = DataKey.of(Sealing.open(kek, unb64(wrap.sealedDataKey(), name),
                    String.valueOf(wrap.dataKeyPlace()).getBytes(StandardCharsets.UTF_8)));
            byte[] content = dataKey.open(unb64(wrap.sealedKey(), name), new String(CONTENT_KEY_PLACE, StandardCharsets.US_ASCII));
            return Optional.of(new SecretKeySpec(content, "AES"));
        } catch (SealedDataException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<SecretKey> tryOpen(SecretKey key, byte[] sealed) {
        try {
            return Optional.of(new SecretKeySpec(Sealing.open(key, sealed, CONTENT_KEY_PLACE), "AES"));
        } catch (SealedDataException e) {
            return Optional.empty();
        }
    }

    private static void readFully(FileChannel channel, ByteBuffer into, long position, String name) throws IOException {
        long at = position;
        while (into.hasRemaining()) {
            int n = channel.read(into, at);
            if (n < 0) throw new BackupRejectedException(name + " is damaged or incomplete: it ends inside its header");
            at += n;
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] unb64(String text, String name) {
        try {
            return Base64.getDecoder().decode(String.valueOf(text));
        } catch (IllegalArgumentException e) {
            throw new BackupRejectedException(name + " is damaged: its header is unreadable");
        }
    }
}
