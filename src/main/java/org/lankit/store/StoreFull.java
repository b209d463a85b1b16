package org.lankit.store;

import io.objectbox.exception.DbException;
import io.objectbox.exception.DbFullException;
import io.objectbox.exception.DbMaxDataSizeExceededException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Recognises a write that failed because the database (or the disk under it) has no room left. */
public final class StoreFull {

    /**
     * A real full disk often surfaces as a plain I/O error at commit ("Could not commit tx"), not
     * as ObjectBox's "full" exception; with less than this left on the disk, that is what it means.
     */
    static final long NEARLY_FULL_BYTES = 32L * 1024 * 1024;

    /** A commit that failed because the disk under the data folder is full; nothing of it was stored. */
    public static final class DiskFullException extends RuntimeException {
        DiskFullException(Path dataDir, Throwable cause) {
            super("the disk under " + dataDir + " is full: " + cause.getMessage(), cause);
        }
    }

    private StoreFull() {
    }

    /** Whether {@code failure}, or anything that caused it, says the store is full. */
    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DbFullException || t instanceof DbMaxDataSizeExceededException || t instanceof DiskFullException) {
                return true;
            }
        }
        return false;
    }

    /** The failure to throw for a write that ObjectBox refused: said plainly when the disk is the reason. */
    static RuntimeException explain(DbException failure, Path dataDir) {
        return !causedBy(failure) && nearlyFull(dataDir) ? new DiskFullException(dataDir, failure) : failure;
    }

    private static boolean nearlyFull(Path dataDir) {
        return usableSpace(dataDir) < NEARLY_FULL_BYTES;
    }

    /** What is left on the disk under {@code dataDir}; plenty when the system cannot say. */
    static long usableSpace(Path dataDir) {
        try {
            return Files.getFileStore(dataDir).getUsableSpace();
        } catch (IOException unknown) {
            return Long.MAX_VALUE;
        }
    }
}
