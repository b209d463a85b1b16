package org.lankit.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;
import org.lankit.sync.Entry;
import org.lankit.sync.FieldValue;
import org.lankit.sync.HlcClock;

/** Edits made without seeing the master's latest value: what opens a conflict for review. */
public final class ConflictingEdits {

    private ConflictingEdits() {
    }

    /**
     * The entry as another device pushes it after changing {@code field} offline, before it ever
     * saw the current value (base ""); its other fields are echoed unchanged.
     */
    public static Entry blindEdit(Entry current, HlcClock device, String field, JsonNode value) {
        Map<String, FieldValue> fields = new TreeMap<>();
        current.fields().forEach((name, v) -> fields.put(name, v.withoutBase()));
        fields.put(field, FieldValue.edit(value, device.now(), ""));
        return new Entry(current.uuid(), current.formId(), current.formVersion(), fields, null,
                current.createdAt(), current.createdBy(), 0, null, null);
    }
}
