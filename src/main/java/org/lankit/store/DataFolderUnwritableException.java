package org.lankit.store;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

/** The data folder cannot be written (a read-only disk or card, no permission): nothing can be kept there. */
public final class DataFolderUnwritableException extends DataFolderException {

    DataFolderUnwritableException(Path dataDir, IOException cause) {
        super("Lankit cannot write to its data folder " + dataDir + " (" + reason(cause) + "). Start it with "
                + "--data-dir pointing to a folder this user may write to, on a disk that is not read-only.", cause);
    }

    private static String reason(IOException cause) {
        if (cause instanceof AccessDeniedException) return "permission denied";
        if (cause instanceof FileSystemException fs && fs.getReason() != null) return fs.getReason().toLowerCase(java.util.Locale.ROOT);
        return cause.getMessage() == null ? "an input/output error" : cause.getMessage();
    }
}
