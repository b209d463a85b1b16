package org.lankit.backup;

import java.util.Optional;
import javax.crypto.SecretKey;
import org.lankit.secure.Argon2Kdf.Argon2Params;
import org.lankit.secure.DataKey;

/**
 * What a new backup is locked with: the key derived from the team's recovery key (always), and,
 * when the coordinator set a passphrase, the passphrase's wrap of the data key, copied from
 * keys.json: the backup's content key is then also sealed with the data key, so the passphrase
 * opens the backup without the master ever keeping the passphrase.
 */
record BackupKeys(SecretKey recovery, DataKey dataKey, Optional<PassphraseLock> passphrase) {

    /**
     * The passphrase's wrap of the data key as keys.json keeps it: the data key sealed (for
     * {@code place}) with the Argon2id key of the passphrase, {@code salt} and {@code params}.
     */
    record PassphraseLock(Argon2Params params, byte[] salt, String place, byte[] sealedDataKey) {
    }
}
