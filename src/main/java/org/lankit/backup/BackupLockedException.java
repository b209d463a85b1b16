package org.lankit.backup;

/** An encrypted backup that the key or passphrase given does not open; nothing was read or changed. */
public final class BackupLockedException extends BackupRejectedException {

    public BackupLockedException(String reason) {
        super(reason);
    }
}
