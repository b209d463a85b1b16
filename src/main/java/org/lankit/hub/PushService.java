package org.lankit.hub;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import org.lankit.store.EntryWriter;
import org.lankit.store.KitStore;
import org.lankit.store.StoredEntry;
import org.lankit.sync.ClockLimit;
import org.lankit.sync.Entry;
import org.lankit.sync.EntryMerger;
import org.lankit.sync.EntryValidator;
import org.lankit.sync.FieldValue;
import org.lankit.sync.Form;
import org.lankit.sync.Hlc;
import org.lankit.sync.ImageAnswers;
import org.lankit.sync.MergeOutcome;
import org.lankit.sync.OwnEntriesOnly;
import org.lankit.sync.Protocol.PushResult;
import org.lankit.sync.PushRefusal;
import org.lankit.sync.PushStatus;

/**
 * Applies a pushed batch on the master: checks each entry against its form, merges the valid ones
 * by the conflict rules and commits them all in one durable transaction before answering.
 * Replaying a batch changes nothing (status duplicate). Only what was stored moves the master's
 * clock, and only after the commit. Also the path of the coordinator's own
 * edits and conflict resolutions, which carry the master's device id.
 */
public final class PushService {

    private final KitStore store;
    private final MasterIdentity master;
    private final EntryMerger merger;
    private final Map<String, Lock> turns = new ConcurrentHashMap<>();

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
     * One device's pushes are applied one at a time (in the order they came), so a device sending
     * many at once waits for itself and holds up another device's push by one batch at most.
     *
     * @param ownEntriesOnly the device may change only entries it created ({@link OwnEntriesOnly});
     *                       an entry that changes another device's is rejected, the rest of the
     *                       batch is applied
     */
    public List<PushResult> push(String deviceId, List<Entry> batch, boolean ownEntriesOnly) {
        Lock turn = turns.computeIfAbsent(deviceId, id -> new ReentrantLock(true));
        turn.lock();
        try {
            return pushInTurn(deviceId, batch, ownEntriesOnly);
        } finally {
            turn.unlock();
        }
    }

    private List<PushResult> pushInTurn(String deviceId, List<Entry> batch, boolean ownEntriesOnly) {
        List<PushResult> results = new ArrayList<>(batch.size());
        List<Entry> valid = new ArrayList<>(batch.size());
        Set<String> repeated = repeatedUuids(batch);
        long now = master.clock().physicalNow();
        for (Entry raw : batch) {
            if (raw == null) {
                results.add(new PushResult(null, PushStatus.REJECTED, null, "entry must be an object"));
                continue;
            }
            Entry entry = asPushed(raw);
            if (repeated.contains(entry.uuid())) {
                results.add(refused(entry, PushRefusal.DUPLICATE_UUID,
                        "entry " + entry.uuid() + " came more than once in this push: none of its copies was taken, send it once"));
                continue;
            }
            Form form = formOf(entry);
            Optional<String> problem = EntryValidator.check(entry, form);
            Optional<String> missing = problem.isPresent() ? Optional.empty() : missingPhoto(entry, form);
            if (problem.isPresent()) {
                results.add(new PushResult(entry.uuid(), PushStatus.REJECTED, null, problem.get()));
            } else if (missing.isPresent()) {
                results.add(refused(entry, PushRefusal.ATTACHMENT_MISSING, missing.get()));
            } else {
                valid.add(entry);
                results.add(null);
            }
        }
        List<Entry> stored = new ArrayList<>(valid.size());
        List<PushResult> applied = store.write(writer -> {
            List<PushResult> out = new ArrayList<>(valid.size());
            for (Entry entry : valid) {
                PushResult result = apply(writer, deviceId, entry, ownEntriesOnly, now);
                if (result.status().changesMaster()) stored.add(entry);
                out.add(result);
            }
            return out;
        });
        // only now that they are durably stored: refused input never moves the master's clock
        observeNewest(stored);
        int next = 0;
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i) == null) results.set(i, applied.get(next++));
        }
        return results;
    }

    /**
     * The words for the first photo the entry names that the master does not hold whole. A photo
     * the master's copy already names at the same clock is an echo of what it took before, and
     * not asked for again.
     */
    private Optional<String> missingPhoto(Entry entry, Form form) {
        if (form == null) return Optional.empty();
        Entry stored = null;
        boolean looked = false;
        for (ImageAnswers.ImageAnswer photo : ImageAnswers.of(entry.fields(), form)) {
            if (store.attachments().holds(photo.name())) continue;
            if (!looked) {
                stored = store.find(entry.uuid()).map(StoredEntry::entry).orElse(null);
                looked = true;
            }
            FieldValue held = stored == null ? null : stored.fields().get(photo.field());
            if (held != null && held.hlc().equals(entry.fields().get(photo.field()).hlc())) continue;
            return Optional.of(photo.question().label() + ": the photo has not reached the master yet ("
                    + photo.name() + "); it is sent again before the entry");
        }
        return Optional.empty();
    }

    private PushResult apply(EntryWriter writer, String deviceId, Entry entry, boolean ownEntriesOnly, long now) {
        Entry stored = writer.find(entry.uuid()).map(StoredEntry::entry).orElse(null);
        Optional<String> ahead = ClockLimit.check(stored, entry, now);
        if (ahead.isPresent()) return refused(entry, PushRefusal.CLOCK_AHEAD, ahead.get());
        Optional<String> refusal = ownEntriesOnly ? OwnEntriesOnly.check(stored, entry, deviceId) : Optional.empty();
        if (refusal.isPresent()) return new PushResult(entry.uuid(), PushStatus.REJECTED, null, refusal.get());
        MergeOutcome outcome = merger.merge(stored, entry, deviceId);
        return switch (outcome.status()) {
            case APPLIED, MERGED, CONFLICT ->
                    new PushResult(entry.uuid(), outcome.status(), writer.commitMasterChange(outcome.entry(), deviceId), null);
            case DUPLICATE -> new PushResult(entry.uuid(), PushStatus.DUPLICATE, stored.seq(), null);
            case REJECTED -> outcome.refusal() != null ? refused(entry, outcome.refusal(), outcome.error())
                    : new PushResult(entry.uuid(), PushStatus.REJECTED, null, outcome.error());
        };
    }

    /** The entry without the master-only parts a device may have sent; most send none, and are not copied. */
    private static Entry asPushed(Entry raw) {
        return raw.seq() == 0 && raw.conflicts().isEmpty() && raw.settled().isEmpty() ? raw : raw.forPush();
    }

    private static PushResult refused(Entry entry, PushRefusal refusal, String words) {
        return new PushResult(entry.uuid(), PushStatus.REJECTED, null, refusal.wire(), words);
    }

    private static Set<String> repeatedUuids(List<Entry> batch) {
        Set<String> seen = new HashSet<>();
        Set<String> repeated = new HashSet<>();
        for (Entry e : batch) {
            if (e != null && e.uuid() != null && !seen.add(e.uuid())) repeated.add(e.uuid());
        }
        return repeated;
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

    /**
     * Moves the master's clock past every clock of the stored entries: observing the newest is
     * enough (its later stamps sort after it, so after all), and string order is clock order.
     */
    private void observeNewest(List<Entry> stored) {
        String newest = "";
        for (Entry e : stored) {
            String last = e.lastChangeHlc();
            if (last.compareTo(newest) > 0) newest = last;
        }
        if (!newest.isEmpty()) master.clock().observe(Hlc.parse(newest));
    }
}
