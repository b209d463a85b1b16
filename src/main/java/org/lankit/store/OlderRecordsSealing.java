package org.lankit.store;

import io.objectbox.Box;
import io.objectbox.query.Query;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A data folder of a Lankit that kept entries and the audit log in plain JSON: seals each record
 * and clears its plain property, in chunks, once (a crash half-way seals the rest at the next
 * open). Freed pages of the database may still hold the old bytes until the database reuses them.
 */
final class OlderRecordsSealing {

    private static final Logger LOG = LoggerFactory.getLogger(OlderRecordsSealing.class);
    /** Set in the sync state once every record is sealed. */
    static final String DONE = "recordsSealed";
    private static final int CHUNK = 2_000;

    private OlderRecordsSealing() {
    }

    static void sealOnce(Box<EntryRecord> entries, Box<AuditRecord> audit, SealedRecords sealed, SyncState state,
            FailedCommits commits) {
        if (state.get(DONE).isPresent()) return;
        long[] plainEntries;
        try (Query<EntryRecord> q = entries.query(EntryRecord_.json.notNull()).build()) {
            plainEntries = ReadTx.read(entries, q::findIds);
        }
        long[] plainEvents;
        try (Query<AuditRecord> q = audit.query(AuditRecord_.summary.notNull()).build()) {
            plainEvents = ReadTx.read(audit, q::findIds);
        }
        inChunks(plainEntries, chunk -> commits.write(() -> {
            List<EntryRecord> records = entries.get(chunk);
            records.forEach(r -> sealed.sealJson(r, r.json.getBytes(StandardCharsets.UTF_8)));
            entries.put(records);
        }));
        inChunks(plainEvents, chunk -> commits.write(() -> {
            List<AuditRecord> records = audit.get(chunk);
            records.forEach(r -> sealed.store(r, r.summary));
            audit.put(records);
        }));
        state.put(DONE, "sealed");
        if (plainEntries.length + plainEvents.length > 0) {
            LOG.info("sealed {} entries and {} audit events of an older data folder with its data key",
                    plainEntries.length, plainEvents.length);
        }
    }

    private static void inChunks(long[] ids, Consumer<long[]> each) {
        for (int from = 0; from < ids.length; from += CHUNK) {
            each.accept(Arrays.copyOfRange(ids, from, Math.min(ids.length, from + CHUNK)));
        }
    }
}
