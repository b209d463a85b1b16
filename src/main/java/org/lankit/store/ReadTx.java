package org.lankit.store;

import io.objectbox.Box;
import java.util.concurrent.Callable;

/**
 * Reads by key or count ({@code get}, {@code getAll}, {@code count}) run in a read transaction of
 * their own. Outside one, ObjectBox keeps a read transaction per box on each thread that read, and
 * the store's close, on another thread, destroys them with two warnings each on the process's
 * output (one stop of the hub printed about 70). Queries need none of this: they open and end
 * their own transaction. Inside a transaction already open, the read joins it.
 */
final class ReadTx {

    private ReadTx() {
    }

    static <T> T read(Box<?> box, Callable<T> read) {
        return box.getStore().callInReadTx(read);
    }
}
