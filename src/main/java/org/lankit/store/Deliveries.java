package org.lankit.store;

import io.objectbox.Box;
import io.objectbox.query.Query;
import io.objectbox.query.QueryBuilder.StringOrder;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Master: per team server (upload target) and entry, the revision the server holds and its name
 * for it, or the revision it refused. Writes join the caller's transaction (inside
 * {@link KitStore#write}), so an upload's answer and its bookkeeping commit together. Thread-safe.
 */
public final class Deliveries {

    /** Appended to the target in {@code failedFor} while a refusal waits to be sent again. */
    private static final String RETRY = " retry";

    private final Box<DeliveryRecord> box;
    private final FailedCommits commits;

    Deliveries(Box<DeliveryRecord> box, FailedCommits commits) {
        this.box = box;
        this.commits = commits;
    }

    public Optional<Delivery> find(String target, String uuid) {
        return Optional.ofNullable(record(target, uuid)).map(Deliveries::delivery);
    }

    /** The server took the revision at {@code seq}; a refusal of an older revision is over. */
    public void delivered(String target, String uuid, long seq, String ref) {
        commits.write(() -> {
            DeliveryRecord r = recordOrNew(target, uuid);
            r.deliveredSeq = seq;
            r.ref = ref;
            if (r.failedSeq <= seq) clearFailure(r);
            box.put(r);
        });
    }

    /** The server refused the revision at {@code seq}, for {@code error}. */
    public void refused(String target, String uuid, long seq, String error) {
        commits.write(() -> {
            DeliveryRecord r = recordOrNew(target, uuid);
            r.failedFor = target;
            r.failedSeq = seq;
            r.error = error;
            box.put(r);
        });
    }

    /** Every server's answer about every entry, in no particular order (a take-over's bundle). */
    public void forEach(Consumer<Delivery> each) {
        try (Query<DeliveryRecord> q = box.query().build()) {
            q.forEach(r -> each.accept(delivery(r)));
        }
    }

    /** Refusals of the target, oldest revision first: at most {@code limit}. */
    public List<Delivery> refusals(String target, int limit) {
        return byFailedFor(target, limit);
    }

    public long countRefused(String target) {
        return countFailedFor(target);
    }

    /** Refused revisions the coordinator asked to send again, oldest first: at most {@code limit}. */
    public List<Delivery> retries(String target, int limit) {
        return byFailedFor(target + RETRY, limit);
    }

    public long countRetries(String target) {
        return countFailedFor(target + RETRY);
    }

    /**
     * The coordinator's "retry failed": each refusal of the target is marked to be sent again (it
     * stays a refusal until the server answers). Returns how many.
     */
    public int markForRetry(String target) {
        int[] marked = {0};
        commits.write(() -> {
            try (Query<DeliveryRecord> q = box.query(DeliveryRecord_.failedFor.equal(target, StringOrder.CASE_SENSITIVE)).build()) {
                List<DeliveryRecord> records = q.find();
                records.forEach(r -> r.failedFor = target + RETRY);
                box.put(records);
                marked[0] = records.size();
            }
        });
        return marked[0];
    }

    /** Drops the mark to send again: the entry changed since (its new revision goes anyway) or is gone. */
    public void dropRetry(String target, String uuid) {
        commits.write(() -> {
            DeliveryRecord r = record(target, uuid);
            if (r != null && (target + RETRY).equals(r.failedFor)) {
                r.failedFor = target;
                box.put(r);
            }
        });
    }

    private List<Delivery> byFailedFor(String value, int limit) {
        try (Query<DeliveryRecord> q = box.query(DeliveryRecord_.failedFor.equal(value, StringOrder.CASE_SENSITIVE))
                .order(DeliveryRecord_.failedSeq).build()) {
            return q.find(0, limit).stream().map(Deliveries::delivery).toList();
        }
    }

    private long countFailedFor(String value) {
        try (Query<DeliveryRecord> q = box.query(DeliveryRecord_.failedFor.equal(value, StringOrder.CASE_SENSITIVE)).build()) {
            return ReadTx.read(box, q::count);
        }
    }

    private static void clearFailure(DeliveryRecord r) {
        r.failedFor = null;
        r.failedSeq = 0;
        r.error = null;
    }

    private DeliveryRecord recordOrNew(String target, String uuid) {
        DeliveryRecord r = record(target, uuid);
        if (r != null) return r;
        r = new DeliveryRecord();
        r.key = key(target, uuid);
        r.target = target;
        r.uuid = uuid;
        return r;
    }

    private DeliveryRecord record(String target, String uuid) {
        try (Query<DeliveryRecord> q = box.query(DeliveryRecord_.key.equal(key(target, uuid), StringOrder.CASE_SENSITIVE)).build()) {
            return q.findUnique();
        }
    }

    private static String key(String target, String uuid) {
        return target + " " + uuid;
    }

    private static Delivery delivery(DeliveryRecord r) {
        return new Delivery(r.target, r.uuid, r.deliveredSeq, r.ref, r.failedSeq, r.error);
    }
}
