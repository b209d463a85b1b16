package org.lankit.backup;

import java.util.Base64;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.lankit.store.KitStore;

/**
 * The team's recovery key on its master: made once, shown once, and of it only the derived key
 * kept, sealed in the store's secrets. A restore on a new laptop adopts the key it was given, so
 * the team's recovery key stays the same.
 */
public final class RecoveryKeys {

    static final String SECRET = "backup.recoveryKey";

    private RecoveryKeys() {
    }

    /** The derived key this master locks backups with, when the team has a recovery key here. */
    public static Optional<SecretKey> kept(KitStore store) {
        return store.secrets().get(SECRET).map(b64 -> new SecretKeySpec(Base64.getDecoder().decode(b64), "AES"));
    }

    /**
     * Makes the team's recovery key when this master has none, keeps the key derived from it and
     * returns the key itself, to be shown to the coordinator now: it is never shown again. Empty
     * when the team already has one.
     */
    public static Optional<RecoveryKey> makeIfMissing(KitStore store) {
        synchronized (RecoveryKeys.class) {
            if (kept(store).isPresent()) return Optional.empty();
            RecoveryKey key = RecoveryKey.random();
            adopt(store, key.derive());
            return Optional.of(key);
        }
    }

    /** Keeps {@code derived} (from {@link RecoveryKey#derive()}) as this team's: a restore with it on a new laptop, a take-over. */
    public static void adopt(KitStore store, SecretKey derived) {
        store.secrets().put(SECRET, Base64.getEncoder().encodeToString(derived.getEncoded()));
    }

    /** The derived key, or a plain refusal: a backup nobody could open must not be written. */
    static SecretKey required(KitStore store) {
        return kept(store).orElseThrow(() -> new IllegalStateException(
                "this team has no recovery key yet, so a backup could not be opened elsewhere: start Lankit as master once to make it"));
    }
}
