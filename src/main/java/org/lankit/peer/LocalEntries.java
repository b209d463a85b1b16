package org.lankit.peer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lankit.store.KitStore;
import org.lankit.store.StoredEntry;
import org.lankit.sync.Entry;
import org.lankit.sync.EntryValidator;
import org.lankit.sync.Form;
import org.lankit.sync.HlcClock;
import org.lankit.sync.LocalEdits;

/**
 * Entries typed on this client laptop: checked against the form, stamped with this laptop's
 * clock, stored at once, then handed to the sync loop. Works with or without the master.
 */
public final class LocalEntries {

    private final KitStore store;
    private final HlcClock clock;
    private final Runnable onSaved;

    public LocalEntries(KitStore store, HlcClock clock, Runnable onSaved) {
        this.store = store;
        this.clock = clock;
        this.onSaved = onSaved;
    }

    public Entry create(Form form, Map<String, JsonNode> values) {
        Entry entry = LocalEdits.create(UUID.randomUUID().toString(), form, values, clock);
        check(entry, form);
        return save(entry, "create");
    }

    public Entry edit(String uuid, Map<String, JsonNode> changes) {
        return change(existing(uuid), changes);
    }

    /**
     * Changes the entry its user opened as {@code seen}. If this laptop dropped its copy while it
     * was open (the team's retention), the change starts from what they saw: the master still
     * holds that state, so it takes the change as a plain edit.
     */
    public Entry edit(Entry seen, Map<String, JsonNode> changes) {
        return change(store.find(seen.uuid()).map(StoredEntry::entry).orElse(seen), changes);
    }

    private Entry change(Entry entry, Map<String, JsonNode> changes) {
        for (var change : changes.entrySet()) entry = LocalEdits.edit(entry, change.getKey(), change.getValue(), clock);
        String formId = entry.formId();
        Form form = store.forms().version(formId, entry.formVersion())
                .or(() -> store.forms().latest(formId))
                .orElseThrow(() -> new IllegalArgumentException("this laptop does not have form " + formId));
        check(entry, form);
        return save(entry, "edit");
    }

    public Entry delete(String uuid) {
        return save(LocalEdits.setDeleted(existing(uuid), true, clock), "delete");
    }

    private Entry existing(String uuid) {
        return store.find(uuid).map(StoredEntry::entry).orElseThrow(() -> new IllegalArgumentException("no entry " + uuid));
    }

    private void check(Entry entry, Form form) {
        Optional<String> problem = EntryValidator.check(entry, form);
        if (problem.isPresent()) throw new IllegalArgumentException(problem.get());
    }

    private Entry save(Entry entry, String action) {
        store.write(w -> {
            w.putReplica(entry, LocalEdits.pending(entry), clock.deviceId(), action);
            return null;
        });
        onSaved.run();
        return entry;
    }
}
