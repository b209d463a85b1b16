package org.lankit.store;

import io.objectbox.exception.DbFullException;
import io.objectbox.exception.DbMaxDataSizeExceededException;

/** Recognises a write that failed because the database (or the disk under it) has no room left. */
public final class StoreFull {

    private StoreFull() {
    }

    /** Whether {@code failure}, or anything that caused it, says the store is full. */
    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DbFullException || t instanceof DbMaxDataSizeExceededException) return true;
        }
        return false;
    }
}
