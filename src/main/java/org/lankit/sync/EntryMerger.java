package org.lankit.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The master's merge rules (protocol.md, "Merge rules"), field by field:
 * <ul>
 *   <li>an edit whose base is the stored clock is a plain update;</li>
 *   <li>otherwise the edits were concurrent: the master's own edit wins over a client's, then the
 *       later clock wins; a losing value that differs is kept as an open conflict;</li>
 *   <li>a value sent without base and not newer than the stored one is a stale echo: ignored;</li>
 *   <li>the delete tombstone follows the same rules, and an edit concurrent with a delete opens a
 *       conflict on {@link Entry#DELETED_FIELD}.</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class EntryMerger {

    /** Superseded values remembered per entry; older ones may, if replayed very late, reopen as conflicts. */
    static final int MAX_SETTLED = 500;

    /**
     * The most JSON one stored entry may hold (fields, conflicts and settled list), 256 KB: a real
     * entry stays far below (a full form of the largest answers is some 30 KB), so only a device
     * sending the same entry over and over meets it.
     */
    public static final int MAX_ENTRY_BYTES = 256 * 1024;

    private final String masterDeviceId;

    public EntryMerger(String masterDeviceId) {
        this.masterDeviceId = Objects.requireNonNull(masterDeviceId);
    }

    /** Merges {@code incoming}, pushed by {@code pusher}, into {@code stored} (null when new). */
    public MergeOutcome merge(Entry stored, Entry incoming, String pusher) {
        if (stored != null && !stored.formId().equals(incoming.formId())) {
            return MergeOutcome.rejected("entry " + incoming.uuid() + " belongs to form " + stored.formId());
        }
        if (stored == null && !pusher.equals(incoming.createdBy())) {
            return MergeOutcome.rejected("createdBy: a device may only create entries as itself");
        }
        String authorError = checkAuthors(stored, incoming, pusher);
        if (authorError != null) return MergeOutcome.rejected(authorError);
        MergeOutcome outcome = apply(stored, incoming);
        if (outcome.status().changesMaster() && isTooLarge(outcome.entry())) {
            return MergeOutcome.refused(PushRefusal.ENTRY_TOO_LARGE, "entry " + incoming.uuid()
                    + " would hold more than " + MAX_ENTRY_BYTES / 1024 + " KB; the coordinator should settle its open conflicts");
        }
        return outcome;
    }

    /**
     * Merges an entry state replayed from a verified backup into {@code stored} (null when new).
     * Its values keep their authors (the author rule is for devices writing as themselves; a
     * backup carries what many devices wrote). A backup holds no {@code base}, so each value is
     * taken as a copy: one not newer than the stored value is stale; a newer one by the device
     * that wrote the stored value is that device's next edit of it (one device's edits are
     * sequential), a plain update; any other newer one meets the stored value as a concurrent edit
     * (master priority, then the later clock; the loser becomes a conflict). The backup's
     * conflicts and settled list are not merged here.
     */
    public MergeOutcome replay(Entry stored, Entry replayed) {
        if (stored != null && !stored.formId().equals(replayed.formId())) {
            return MergeOutcome.rejected("entry " + replayed.uuid() + " belongs to form " + stored.formId());
        }
        Map<String, FieldValue> copies = new TreeMap<>();
        replayed.fields().forEach((name, v) -> copies.put(name, replayCopy(stored == null ? null : stored.fields().get(name), v)));
        FieldValue deleted = replayed.deleted() == null ? null
                : replayCopy(stored == null ? null : stored.deleted(), replayed.deleted());
        return apply(stored, replayed.withFields(copies, deleted));
    }

    private FieldValue replayCopy(FieldValue held, FieldValue copy) {
        boolean ownNextEdit = held != null && copy.by().equals(held.by()) && copy.hlc().compareTo(held.hlc()) > 0;
        return ownNextEdit ? new FieldValue(copy.value(), copy.hlc(), copy.by(), held.hlc()) : copy.withoutBase();
    }

    private MergeOutcome apply(Entry stored, Entry incoming) {
        Merge merge = new Merge(stored);
        incoming.fields().forEach(merge::field);
        if (incoming.deleted() != null) merge.field(Entry.DELETED_FIELD, incoming.deleted());
        merge.editVersusDelete(incoming);

        if (!merge.changed && !merge.newConflict) {
            return new MergeOutcome(stored, PushStatus.DUPLICATE, null, null);
        }
        Entry result = merge.result(incoming);
        PushStatus status = merge.newConflict ? PushStatus.CONFLICT
                : sameValues(result, incoming) ? PushStatus.APPLIED : PushStatus.MERGED;
        return new MergeOutcome(result, status, null, null);
    }

    /** The coordinator's pick for an open conflict: a new master edit that closes every open
     * conflict of that field. */
    public Entry resolve(Entry stored, String field, JsonNode chosen, Hlc masterClock) {
        List<Conflict> open = new ArrayList<>();
        List<Conflict> keep = new ArrayList<>();
        for (Conflict c : stored.conflicts()) (c.field().equals(field) ? open : keep).add(c);
        if (open.isEmpty()) throw new IllegalArgumentException("no open conflict on " + field);
        if (!masterClock.deviceId().equals(masterDeviceId)) throw new IllegalArgumentException("only the master resolves");

        Map<String, FieldValue> fields = new TreeMap<>(stored.fields());
        FieldValue deleted = stored.deleted();
        if (field.equals(Entry.DELETED_FIELD)) {
            deleted = FieldValue.stored(BooleanNode.valueOf(chosen.asBoolean(false)), masterClock);
        } else {
            fields.put(field, FieldValue.stored(chosen, masterClock));
        }
        List<String> settled = new ArrayList<>(stored.settled());
        open.forEach(c -> settled.add(c.key()));
        FieldValue current = storedValue(stored, field);
        if (current != null) settled.add(field + "@" + current.hlc());
        return new Entry(stored.uuid(), stored.formId(), stored.formVersion(), fields, deleted,
                stored.createdAt(), stored.createdBy(), stored.seq(), keep, settled);
    }

    /**
     * The fields (and {@link Entry#DELETED_FIELD}) of a pushed entry whose value is new to the
     * master: not the value it holds, not a stale copy, not one it has already seen lose. Devices
     * push whole entries, so values echoed back unchanged are left out.
     */
    public static List<String> newValues(Entry stored, Entry incoming) {
        List<String> fresh = new ArrayList<>(incoming.fields().size() + 1);
        for (Map.Entry<String, FieldValue> f : incoming.fields().entrySet()) {
            if (isNewValue(stored, f.getKey(), f.getValue())) fresh.add(f.getKey());
        }
        if (incoming.deleted() != null && isNewValue(stored, Entry.DELETED_FIELD, incoming.deleted())) fresh.add(Entry.DELETED_FIELD);
        return fresh;
    }

    /** Whether {@code v}, field {@code name} of a pushed entry, is one of its {@link #newValues}. */
    static boolean isNewValue(Entry stored, String name, FieldValue v) {
        FieldValue held = stored == null ? null : storedValue(stored, name);
        if (held != null && held.hlc().equals(v.hlc())) return false;
        if (!v.isEdit() && held != null && v.hlc().compareTo(held.hlc()) <= 0) return false;
        return stored == null || !isKnownLoser(stored, name, v.hlc());
    }

    /** A device writes only as itself: a value the master does not hold must name the pusher. */
    private String checkAuthors(Entry stored, Entry incoming, String pusher) {
        // the new values in newValues' order, walked in place (no list, no look-up by name)
        for (Map.Entry<String, FieldValue> f : incoming.fields().entrySet()) {
            if (isNewValue(stored, f.getKey(), f.getValue()) && !isBy(f.getValue(), pusher)) return notAuthor(f.getKey());
        }
        FieldValue deleted = incoming.deleted();
        if (deleted != null && isNewValue(stored, Entry.DELETED_FIELD, deleted) && !isBy(deleted, pusher)) {
            return notAuthor(Entry.DELETED_FIELD);
        }
        return null;
    }

    private static boolean isBy(FieldValue v, String pusher) {
        return pusher.equals(v.by()) && Hlc.isStampedBy(v.hlc(), pusher);
    }

    private static String notAuthor(String name) {
        return "field " + name + ": a device may only write values as itself";
    }

    private static FieldValue storedValue(Entry entry, String field) {
        return field.equals(Entry.DELETED_FIELD) ? entry.deleted() : entry.fields().get(field);
    }

    /** Whether {@code field@hlc} is settled or an open conflict, compared in place (no key made per value). */
    private static boolean isKnownLoser(Entry stored, String field, String hlc) {
        for (String key : stored.settled()) {
            if (isKey(key, field, hlc)) return true;
        }
        for (Conflict c : stored.conflicts()) {
            if (isKey(c.key(), field, hlc)) return true;
        }
        return false;
    }

    /** {@code key.equals(field + "@" + hlc)} without building the right side. */
    private static boolean isKey(String key, String field, String hlc) {
        return key.length() == field.length() + 1 + hlc.length() && key.startsWith(field)
                && key.charAt(field.length()) == '@' && key.endsWith(hlc);
    }

    private FieldValue winner(FieldValue held, FieldValue incoming) {
        boolean heldByMaster = held.by().equals(masterDeviceId);
        boolean incomingByMaster = incoming.by().equals(masterDeviceId);
        if (heldByMaster != incomingByMaster) return heldByMaster ? held : incoming;
        return incoming.hlc().compareTo(held.hlc()) > 0 ? incoming : held;
    }

    /** Written out to be measured only when a quick bound says it might be too large. */
    private static boolean isTooLarge(Entry entry) {
        return EntrySizeBound.of(entry) > MAX_ENTRY_BYTES && jsonSize(entry) > MAX_ENTRY_BYTES;
    }

    private static int jsonSize(Entry entry) {
        try {
            return Json.MAPPER.writeValueAsBytes(entry).length;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean sameValues(Entry a, Entry b) {
        // the same number of fields, each of a's in b with the same clock: the same fields
        if (a.fields().size() != b.fields().size()) return false;
        for (var e : a.fields().entrySet()) {
            FieldValue other = b.fields().get(e.getKey());
            if (other == null || !e.getValue().hlc().equals(other.hlc())) return false;
        }
        String ad = a.deleted() == null ? null : a.deleted().hlc();
        String bd = b.deleted() == null ? null : b.deleted().hlc();
        return Objects.equals(ad, bd);
    }

    /** The working state of one merge. */
    private final class Merge {
        private final Entry stored;
        private final TreeMap<String, FieldValue> fields;
        private FieldValue deleted;
        private final List<Conflict> conflicts;
        private final Set<String> conflictKeys = new HashSet<>();
        private final List<String> settled;
        private final List<FieldValue> acceptedFieldEdits = new ArrayList<>();
        private boolean deleteAccepted;
        boolean changed;
        boolean newConflict;

        Merge(Entry stored) {
            this.stored = stored;
            this.fields = stored == null ? new TreeMap<>() : new TreeMap<>(stored.fields());
            this.deleted = stored == null ? null : stored.deleted();
            this.conflicts = stored == null ? new ArrayList<>() : new ArrayList<>(stored.conflicts());
            this.settled = stored == null ? new ArrayList<>() : new ArrayList<>(stored.settled());
            conflicts.forEach(c -> conflictKeys.add(c.key()));
        }

        void field(String name, FieldValue incoming) {
            FieldValue held = name.equals(Entry.DELETED_FIELD) ? deleted : fields.get(name);
            String heldHlc = held == null ? "" : held.hlc();
            if (incoming.hlc().equals(heldHlc)) return;
            if (stored != null && isKnownLoser(stored, name, incoming.hlc())) return;
            boolean plain;
            if (held == null || incoming.isEdit() && incoming.base().equals(heldHlc)) {
                // an edit of the stored value replaces it whatever the clocks say (a device that
                // re-stamped its edits from the master's time may be behind its own earlier value)
                plain = true;
            } else if (held.by().equals(incoming.by())) {
                // one device's edits are sequential: its later value knowingly replaces its earlier one
                if (incoming.hlc().compareTo(heldHlc) < 0) {
                    settle(name, incoming);
                    return;
                }
                plain = true;
            } else if (!incoming.isEdit()) {
                if (incoming.hlc().compareTo(heldHlc) <= 0) return; // stale echo
                plain = false;
            } else {
                plain = false;
            }
            if (plain) {
                accept(name, incoming);
                return;
            }
            FieldValue won = winner(held, incoming);
            FieldValue lost = won == held ? incoming : held;
            if (won == incoming) accept(name, incoming);
            if (!lost.value().equals(won.value())) {
                addConflict(Conflict.of(name, lost));
            } else {
                settle(name, lost);
            }
        }

        private void accept(String name, FieldValue incoming) {
            FieldValue held = name.equals(Entry.DELETED_FIELD) ? deleted : fields.get(name);
            if (held != null) settle(name, held);
            FieldValue value = incoming.withoutBase();
            if (name.equals(Entry.DELETED_FIELD)) {
                deleted = value;
                deleteAccepted = value.value().asBoolean(false);
            } else {
                fields.put(name, value);
                acceptedFieldEdits.add(value);
            }
            changed = true;
        }

        /** Remembers a value the master has seen and superseded, so a late replay of it changes nothing. */
        private void settle(String name, FieldValue superseded) {
            settleKey(name + "@" + superseded.hlc());
        }

        private void settleKey(String key) {
            if (settled.contains(key)) return;
            settled.add(key);
            changed = true;
            if (settled.size() > MAX_SETTLED) settled.remove(0);
        }

        /**
         * Keeps at most one open conflict per field and device: one device's edits are sequential,
         * so its later value replaces its earlier one here too, while the same value again keeps
         * the conflict as it is; copies (or a flood of old clocks) never pile up. The other is settled.
         */
        private void addConflict(Conflict conflict) {
            if (conflictKeys.contains(conflict.key())) return;
            Conflict sameAuthor = conflicts.stream()
                    .filter(c -> c.field().equals(conflict.field()) && c.by().equals(conflict.by()))
                    .findFirst().orElse(null);
            // the same value again (a copy, or an edit that did not see a delete standing for an undelete
            // the device already asked for) changes nothing: the open conflict already says it
            boolean sameValue = sameAuthor != null && sameAuthor.value().equals(conflict.value());
            if (sameAuthor != null && (sameValue || sameAuthor.hlc().compareTo(conflict.hlc()) >= 0)) {
                settleKey(conflict.key());
                return;
            }
            if (sameAuthor != null) {
                conflicts.remove(sameAuthor);
                conflictKeys.remove(sameAuthor.key());
                settleKey(sameAuthor.key());
            }
            conflictKeys.add(conflict.key());
            conflicts.add(conflict);
            newConflict = true;
        }

        /** An edit and a delete that did not see each other: the entry stays deleted and the
         * edit waits as a conflict, so the coordinator can bring the entry back. */
        void editVersusDelete(Entry incoming) {
            if (deleted == null || !deleted.value().asBoolean(false)) return;
            String seenDelete = incoming.deleted() == null ? "" : incoming.deleted().hlc();
            if (!acceptedFieldEdits.isEmpty() && !seenDelete.equals(deleted.hlc())) {
                FieldValue newest = acceptedFieldEdits.stream().max((a, b) -> a.hlc().compareTo(b.hlc())).get();
                addDeleteConflict(newest.hlc(), newest.by());
            }
            if (deleteAccepted && stored != null) {
                stored.fields().forEach((name, held) -> {
                    FieldValue seen = incoming.fields().get(name);
                    if (seen == null || seen.hlc().compareTo(held.hlc()) < 0) addDeleteConflict(held.hlc(), held.by());
                });
            }
        }

        private void addDeleteConflict(String hlc, String by) {
            if (stored != null && isKnownLoser(stored, Entry.DELETED_FIELD, hlc)) return;
            addConflict(new Conflict(Entry.DELETED_FIELD, BooleanNode.FALSE, hlc, by));
        }

        Entry result(Entry incoming) {
            if (stored == null) {
                return new Entry(incoming.uuid(), incoming.formId(), incoming.formVersion(), FieldMap.adopt(fields), deleted,
                        incoming.createdAt(), incoming.createdBy(), 0, conflicts, settled);
            }
            return new Entry(stored.uuid(), stored.formId(), Math.max(stored.formVersion(), incoming.formVersion()),
                    FieldMap.adopt(fields), deleted, stored.createdAt(), stored.createdBy(), stored.seq(), conflicts, settled);
        }
    }
}
