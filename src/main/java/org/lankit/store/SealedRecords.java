package org.lankit.store;

import java.nio.charset.StandardCharsets;
import org.lankit.secure.DataKey;
import org.lankit.sync.Entry;

/**
 * What records hold of households, sealed with the data key: an entry's JSON (its uuid is the
 * place, so a sealed entry moved to another record does not open) and the audit log's summaries.
 * Each read opens a record once and each write seals it once. Thread-safe.
 */
final class SealedRecords {

    private static final String AUDIT_PLACE = "audit:";

    private final DataKey key;

    SealedRecords(DataKey key) {
        this.key = key;
    }

    /** The entry's JSON as stored. */
    String json(EntryRecord r) {
        return new String(key.open(r.sealedJson, r.uuid), StandardCharsets.UTF_8);
    }

    StoredEntry entry(EntryRecord r) {
        return RecordCodec.entry(r, RecordCodec.read(key.open(r.sealedJson, r.uuid), Entry.class));
    }

    void store(EntryRecord r, Entry entry) {
        sealJson(r, RecordCodec.bytes(entry));
    }

    void sealJson(EntryRecord r, byte[] json) {
        r.sealedJson = key.seal(json, r.uuid);
        r.json = null;
    }

    AuditEvent audit(AuditRecord r) {
        String summary = r.sealedSummary == null ? null
                : new String(key.open(r.sealedSummary, auditPlace(r)), StandardCharsets.UTF_8);
        return new AuditEvent(r.time, r.deviceId, r.action, r.entryUuid, summary);
    }

    void store(AuditRecord r, String summary) {
        r.sealedSummary = summary == null ? null : key.seal(summary.getBytes(StandardCharsets.UTF_8), auditPlace(r));
        r.summary = null;
    }

    private static String auditPlace(AuditRecord r) {
        return AUDIT_PLACE + (r.entryUuid == null ? "" : r.entryUuid);
    }
}
