package org.lankit.secure;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.SecretKey;
import org.lankit.secure.Argon2Kdf.Argon2Params;
import org.slf4j.LoggerFactory;

/**
 * The data key of a data folder. {@code <data folder>/keys.json} names the key, holds a check
 * value sealed with it and, when the coordinator set one, the key sealed with a passphrase
 * ({@link KeyWrap}); the key itself is in the computer's {@link KeyVault}, never in the folder.
 */
public final class DataKeys {

    public static final String FILE = "keys.json";
    /** Shorter passphrases are refused: guessing one must cost more than a copied folder is worth. */
    public static final int MIN_PASSPHRASE = 8;
    private static final String CHECK_PLACE = "keys.json check";
    private static final byte[] CHECK = "lankit data key".getBytes(StandardCharsets.US_ASCII);
    private static final ObjectMapper JSON = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What keys.json holds: the key's name in the vault, a value sealed with the key, the key's wraps (none in older files). */
    public record KeyFile(int version, String kitKeyId, String check, List<KeyWrap> wraps) {
        public KeyFile {
            wraps = wraps == null ? List.of() : List.copyOf(wraps);
        }

        Optional<KeyWrap> passphrase() {
            return wraps.stream().filter(w -> KeyWrap.PASSPHRASE.equals(w.kind())).findFirst();
        }

        KeyFile withPassphrase(KeyWrap wrap) {
            List<KeyWrap> next = new ArrayList<>(wraps.stream().filter(w -> !KeyWrap.PASSPHRASE.equals(w.kind())).toList());
            if (wrap != null) next.add(wrap);
            return new KeyFile(version, kitKeyId, check, next);
        }
    }

    private DataKeys() {
    }

    /** What opening {@code dataDir} takes here; reads keys.json and the vault, writes nothing. */
    public static FolderKeyState state(Path dataDir, KeyVault vault) {
        Optional<KeyFile> file = read(dataDir);
        if (file.isEmpty()) return FolderKeyState.NEW;
        if (fromVault(file.get(), vault).isPresent()) return FolderKeyState.IN_VAULT;
        return file.get().passphrase().isPresent() ? FolderKeyState.NEEDS_PASSPHRASE : FolderKeyState.LOCKED;
    }

    /** The folder's data key from this computer's vault, made (and kept there) for a folder that has none. */
    public static DataKey unlock(Path dataDir) {
        return unlock(dataDir, KeyVaults.thisComputer());
    }

    /** The key from this computer's vault, for files beside the store (the kit's private keys), without a log line each time. */
    static DataKey unlockQuietly(Path dataDir) {
        KeyVault vault = KeyVaults.thisComputer();
        Optional<KeyFile> file = read(dataDir);
        if (file.isEmpty()) return create(dataDir, vault);
        return fromVault(file.get(), vault).orElseThrow(() -> missing(dataDir, file.get()));
    }

    public static DataKey unlock(Path dataDir, KeyVault vault) {
        Optional<KeyFile> file = read(dataDir);
        if (file.isEmpty()) return create(dataDir, vault);
        KeyFile keys = file.get();
        DataKey key = fromVault(keys, vault).orElseThrow(() -> missing(dataDir, keys));
        LoggerFactory.getLogger(DataKeys.class).info("the data key of {} is in {}", dataDir, vault.describe());
        return key;
    }

    /**
     * Opens the folder's key with its passphrase, on a computer whose vault lacks it, and puts it
     * into the vault so the next start asks nothing. Changes nothing when the passphrase is wrong.
     */
    public static DataKey unlock(Path dataDir, KeyVault vault, char[] passphrase) {
        KeyFile keys = read(dataDir).orElseThrow(() -> new DataKeyMissingException("The data folder " + dataDir
                + " has no " + FILE + ": there is no key to open with a passphrase."));
        Optional<DataKey> inVault = fromVault(keys, vault);
        if (inVault.isPresent()) return inVault.get();
        KeyWrap wrap = keys.passphrase().orElseThrow(() -> missing(dataDir, keys));
        DataKey key;
        try {
            key = DataKey.of(Sealing.open(derive(passphrase, wrap), Base64.getDecoder().decode(wrap.sealedKey()), wrapPlace(keys)));
        } catch (SealedDataException e) {
            throw new WrongPassphraseException("That passphrase does not open the data folder " + dataDir + ".");
        }
        if (!checks(keys, key)) throw missing(dataDir, keys);
        vault.write(keys.kitKeyId(), key.bytes());
        LoggerFactory.getLogger(DataKeys.class).info("the passphrase opened the data key of {}; it is now in {}", dataDir, vault.describe());
        return key;
    }

    public static boolean hasPassphrase(Path dataDir) {
        return read(dataDir).flatMap(KeyFile::passphrase).isPresent();
    }

    /** Sets or changes the passphrase that opens {@code key} where the vault lacks it. */
    public static void setPassphrase(Path dataDir, DataKey key, char[] passphrase) {
        if (passphrase.length < MIN_PASSPHRASE) {
            throw new IllegalArgumentException("A passphrase needs at least " + MIN_PASSPHRASE + " characters.");
        }
        KeyFile keys = opened(dataDir, key);
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        Argon2Params params = Argon2Params.DEFAULT;
        KeyWrap unsealed = new KeyWrap(KeyWrap.PASSPHRASE, Base64.getEncoder().encodeToString(salt), params, null);
        byte[] sealed = Sealing.seal(derive(passphrase, unsealed), key.bytes(), wrapPlace(keys));
        write(dataDir, keys.withPassphrase(new KeyWrap(KeyWrap.PASSPHRASE, unsealed.salt(), params,
                Base64.getEncoder().encodeToString(sealed))));
    }

    /** Removes the passphrase: the folder then opens only where the vault holds its key. */
    public static void removePassphrase(Path dataDir, DataKey key) {
        write(dataDir, opened(dataDir, key).withPassphrase(null));
    }

    public static Optional<KeyFile> read(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        if (!Files.exists(file)) return Optional.empty();
        try {
            return Optional.of(JSON.readValue(file.toFile(), KeyFile.class));
        } catch (IOException e) {
            throw new DataKeyMissingException("The data folder " + dataDir + " has a damaged " + FILE
                    + ": its key cannot be found. Restore a backup with its recovery key.");
        }
    }

    private static KeyFile opened(Path dataDir, DataKey key) {
        KeyFile keys = read(dataDir).orElseThrow(() -> new IllegalStateException("the data folder " + dataDir + " has no " + FILE));
        if (!checks(keys, key)) throw new IllegalArgumentException("this key does not belong to the data folder " + dataDir);
        return keys;
    }

    private static Optional<DataKey> fromVault(KeyFile keys, KeyVault vault) {
        return vault.read(keys.kitKeyId()).filter(b -> b.length == DataKey.BYTES).map(DataKey::of).filter(k -> checks(keys, k));
    }

    private static boolean checks(KeyFile keys, DataKey key) {
        try {
            key.open(Base64.getDecoder().decode(keys.check()), CHECK_PLACE);
            return true;
        } catch (SealedDataException e) {
            return false;
        }
    }

    /** The folder's passphrase wrap as a backup carries it: with the passphrase, the backup opens where the folder would. */
    public record PassphraseWrap(Argon2Params params, byte[] salt, String place, byte[] sealedKey) {
    }

    public static Optional<PassphraseWrap> passphraseWrap(Path dataDir) {
        return read(dataDir).flatMap(keys -> keys.passphrase().map(w -> new PassphraseWrap(w.params(),
                Base64.getDecoder().decode(w.salt()), new String(wrapPlace(keys), StandardCharsets.UTF_8),
                Base64.getDecoder().decode(w.sealedKey()))));
    }

    private static SecretKey derive(char[] passphrase, KeyWrap wrap) {
        return Argon2Kdf.derive(passphrase, Base64.getDecoder().decode(wrap.salt()), wrap.params());
    }

    /** Ties a wrap to its folder's key id: a wrap copied from another folder's keys.json does not open. */
    private static byte[] wrapPlace(KeyFile keys) {
        return ("keys.json passphrase " + keys.kitKeyId()).getBytes(StandardCharsets.UTF_8);
    }

    private static DataKey create(Path dataDir, KeyVault vault) {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        String kitKeyId = "lankit-" + Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        DataKey key = DataKey.random();
        vault.write(kitKeyId, key.bytes()); // first the key, then the file naming it: a crash between leaves no locked folder
        write(dataDir, new KeyFile(1, kitKeyId, Base64.getEncoder().encodeToString(key.seal(CHECK, CHECK_PLACE)), List.of()));
        LoggerFactory.getLogger(DataKeys.class).info("made the data key of {}; it is in {}", dataDir, vault.describe());
        return key;
    }

    static void write(Path dataDir, KeyFile keys) {
        try {
            DurableFile.write(dataDir.resolve(FILE), JSON.writeValueAsBytes(keys));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DataKeyMissingException missing(Path dataDir, KeyFile keys) {
        if (keys.passphrase().isPresent()) {
            return new DataKeyMissingException("The data folder " + dataDir + " is protected by a passphrase and its key is not on"
                    + " this computer yet: start Lankit with the passphrase (the panel asks for it; without a window, set "
                    + "LANKIT_PASSPHRASE or use --passphrase-file).");
        }
        return new DataKeyMissingException("The data folder " + dataDir + " is encrypted and its key is not on this computer: "
                + "start Lankit on the computer that made it, or restore a backup of the team with its recovery key.");
    }
}
