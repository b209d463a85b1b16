package org.lankit.store;

import java.nio.file.Path;
import org.lankit.secure.DataKeyMissingException;
import org.lankit.secure.DataKeys;

/** The data folder is encrypted with a key this computer does not hold, or its key file is gone. */
public final class DataFolderLockedException extends DataFolderException {

    DataFolderLockedException(DataKeyMissingException cause) {
        super(cause.getMessage(), cause);
    }

    private DataFolderLockedException(String message) {
        super(message, null);
    }

    /** The folder holds sealed data but its {@code keys.json}, which names the key, is gone. */
    static DataFolderLockedException keyFileLost(Path dataDir) {
        return new DataFolderLockedException("The data folder " + dataDir + " is encrypted but its key file "
                + DataKeys.FILE + " is missing: put " + DataKeys.FILE + " back from a copy of the folder, "
                + "or restore a backup of the team with its recovery key.");
    }
}
