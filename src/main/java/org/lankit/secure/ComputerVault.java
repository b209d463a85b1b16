package org.lankit.secure;

import java.util.Arrays;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This computer's vault: the system's credential store first, a key file in the user's settings
 * folder where there is none or it does not answer. A key is looked for in both (a key kept in the
 * file while the store was away still opens its folder); a new key goes to the store when it
 * takes it and gives it back, else to the file. {@link #describe} names the one that holds the key.
 */
final class ComputerVault implements KeyVault {

    private static final Logger LOG = LoggerFactory.getLogger(ComputerVault.class);

    private final Optional<? extends KeyVault> keyring;
    private final KeyVault file;
    private volatile KeyVault holder;

    ComputerVault(Optional<? extends KeyVault> keyring, KeyVault file) {
        this.keyring = keyring;
        this.file = file;
    }

    /**
     * Throws {@link KeyVaultUnavailableException} when the store did not answer and the file lacks
     * the key: the key may well be in the store, so the folder is not called locked.
     */
    @Override
    public Optional<byte[]> read(String kitKeyId) {
        KeyVaultUnavailableException storeAway = null;
        if (keyring.isPresent()) {
            try {
                Optional<byte[]> kept = keyring.get().read(kitKeyId);
                if (kept.isPresent()) {
                    holder = keyring.get();
                    return kept;
                }
            } catch (KeyVaultUnavailableException e) {
                LOG.warn("{}; looking for the data key in {}", e.getMessage(), file.describe());
                storeAway = e;
            }
        }
        Optional<byte[]> kept = file.read(kitKeyId);
        if (kept.isPresent()) {
            holder = file;
            return kept;
        }
        if (storeAway != null) {
            throw new KeyVaultUnavailableException(storeAway.getMessage() + ": unlock it (or log in again) and start Lankit again.");
        }
        return kept;
    }

    @Override
    public void write(String kitKeyId, byte[] key) {
        if (keyring.isPresent()) {
            try {
                keyring.get().write(kitKeyId, key);
                if (keyring.get().read(kitKeyId).filter(back -> Arrays.equals(back, key)).isPresent()) {
                    holder = keyring.get();
                    return;
                }
                LOG.warn("{} did not give the data key back; keeping it in {}", keyring.get().describe(), file.describe());
            } catch (KeyVaultUnavailableException e) {
                LOG.warn("{}; keeping the data key in {}", e.getMessage(), file.describe());
            }
        }
        file.write(kitKeyId, key);
        holder = file;
    }

    @Override
    public String describe() {
        KeyVault known = holder;
        if (known != null) return known.describe();
        return keyring.map(k -> k.describe() + ", else " + file.describe()).orElse(file.describe());
    }
}
