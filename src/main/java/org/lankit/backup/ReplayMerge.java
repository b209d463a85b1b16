package org.lankit.backup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lankit.sync.Conflict;
import org.lankit.sync.Entry;
import org.lankit.sync.EntryMerger;
import org.lankit.sync.FieldValue;
import org.lankit.sync.MergeOutcome;
import org.lankit.sync.PushStatus;

/**
 * Merges one entry of a backup into the master's copy: the values by {@link EntryMerger#replay}
 * (copies without base, authors kept, the master's device id as authority), then the backup's
 * open conflicts and settled list, which the master keeps as its own: settled on either side
 * stays settled, and a conflict on the very value the field now holds (same clock) is not kept
 * open (the two sides picked different winners; the other one is the open conflict).
 */
final class ReplayMerge {

    enum Kind { CREATED, UPDATED, UNCHANGED }

    /** The state to store ({@code stored} itself when unchanged) and whether new conflicts opened. */
    record Result(Entry entry, Kind kind, boolean newConflicts) {
    }

    private final EntryMerger merger;

    ReplayMerge(String masterDeviceId) {
        this.merger = new EntryMerger(masterDeviceId);
    }

    Result merge(Entry stored, Entry fromBackup) {
        MergeOutcome outcome = merger.replay(stored, fromBackup);
        if (outcome.status() == PushStatus.REJECTED) throw new BackupRejectedException(outcome.error());
        Entry merged = outcome.entry();

        Set<String> settled = new LinkedHashSet<>(merged.settled());
        settled.addAll(fromBackup.settled());
        Map<String, Conflict> open = new LinkedHashMap<>();
        for (Conflict c : merged.conflicts()) open.putIfAbsent(c.key(), c);
        for (Conflict c : fromBackup.conflicts()) open.putIfAbsent(c.key(), c);
        List<Conflict> conflicts = new ArrayList<>();
        for (Conflict c : open.values()) {
            if (!settled.contains(c.key()) && !isCurrent(merged, c)) conflicts.add(c);
        }
        Entry result = new Entry(merged.uuid(), merged.formId(), merged.formVersion(), merged.fields(), merged.deleted(),
                merged.createdAt(), merged.createdBy(), merged.seq(), conflicts, List.copyOf(settled));

        if (stored == null) return new Result(result, Kind.CREATED, !conflicts.isEmpty());
        if (result.equals(stored)) return new Result(stored, Kind.UNCHANGED, false);
        Set<String> before = new LinkedHashSet<>();
        stored.conflicts().forEach(c -> before.add(c.key()));
        boolean opened = conflicts.stream().anyMatch(c -> !before.contains(c.key()));
        return new Result(result, Kind.UPDATED, opened);
    }

    private static boolean isCurrent(Entry entry, Conflict c) {
        FieldValue held = c.field().equals(Entry.DELETED_FIELD) ? entry.deleted() : entry.fields().get(c.field());
        return held != null && held.hlc().equals(c.hlc());
    }
}
