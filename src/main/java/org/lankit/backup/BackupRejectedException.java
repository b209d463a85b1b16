package org.lankit.backup;

/** A backup file that cannot be imported; the message says why in words a coordinator can act on.
 * Nothing was changed. */
public class BackupRejectedException extends RuntimeException {

    public BackupRejectedException(String reason) {
        super(reason);
    }

    public BackupRejectedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
