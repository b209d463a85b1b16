package org.lankit.store;

import io.objectbox.Box;
import java.util.concurrent.Callable;

/**
 * Reads by key ({@code Box.get}, {@code getAll}), counts ({@code Box.count}, {@code Query.count})
 * and id look-ups ({@code Query.findIds}, {@code findFirstId}) run in a read transaction of their
 * own. Outside one, ObjectBox keeps a read transaction per box on each thread that made such a
 * read, and the store's close, on another thread, destroys them with two warnings each on the
 * process's output (one stop of a master printed about 70). Query.find and the property queries
 * open and end their own transaction and need none of this. Inside a transaction already open,
 * the read joins it.
 */
final class ReadTx {

    private ReadTx() {
    }

    static <T> T read(Box<?> box, Callable<T> read) {
        return box.getStore().callInReadTx(read);
    }
}
