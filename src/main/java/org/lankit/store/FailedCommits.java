package org.lankit.store;

import io.objectbox.BoxStore;
import io.objectbox.exception.DbException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After ObjectBox refuses a commit (a full disk), the next read transaction on the same thread
 * fails ("another read transaction is still active on this thread") until that thread completes
 * a write transaction. Server threads are reused, so every write of the store completes one at
 * once after a refusal: an empty one, which needs no room.
 */
final class FailedCommits {

    private static final Logger LOG = LoggerFactory.getLogger(FailedCommits.class);

    private FailedCommits() {
    }

    /** Runs {@code work} in a write transaction (or the caller's), recovering the thread if the commit is refused. */
    static void write(BoxStore store, Runnable work) {
        try {
            store.runInTx(work);
        } catch (DbException refused) {
            recoverThread(store);
            throw refused;
        }
    }

    static void recoverThread(BoxStore store) {
        try {
            store.runInTx(() -> { });
        } catch (RuntimeException stillFailing) {
            LOG.warn("the store could not recover this thread after a refused write: {}", stillFailing.getMessage());
        }
    }
}
