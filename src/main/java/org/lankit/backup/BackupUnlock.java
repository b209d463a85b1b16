package org.lankit.backup;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.crypto.SecretKey;
import org.lankit.store.KitStore;

/**
 * What a restore offers to open an encrypted backup: recovery keys (the one typed, the one this
 * team keeps) and a passphrase. A plain backup of an older Lankit needs none of them.
 */
public record BackupUnlock(List<SecretKey> recoveryKeys, Optional<char[]> passphrase) {

    public BackupUnlock {
        recoveryKeys = List.copyOf(recoveryKeys);
    }

    /** Nothing: opens only plain backups. */
    public static BackupUnlock none() {
        return new BackupUnlock(List.of(), Optional.empty());
    }

    /** The recovery key as the coordinator typed it. @throws IllegalArgumentException when it cannot be one */
    public static BackupUnlock recoveryKey(String typed) {
        return new BackupUnlock(List.of(RecoveryKey.parse(typed).derive()), Optional.empty());
    }

    /** The team's own backups open on its master without asking: it keeps the key derived from the recovery key. */
    public static BackupUnlock ofTeam(KitStore store) {
        return new BackupUnlock(RecoveryKeys.kept(store).stream().toList(), Optional.empty());
    }

    public static BackupUnlock passphrase(char[] passphrase) {
        return new BackupUnlock(List.of(), Optional.of(passphrase.clone()));
    }

    /** Both this and {@code other}: the first that opens the backup is used. */
    public BackupUnlock and(BackupUnlock other) {
        List<SecretKey> keys = new ArrayList<>(recoveryKeys);
        keys.addAll(other.recoveryKeys);
        return new BackupUnlock(keys, passphrase.isPresent() ? passphrase : other.passphrase);
    }

    boolean offersNothing() {
        return recoveryKeys.isEmpty() && passphrase.isEmpty();
    }
}
