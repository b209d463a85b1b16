package org.lankit.backup;

import java.util.ArrayList;
import java.util.HashSet;
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
 * (copies without base, authors kept, the master's device id as authority), then the review
 * state. Both sides' settled lists are kept. A conflict open on either side stays open unless the
 * other side has closed it (its key is settled there and not open: resolved, or superseded
 * knowingly), and a conflict on the very value the field now holds is dropped (the two sides
 * picked different winners; the other value is the open conflict). A take-over's hand-over
 * (a former master's entries reaching its successor) merges the same way.
 */
public final class ReplayMerge {

    public enum Kind { CREATED, UPDATED, UNCHANGED }

    /** The state to store ({@code stored} itself when unchanged) and whether new conflicts opened. */
    public record Result(Entry entry, Kind kind, boolean newConflicts) {
    }

    private final EntryMerger merger;

    public ReplayMerge(String masterDeviceId) {
        this.merger = new EntryMerger(masterDeviceId);
    }

    /** @throws BackupRejectedException when the entry belongs to another form than the stored one */
    public Result merge(Entry stored, Entry fromBackup) {
        MergeOutcome outcome = merger.replay(stored, fromBackup);
        if (outcome.status() == PushStatus.REJECTED) throw new BackupRejectedException(outcome.error());
        Entry merged = outcome.entry();

        List<String> settled = new ArrayList<>(merged.settled());
        Set<String> known = new HashSet<>(settled);
        for (String key : fromBackup.settled()) {
            if (!known.contains(key)) settled.add(key);
        }
        Set<String> closedHere = closed(stored);
        Set<String> closedInBackup = closed(fromBackup);
        Map<String, Conflict> open = new LinkedHashMap<>();
        for (Conflict c : merged.conflicts()) open.putIfAbsent(c.key(), c);
        for (Conflict c : fromBackup.conflicts()) {
            if (!closedHere.contains(c.key())) open.putIfAbsent(c.key(), c);
        }
        List<Conflict> conflicts = new ArrayList<>();
        for (Conflict c : open.values()) {
            if (!closedInBackup.contains(c.key()) && !isCurrent(merged, c)) conflicts.add(c);
        }
        Entry result = new Entry(merged.uuid(), merged.formId(), merged.formVersion(), merged.fields(), merged.deleted(),
                merged.createdAt(), merged.createdBy(), merged.seq(), conflicts, settled);

        if (stored == null) return new Result(result, Kind.CREATED, !conflicts.isEmpty());
        if (result.equals(stored)) return new Result(stored, Kind.UNCHANGED, false);
        Set<String> before = new LinkedHashSet<>();
        stored.conflicts().forEach(c -> before.add(c.key()));
        boolean opened = conflicts.stream().anyMatch(c -> !before.contains(c.key()));
        return new Result(result, Kind.UPDATED, opened);
    }

    /** Values a side has seen and that are no longer open for review there (resolved, or superseded
     * without a conflict). */
    private static Set<String> closed(Entry entry) {
        if (entry == null) return Set.of();
        Set<String> closed = new HashSet<>(entry.settled());
        entry.conflicts().forEach(c -> closed.remove(c.key()));
        return closed;
    }

    private static boolean isCurrent(Entry entry, Conflict c) {
        FieldValue held = c.field().equals(Entry.DELETED_FIELD) ? entry.deleted() : entry.fields().get(c.field());
        return held != null && held.hlc().equals(c.hlc());
    }
}
