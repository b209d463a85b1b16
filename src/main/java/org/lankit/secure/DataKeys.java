package org.lankit.secure;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The data key of a data folder. {@code <data folder>/keys.json} names the key and holds a check
 * value sealed with it; the key itself is in the computer's {@link KeyVault}, never in the folder.
 */
public final class DataKeys {

    public static final String FILE = "keys.json";
    private static final String CHECK_PLACE = "keys.json check";
    private static final byte[] CHECK = "lankit data key".getBytes(StandardCharsets.US_ASCII);
    private static final ObjectMapper JSON = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What keys.json holds: the key's name in the vault and a value sealed with the key. */
    public record KeyFile(int version, String kitKeyId, String check) {
    }

    private DataKeys() {
    }

    /** The folder's data key from this computer's vault, made (and kept there) for a folder that has none. */
    public static DataKey unlock(Path dataDir) {
        return unlock(dataDir, UserKeyFile.forThisUser());
    }

    public static DataKey unlock(Path dataDir, KeyVault vault) {
        Optional<KeyFile> file = read(dataDir);
        if (file.isEmpty()) return create(dataDir, vault);
        KeyFile keys = file.get();
        byte[] bytes = vault.read(keys.kitKeyId()).orElseThrow(() -> missing(dataDir));
        DataKey key = DataKey.of(bytes);
        try {
            key.open(Base64.getDecoder().decode(keys.check()), CHECK_PLACE);
        } catch (SealedDataException e) {
            throw missing(dataDir);
        }
        return key;
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

    private static DataKey create(Path dataDir, KeyVault vault) {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        String kitKeyId = "lankit-" + Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        DataKey key = DataKey.random();
        vault.write(kitKeyId, key.bytes()); // first the key, then the file naming it: a crash between leaves no locked folder
        write(dataDir, new KeyFile(1, kitKeyId, Base64.getEncoder().encodeToString(key.seal(CHECK, CHECK_PLACE))));
        return key;
    }

    static void write(Path dataDir, KeyFile keys) {
        try {
            DurableFile.write(dataDir.resolve(FILE), JSON.writeValueAsBytes(keys));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DataKeyMissingException missing(Path dataDir) {
        return new DataKeyMissingException("The data folder " + dataDir + " is encrypted and its key is not on this computer: "
                + "start Lankit on the computer that made it, or restore a backup of the team with its recovery key.");
    }
}
