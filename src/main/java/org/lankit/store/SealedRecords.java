package org.lankit.store;

import java.nio.charset.StandardCharsets;
import org.lankit.secure.DataKey;
import org.lankit.sync.Entry;

/**
 * What records hold of households, sealed with the data key: an entry's JSON (its uuid is the
 * place, so a sealed entry moved to another record does not open) and the audit log's summaries.
 * Each read opens a record once and each write seals it once. Thread-safe. Not final only for
 * the sealing benchmark, which compares it with records kept plain.
 */
class SealedRecords {

    private static final String AUDIT_PLACE = "audit:";

    private final DataKey key;

    SealedRecords(DataKey key) {
        this.key = key;
    }

    /** The entry's JSON as stored. */
    String json(EntryRecord r) {
        return new String(open(r.sealedJson, r.uuid), StandardCharsets.UTF_8);
    }

    StoredEntry entry(EntryRecord r) {
        return RecordCodec.entry(r, RecordCodec.read(open(r.sealedJson, r.uuid), Entry.class));
    }

    void store(EntryRecord r, Entry entry) {
        sealJson(r, RecordCodec.bytes(entry));
    }

    void sealJson(EntryRecord r, byte[] json) {
        r.sealedJson = seal(json, r.uuid);
        r.json = null;
    }

    AuditEvent audit(AuditRecord r) {
        String summary = r.sealedSummary == null ? null
                : new String(open(r.sealedSummary, auditPlace(r)), StandardCharsets.UTF_8);
        return new AuditEvent(r.time, r.deviceId, r.action, r.entryUuid, summary);
    }

    void store(AuditRecord r, String summary) {
        r.sealedSummary = summary == null ? null : seal(summary.getBytes(StandardCharsets.UTF_8), auditPlace(r));
        r.summary = null;
    }

    /** The one place values are sealed; the sealing benchmark's plain records override it and {@link #open}. */
    byte[] seal(byte[] plain, String place) {
        return key.seal(plain, place);
    }

    byte[] open(byte[] sealed, String place) {
        return key.open(sealed, place);
    }

    private static String auditPlace(AuditRecord r) {
        return AUDIT_PLACE + (r.entryUuid == null ? "" : r.entryUuid);
    }
}
