package org.lankit.store;

import io.objectbox.BoxStore;
import io.objectbox.exception.DbException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After ObjectBox refuses a commit (a full disk), the next read transaction on the same thread
 * fails ("another read transaction is still active on this thread") until that thread completes
 * a write transaction. Server threads are reused, so every write of the store completes one at
 * once after a refusal: an empty one, which needs no room. The refusal is then said plainly when
 * the disk is the reason, whatever was being written (an entry, a device, a form, a setting).
 */
final class FailedCommits {

    private static final Logger LOG = LoggerFactory.getLogger(FailedCommits.class);

    private final BoxStore store;
    private final Path dataDir;

    FailedCommits(BoxStore store, Path dataDir) {
        this.store = store;
        this.dataDir = dataDir;
    }

    /** Runs {@code work} in a write transaction (or the caller's), recovering the thread if the commit is refused. */
    void write(Runnable work) {
        try {
            store.runInTx(work);
        } catch (DbException e) {
            throw refused(e);
        }
    }

    /** Recovers this thread after ObjectBox refused a write; the failure to throw in its place. */
    RuntimeException refused(DbException failure) {
        try {
            store.runInTx(() -> { });
        } catch (RuntimeException stillFailing) {
            LOG.warn("the store could not recover this thread after a refused write: {}", stillFailing.getMessage());
        }
        return StoreFull.explain(failure, dataDir);
    }
}
