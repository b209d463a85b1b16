package org.lankit.hub;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lankit.store.KitStore;
import org.lankit.store.StoredEntry;
import org.lankit.sync.Entry;
import org.lankit.sync.EntryMerger;
import org.lankit.sync.EntryValidator;
import org.lankit.sync.FieldValue;
import org.lankit.sync.Form;
import org.lankit.sync.Hlc;
import org.lankit.sync.MergeOutcome;
import org.lankit.sync.OwnEntriesOnly;
import org.lankit.sync.Protocol.PushResult;
import org.lankit.sync.PushStatus;

/**
 * Applies a pushed batch on the master: checks each entry against its form, merges the valid ones
 * by the conflict rules and commits them all in one durable transaction before answering.
 * Replaying a batch changes nothing (status duplicate). Also the path of the coordinator's own
 * edits and conflict resolutions, which carry the master's device id.
 */
public final class PushService {

    private final KitStore store;
    private final MasterIdentity master;
    private final EntryMerger merger;

    public PushService(KitStore store, MasterIdentity master) {
        this.store = store;
        this.master = master;
        this.merger = new EntryMerger(master.deviceId());
    }

    /** A push that may change any entry: the master's own edits, client laptops, tests. */
    public List<PushResult> push(String deviceId, List<Entry> batch) {
        return push(deviceId, batch, false);
    }

    /**
     * @param ownEntriesOnly the device may change only entries it created ({@link OwnEntriesOnly});
     *                       an entry that changes another device's is rejected, the rest of the
     *                       batch is applied
     */
    public List<PushResult> push(String deviceId, List<Entry> batch, boolean ownEntriesOnly) {
        List<PushResult> results = new ArrayList<>(batch.size());
        List<Entry> valid = new ArrayList<>(batch.size());
        long now = master.clock().physicalNow();
        for (Entry raw : batch) {
            if (raw == null) {
                results.add(new PushResult(null, PushStatus.REJECTED, null, "entry must be an object"));
                continue;
            }
            Entry entry = raw.forPush();
            Optional<String> problem = EntryValidator.check(entry, formOf(entry), now);
            if (problem.isPresent()) {
                results.add(new PushResult(entry.uuid(), PushStatus.REJECTED, null, problem.get()));
            } else {
                observeClocks(entry);
                valid.add(entry);
                results.add(null);
            }
        }
        List<PushResult> applied = store.write(writer -> {
            List<PushResult> out = new ArrayList<>(valid.size());
            for (Entry entry : valid) {
                Entry stored = writer.find(entry.uuid()).map(StoredEntry::entry).orElse(null);
                Optional<String> refusal = ownEntriesOnly ? OwnEntriesOnly.check(stored, entry, deviceId) : Optional.empty();
                if (refusal.isPresent()) {
                    out.add(new PushResult(entry.uuid(), PushStatus.REJECTED, null, refusal.get()));
                    continue;
                }
                MergeOutcome outcome = merger.merge(stored, entry, deviceId);
                if (outcome.status().changesMaster()) {
                    long seq = writer.commitMasterChange(outcome.entry(), deviceId);
                    out.add(new PushResult(entry.uuid(), outcome.status(), seq, null));
                } else if (outcome.status() == PushStatus.DUPLICATE) {
                    out.add(new PushResult(entry.uuid(), PushStatus.DUPLICATE, stored.seq(), null));
                } else {
                    out.add(new PushResult(entry.uuid(), PushStatus.REJECTED, null, outcome.error()));
                }
            }
            return out;
        });
        int next = 0;
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i) == null) results.set(i, applied.get(next++));
        }
        return results;
    }

    /** The coordinator's pick for an open conflict, committed as a new master edit. */
    public long resolveConflict(String uuid, String field, JsonNode chosen) {
        return store.write(writer -> {
            Entry stored = writer.find(uuid).map(StoredEntry::entry)
                    .orElseThrow(() -> new IllegalArgumentException("no entry " + uuid));
            Entry resolved = merger.resolve(stored, field, chosen, master.clock().now());
            return writer.commitMasterChange(resolved, master.deviceId());
        });
    }

    private Form formOf(Entry entry) {
        if (entry.formId() == null) return null;
        return store.forms().version(entry.formId(), entry.formVersion())
                .orElse(null);
    }

    private void observeClocks(Entry entry) {
        for (FieldValue v : entry.fields().values()) master.clock().observe(Hlc.parse(v.hlc()));
        if (entry.deleted() != null) master.clock().observe(Hlc.parse(entry.deleted().hlc()));
    }
}
