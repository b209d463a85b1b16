package org.lankit.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A device's side of the merge rules. A device keeps its own edits that the master has not yet
 * acknowledged as field values that still carry {@code base}: the clock of the master's value
 * the editor saw. Pushing sends them as they are; an acknowledgement drops the base; pulling
 * takes the master's state for every other field, so a local edit is never overwritten by older
 * master state.
 */
public final class LocalEdits {

    private LocalEdits() {
    }

    /** A new entry made on this device: every value is a pending edit of nothing, all with the
     * save's one clock (so the compact form names it once). */
    public static Entry create(String uuid, Form form, Map<String, JsonNode> values, HlcClock clock) {
        Map<String, FieldValue> fields = new TreeMap<>();
        Hlc saved = clock.now();
        values.forEach((name, value) -> fields.put(name, FieldValue.edit(value, saved, "")));
        long createdAt = clock.physicalNow();
        return new Entry(uuid, form.id(), form.version(), fields, null, createdAt, clock.deviceId(), 0, null, null);
    }

    /** Sets one field; a field edited again before the master saw it keeps its first base. */
    public static Entry edit(Entry local, String field, JsonNode value, HlcClock clock) {
        Map<String, FieldValue> fields = new TreeMap<>(local.fields());
        fields.put(field, FieldValue.edit(value, clock.now(), baseFor(fields.get(field))));
        return local.withFields(fields, local.deleted());
    }

    /** Deletes (or restores, with {@code deleted} false) the entry: a tombstone edit. */
    public static Entry setDeleted(Entry local, boolean deleted, HlcClock clock) {
        FieldValue tombstone = FieldValue.edit(BooleanNode.valueOf(deleted), clock.now(), baseFor(local.deleted()));
        return local.withFields(local.fields(), tombstone);
    }

    /**
     * New clocks for the unsent edits, after the master refused them as stamped ahead of its time
     * (call {@link HlcClock#dropFuture} first). Each new clock is later than the edit's base, so the
     * master takes it as an edit of the value it holds; the creation time never stays ahead of the
     * master's time. The phone's rule too (entries.js restamp).
     */
    public static Entry restamp(Entry local, HlcClock clock) {
        local.fields().values().forEach(v -> observeBase(v, clock));
        if (local.deleted() != null) observeBase(local.deleted(), clock);
        // later than every base, and one clock for all the edits, as a save makes
        Hlc now = clock.now();
        Map<String, FieldValue> fields = new TreeMap<>(local.fields());
        local.fields().forEach((name, v) -> {
            if (v.isEdit()) fields.put(name, FieldValue.edit(v.value(), now, v.base()));
        });
        FieldValue deleted = local.deleted() != null && local.deleted().isEdit()
                ? FieldValue.edit(local.deleted().value(), now, local.deleted().base()) : local.deleted();
        return new Entry(local.uuid(), local.formId(), local.formVersion(), fields, deleted,
                Math.min(local.createdAt(), clock.physicalNow()), local.createdBy(), local.seq(), local.conflicts(), local.settled());
    }

    private static void observeBase(FieldValue v, HlcClock clock) {
        if (v.isEdit() && !v.base().isEmpty()) clock.observe(Hlc.parse(v.base()));
    }

    /** Names of the fields (and {@link Entry#DELETED_FIELD}) holding unacknowledged edits. */
    public static Set<String> pending(Entry local) {
        Set<String> names = new TreeSet<>();
        local.fields().forEach((name, v) -> {
            if (v.isEdit()) names.add(name);
        });
        if (local.deleted() != null && local.deleted().isEdit()) names.add(Entry.DELETED_FIELD);
        return names;
    }

    /** The master stored (or already had) what was pushed: those edits are no longer pending,
     * unless the field was edited again meanwhile. */
    public static Entry acknowledge(Entry local, Entry pushed) {
        Map<String, FieldValue> fields = new TreeMap<>(local.fields());
        pushed.fields().forEach((name, sent) -> {
            FieldValue now = fields.get(name);
            if (now != null && now.isEdit() && now.hlc().equals(sent.hlc())) fields.put(name, now.withoutBase());
        });
        FieldValue deleted = local.deleted();
        if (deleted != null && deleted.isEdit() && pushed.deleted() != null && deleted.hlc().equals(pushed.deleted().hlc())) {
            deleted = deleted.withoutBase();
        }
        return local.withFields(fields, deleted);
    }

    /** The master's state of the entry, keeping this device's pending edits on top. */
    public static Entry adopt(Entry local, Entry master) {
        if (local == null) return master;
        Map<String, FieldValue> fields = new TreeMap<>(master.fields());
        local.fields().forEach((name, v) -> {
            if (v.isEdit()) fields.put(name, v);
        });
        FieldValue deleted = local.deleted() != null && local.deleted().isEdit() ? local.deleted() : master.deleted();
        return new Entry(master.uuid(), master.formId(), master.formVersion(), fields, deleted, master.createdAt(),
                master.createdBy(), master.seq(), master.conflicts(), master.settled());
    }

    private static String baseFor(FieldValue current) {
        if (current == null) return "";
        return current.isEdit() ? current.base() : current.hlc();
    }
}
