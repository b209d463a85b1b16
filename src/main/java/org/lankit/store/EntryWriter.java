package org.lankit.store;

import io.objectbox.Box;
import io.objectbox.query.Query;
import io.objectbox.query.QueryBuilder.StringOrder;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import org.lankit.sync.Entry;
import org.lankit.sync.FieldValue;

/**
 * Writes entries inside one store transaction ({@link KitStore#write}); nothing is visible to
 * others, nor acknowledged, before the whole transaction commits. Not thread-safe: use it only
 * inside the callback that received it.
 */
public final class EntryWriter {

    static final int LOCAL_PENDING = 1;
    static final int LOCAL_REJECTED = 2;

    private final Box<EntryRecord> entries;
    private final Box<AuditRecord> audit;
    private final Query<EntryRecord> byUuid;
    private final SealedRecords sealed;
    private final LongSupplier clock;
    private long lastSeq;
    private boolean seqAdvanced;
    /** What {@link #find} read last, handed to the next write of that entry (see {@link #take}). */
    private Found found;

    EntryWriter(Box<EntryRecord> entries, Box<AuditRecord> audit, Query<EntryRecord> byUuid, SealedRecords sealed,
            long lastSeq, LongSupplier clock) {
        this.entries = entries;
        this.audit = audit;
        this.byUuid = byUuid;
        this.sealed = sealed;
        this.lastSeq = lastSeq;
        this.clock = clock;
    }

    /**
     * The entry as stored in this transaction. A write of the same entry that comes next (the
     * push path: find, merge, commit) reuses what was read here instead of querying and parsing
     * the stored record again.
     */
    public Optional<StoredEntry> find(String uuid) {
        EntryRecord r = record(uuid);
        StoredEntry stored = r == null ? null : sealed.entry(r);
        found = new Found(uuid, r, stored);
        return Optional.ofNullable(stored);
    }

    /**
     * Master: stores a new state of an entry under the next sequence number, marks it pending for
     * the team's API and writes the audit event. Returns the new seq.
     */
    public long commitMasterChange(Entry entry, String actor) {
        return commitMasterChange(entry, actor, null);
    }

    /** As {@link #commitMasterChange(Entry, String)}, with the audit action named by the caller
     * (null: create, edit, delete or restore, as the change shows). */
    public long commitMasterChange(Entry entry, String actor, String auditAction) {
        Found before = take(entry.uuid());
        EntryRecord r = before.record();
        Entry previous = r == null ? null : before.stored() != null ? before.stored().entry() : sealed.entry(r).entry();
        if (r == null) r = newRecord(entry);
        long seq = ++lastSeq;
        seqAdvanced = true;
        r.moveToSeq(seq);
        sealed.store(r, entry.withSeq(seq));
        r.changedAt = clock.getAsLong();
        entries.put(r);
        audit(actor, auditAction != null ? auditAction : action(previous, entry), entry.uuid(), summary(previous, entry));
        return seq;
    }

    /**
     * Removes an entry for good and audits the removal. On the master its seq is never handed out
     * again: the last seq is kept in the settings, not derived from the entries left. On a device
     * it drops the local copy only (the team's retention); the checkpoint is not touched.
     */
    public boolean remove(String uuid, String actor, String summary) {
        EntryRecord r = record(uuid);
        if (r == null) return false;
        entries.remove(r);
        audit(actor, "remove", uuid, summary);
        return true;
    }

    /**
     * Master: makes the next seq larger than {@code floor} (a restored backup's last seq), so a
     * device holding a checkpoint of the old master still pulls every restored entry.
     */
    public void raiseSeqAbove(long floor) {
        if (floor <= lastSeq) return;
        lastSeq = floor;
        seqAdvanced = true;
    }

    /** Adds an event read from a backup with its own time; false when the log already has it. */
    public boolean restoreAudit(AuditEvent event) {
        try (Query<AuditRecord> same = audit.query(AuditRecord_.time.equal(event.time())).build()) {
            for (AuditRecord a : same.find()) {
                if (sealed.audit(a).equals(event)) return false;
            }
        }
        AuditRecord a = new AuditRecord();
        a.time = event.time();
        a.deviceId = event.deviceId();
        a.action = event.action();
        a.entryUuid = event.entryUuid();
        sealed.store(a, event.summary());
        audit.put(a);
        return true;
    }

    /**
     * Device: stores the entry as given, with the fields still waiting for the master's
     * acknowledgement; {@code action} names what happened for the audit log (null: no event).
     */
    public void putReplica(Entry entry, Set<String> pendingFields, String actor, String action) {
        EntryRecord r = record(entry.uuid());
        if (r == null) r = newRecord(entry);
        r.moveToSeq(entry.seq());
        sealed.store(r, entry);
        r.changedAt = clock.getAsLong();
        r.localPending = pendingFields.isEmpty() ? 0 : LOCAL_PENDING;
        r.upstreamError = null;
        r.pendingFields = pendingFields.isEmpty() ? null : RecordCodec.write(pendingFields.stream().sorted().toList());
        entries.put(r);
        if (action != null) audit(actor, action, entry.uuid(), action + " by " + actor);
    }

    /**
     * Device: the master refused the entry; it stays here with the reason and is not sent again
     * until it is edited.
     */
    public void markRejected(String uuid, String reason) {
        EntryRecord r = record(uuid);
        if (r == null) return;
        r.localPending = LOCAL_REJECTED;
        r.upstreamError = reason;
        entries.put(r);
    }

    public void audit(String deviceId, String action, String entryUuid, String summary) {
        AuditRecord a = new AuditRecord();
        a.time = clock.getAsLong();
        a.deviceId = deviceId;
        a.action = action;
        a.entryUuid = entryUuid;
        sealed.store(a, summary);
        audit.put(a);
    }

    long lastSeq() {
        return lastSeq;
    }

    boolean seqAdvanced() {
        return seqAdvanced;
    }

    private EntryRecord record(String uuid) {
        return take(uuid).record();
    }

    /**
     * The stored record of {@code uuid}: the one {@link #find} just read if it was for this entry,
     * else from the store. Every method that reads or writes an entry's record comes here first
     * and the memo is used at most once, so it never outlives a write: what it holds is what the
     * store holds.
     */
    private Found take(String uuid) {
        Found last = found;
        found = null;
        if (last != null && last.uuid().equals(uuid)) return last;
        return new Found(uuid, byUuid.setParameter(EntryRecord_.uuid, uuid).findUnique(), null);
    }

    private EntryRecord newRecord(Entry entry) {
        EntryRecord r = new EntryRecord();
        r.uuid = entry.uuid();
        r.formId = entry.formId();
        r.createdAt = entry.createdAt();
        r.createdBy = entry.createdBy();
        return r;
    }

    private static String action(Entry previous, Entry now) {
        if (previous == null) return "create";
        if (now.isDeleted() && !previous.isDeleted()) return "delete";
        if (!now.isDeleted() && previous.isDeleted()) return "restore";
        return "edit";
    }

    private static String summary(Entry previous, Entry now) {
        int changed = 0;
        for (Map.Entry<String, FieldValue> e : now.fields().entrySet()) {
            FieldValue before = previous == null ? null : previous.fields().get(e.getKey());
            if (before == null || !before.hlc().equals(e.getValue().hlc())) changed++;
        }
        int openConflicts = now.conflicts().size();
        return changed + " field(s) changed" + (openConflicts > 0 ? ", " + openConflicts + " open conflict(s)" : "");
    }

    /** A record as read (null: no such entry) and, when {@link #find} parsed it, its entry. */
    private record Found(String uuid, EntryRecord record, StoredEntry stored) {
    }

    static Query<EntryRecord> uuidQuery(Box<EntryRecord> box) {
        return box.query(EntryRecord_.uuid.equal("", StringOrder.CASE_SENSITIVE)).build();
    }
}
