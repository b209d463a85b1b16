package org.lankit.sync;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Map;

/**
 * One record a field worker filled in, as every replica holds it. {@code seq} and
 * {@code conflicts} are the master's; it ignores them when a device sends them.
 * {@code settled} lists values the master has seen and superseded, and conflicts the coordinator
 * resolved (as {@code field@hlc}), so a late replay of an old push changes nothing. Its JSON has
 * two forms, both read everywhere ({@link EntryForm}); the compact one is stored and written.
 */
@JsonSerialize(using = EntrySerializer.class)
@JsonDeserialize(using = EntryDeserializer.class)
public record Entry(
        String uuid,
        String formId,
        int formVersion,
        Map<String, FieldValue> fields,
        FieldValue deleted,
        long createdAt,
        String createdBy,
        long seq,
        List<Conflict> conflicts,
        List<String> settled) {

    /** The name used for the delete tombstone where a field name is needed (conflicts). */
    public static final String DELETED_FIELD = "_deleted";

    public Entry {
        fields = FieldMap.of(fields);
        conflicts = conflicts == null ? List.of() : List.copyOf(conflicts);
        settled = settled == null ? List.of() : List.copyOf(settled);
    }

    public boolean isDeleted() {
        return deleted != null && deleted.value().asBoolean(false);
    }

    public Entry withSeq(long newSeq) {
        return new Entry(uuid, formId, formVersion, fields, deleted, createdAt, createdBy, newSeq, conflicts, settled);
    }

    public Entry withFields(Map<String, FieldValue> newFields, FieldValue newDeleted) {
        return new Entry(uuid, formId, formVersion, newFields, newDeleted, createdAt, createdBy, seq, conflicts, settled);
    }

    /** The same entry as a device should push it: master-only parts dropped. */
    public Entry forPush() {
        return new Entry(uuid, formId, formVersion, fields, deleted, createdAt, createdBy, 0, null, null);
    }

    /** The newest clock on any field or the tombstone: when this entry last changed. */
    public String lastChangeHlc() {
        String newest = deleted == null ? "" : deleted.hlc();
        for (FieldValue v : fields.values()) {
            if (v.hlc().compareTo(newest) > 0) newest = v.hlc();
        }
        return newest;
    }
}
