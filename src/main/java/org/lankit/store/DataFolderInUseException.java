package org.lankit.store;

import java.nio.file.Path;

/** Another Lankit process already works on this data folder. */
public final class DataFolderInUseException extends DataFolderException {

    public DataFolderInUseException(Path dataDir) {
        super("Another Lankit is already running with the data folder " + dataDir
                + ". Close it first, or start this one with --data-dir pointing to another folder.", null);
    }
}
