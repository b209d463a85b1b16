package org.lankit.store;

import io.objectbox.Box;
import io.objectbox.BoxStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.lankit.secure.DataKey;
import org.lankit.secure.DataKeys;

/**
 * A closed data folder's database read and written as it is on disk, to make it look as an older
 * Lankit left it (entries and audit summaries in plain JSON) or to see what a record holds.
 */
final class OlderFolder implements AutoCloseable {

    private final BoxStore raw;
    private final DataKey key;

    OlderFolder(Path dataDir) {
        this.key = DataKeys.unlock(dataDir);
        this.raw = MyObjectBox.builder().directory(dataDir.resolve("db").toFile()).build();
    }

    /** Every entry and audit summary back to plain JSON, its entry JSON passed through {@code json} first. */
    void unseal(UnaryOperator<String> json) {
        Box<EntryRecord> entries = raw.boxFor(EntryRecord.class);
        List<EntryRecord> records = entries.getAll();
        for (EntryRecord r : records) {
            r.json = json.apply(new String(key.open(r.sealedJson, r.uuid), StandardCharsets.UTF_8));
            r.sealedJson = null;
        }
        entries.put(records);
        Box<AuditRecord> audit = raw.boxFor(AuditRecord.class);
        List<AuditRecord> events = audit.getAll();
        SealedRecords sealed = new SealedRecords(key);
        for (AuditRecord a : events) {
            a.summary = sealed.audit(a).summary();
            a.sealedSummary = null;
        }
        audit.put(events);
        Box<SyncStateRecord> state = raw.boxFor(SyncStateRecord.class);
        state.getAll().stream().filter(r -> r.name.equals(OlderRecordsSealing.DONE)).forEach(state::remove);
    }

    /** The record of {@code uuid} as stored. */
    EntryRecord entry(String uuid) {
        return raw.boxFor(EntryRecord.class).getAll().stream().filter(r -> uuid.equals(r.uuid)).findFirst().orElseThrow();
    }

    /** The JSON the record of {@code uuid} holds, opened with the folder's key. */
    String entryJson(String uuid) {
        return new SealedRecords(key).json(entry(uuid));
    }

    /** Puts the sealed JSON of entry {@code from} into the record of entry {@code to}, as someone editing the file might. */
    void copySealedJson(String from, String to) {
        EntryRecord target = entry(to);
        target.sealedJson = entry(from).sealedJson;
        raw.boxFor(EntryRecord.class).put(target);
    }

    List<AuditRecord> audit() {
        return raw.boxFor(AuditRecord.class).getAll();
    }

    @Override
    public void close() {
        raw.close();
    }
}
