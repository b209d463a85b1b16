package org.lankit.store;

import io.objectbox.Box;
import io.objectbox.query.Query;
import io.objectbox.query.QueryBuilder.StringOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.lankit.secure.DataKey;

/**
 * Where this device is in its exchanges: the last seq handed out, upload cursors and the batch in
 * flight, a laptop's pull checkpoint and receipts, the addresses shown. Kept apart from the
 * coordinator's {@link Settings}: it changes with every sync and is never chosen by anyone. Sealed
 * with the data key, because a batch in flight holds households' answers. Each package reads its
 * own names through a small typed class.
 */
public final class SyncState {

    private final Box<SyncStateRecord> box;
    private final FailedCommits commits;
    private final DataKey key;

    SyncState(Box<SyncStateRecord> box, FailedCommits commits, DataKey key) {
        this.box = box;
        this.commits = commits;
        this.key = key;
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(record(name)).map(r -> new String(key.open(r.sealed, place(name)), StandardCharsets.UTF_8));
    }

    public Optional<Long> getLong(String name) {
        return get(name).map(Long::parseLong);
    }

    /** Joins the caller's transaction inside {@link KitStore#write}, like {@link Settings#put}. */
    public void put(String name, String value) {
        byte[] sealed = key.seal(value.getBytes(StandardCharsets.UTF_8), place(name));
        commits.write(() -> {
            SyncStateRecord r = record(name);
            if (r == null) {
                r = new SyncStateRecord();
                r.name = name;
            }
            r.sealed = sealed;
            box.put(r);
        });
    }

    public void putLong(String name, long value) {
        put(name, Long.toString(value));
    }

    public void remove(String name) {
        commits.write(() -> {
            SyncStateRecord r = record(name);
            if (r != null) box.remove(r);
        });
    }

    private static String place(String name) {
        return "sync:" + name;
    }

    private SyncStateRecord record(String name) {
        try (Query<SyncStateRecord> q = box.query(SyncStateRecord_.name.equal(name, StringOrder.CASE_SENSITIVE)).build()) {
            return q.findUnique();
        }
    }
}
