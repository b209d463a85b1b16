package org.lankit.store;

import org.lankit.secure.DataKeyMissingException;

/** The data folder is encrypted with a key this computer does not hold. */
public final class DataFolderLockedException extends DataFolderException {

    DataFolderLockedException(DataKeyMissingException cause) {
        super(cause.getMessage(), cause);
    }
}
