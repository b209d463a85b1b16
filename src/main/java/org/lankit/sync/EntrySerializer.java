package org.lankit.sync;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;

/**
 * Writes an {@link Entry} in the form the writer asked for ({@link EntryForm}). The compact form
 * names one clock for the entry, the one most fields carry, and lists only the fields whose clock
 * differs; {@code by} is left out, as it is the device id inside each clock.
 */
final class EntrySerializer extends StdSerializer<Entry> {

    EntrySerializer() {
        super(Entry.class);
    }

    @Override
    public void serialize(Entry e, JsonGenerator g, SerializerProvider provider) throws IOException {
        switch (EntryForm.of(provider)) {
            case V1 -> writeV1(e, g, provider);
            case V2 -> writeV2(e, g, provider);
        }
    }

    private static void writeV2(Entry e, JsonGenerator g, SerializerProvider provider) throws IOException {
        g.writeStartObject();
        writeHead(e, g);
        g.writeNumberField("seq", e.seq());
        Map<String, FieldValue> fields = e.fields();
        if (!fields.isEmpty()) {
            String clock = sharedClock(fields);
            if (clock != null) g.writeStringField("clock", clock);
            g.writeObjectFieldStart("values");
            boolean otherClocks = false;
            boolean bases = false;
            for (Map.Entry<String, FieldValue> f : fields.entrySet()) {
                // a field sent as null is no value: the validator refuses such an entry before it is stored
                if (f.getValue() == null) continue;
                g.writeFieldName(f.getKey());
                tree(g, f.getValue().value(), provider);
                otherClocks |= !isSame(f.getValue().hlc(), clock);
                bases |= f.getValue().base() != null;
            }
            g.writeEndObject();
            if (otherClocks) {
                g.writeObjectFieldStart("clocks");
                for (Map.Entry<String, FieldValue> f : fields.entrySet()) {
                    if (f.getValue() != null && !isSame(f.getValue().hlc(), clock)) {
                        g.writeStringField(f.getKey(), f.getValue().hlc());
                    }
                }
                g.writeEndObject();
            }
            if (bases) {
                g.writeObjectFieldStart("bases");
                for (Map.Entry<String, FieldValue> f : fields.entrySet()) {
                    if (f.getValue() != null && f.getValue().base() != null) g.writeStringField(f.getKey(), f.getValue().base());
                }
                g.writeEndObject();
            }
        }
        if (e.deleted() != null) {
            g.writeObjectFieldStart("deleted");
            g.writeFieldName("value");
            tree(g, e.deleted().value(), provider);
            writeString(g, "hlc", e.deleted().hlc());
            writeString(g, "base", e.deleted().base());
            g.writeEndObject();
        }
        if (!e.conflicts().isEmpty()) {
            g.writeArrayFieldStart("conflicts");
            for (Conflict c : e.conflicts()) {
                g.writeStartObject();
                writeString(g, "field", c.field());
                g.writeFieldName("value");
                tree(g, c.value(), provider);
                writeString(g, "hlc", c.hlc());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        writeSettled(e, g);
        g.writeEndObject();
    }

    /** The form every reader before v2 knows, byte for byte as it always was. */
    private static void writeV1(Entry e, JsonGenerator g, SerializerProvider provider) throws IOException {
        g.writeStartObject();
        writeString(g, "uuid", e.uuid());
        writeString(g, "formId", e.formId());
        g.writeNumberField("formVersion", e.formVersion());
        g.writeObjectFieldStart("fields");
        for (Map.Entry<String, FieldValue> f : e.fields().entrySet()) {
            g.writeFieldName(f.getKey());
            writeV1Value(f.getValue(), g, provider);
        }
        g.writeEndObject();
        if (e.deleted() != null) {
            g.writeFieldName("deleted");
            writeV1Value(e.deleted(), g, provider);
        }
        g.writeNumberField("createdAt", e.createdAt());
        writeString(g, "createdBy", e.createdBy());
        g.writeNumberField("seq", e.seq());
        g.writeArrayFieldStart("conflicts");
        for (Conflict c : e.conflicts()) {
            g.writeStartObject();
            g.writeStringField("field", c.field());
            g.writeFieldName("value");
            tree(g, c.value(), provider);
            g.writeStringField("hlc", c.hlc());
            g.writeStringField("by", c.by());
            g.writeEndObject();
        }
        g.writeEndArray();
        writeSettled(e, g);
        g.writeEndObject();
    }

    private static void writeV1Value(FieldValue v, JsonGenerator g, SerializerProvider provider) throws IOException {
        if (v == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeFieldName("value");
        tree(g, v.value(), provider);
        writeString(g, "hlc", v.hlc());
        writeString(g, "by", v.by());
        writeString(g, "base", v.base());
        g.writeEndObject();
    }

    /** A value as {@code g.writeTree} writes it, through the provider at hand instead of a new one per value. */
    private static void tree(JsonGenerator g, JsonNode value, SerializerProvider provider) throws IOException {
        if (value == null) {
            g.writeNull();
        } else {
            value.serialize(g, provider);
        }
    }

    private static void writeHead(Entry e, JsonGenerator g) throws IOException {
        writeString(g, "uuid", e.uuid());
        writeString(g, "formId", e.formId());
        g.writeNumberField("formVersion", e.formVersion());
        g.writeNumberField("createdAt", e.createdAt());
        writeString(g, "createdBy", e.createdBy());
    }

    private static void writeSettled(Entry e, JsonGenerator g) throws IOException {
        if (e.settled().isEmpty()) return;
        g.writeArrayFieldStart("settled");
        for (String key : e.settled()) g.writeString(key);
        g.writeEndArray();
    }

    private static void writeString(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) g.writeStringField(name, value);
    }

    private static boolean isSame(String hlc, String clock) {
        return hlc != null && hlc.equals(clock);
    }

    /**
     * The clock most fields carry; of clocks carried equally often, the latest (plain string order,
     * as on the phone, so both write the same bytes). Null when no field has a clock.
     */
    static String sharedClock(Map<String, FieldValue> fields) {
        String[] clocks = new String[fields.size()];
        int n = 0;
        for (FieldValue v : fields.values()) {
            if (v != null && v.hlc() != null) clocks[n++] = v.hlc();
        }
        if (n == 0) return null;
        Arrays.sort(clocks, 0, n);
        String best = null;
        int bestRun = 0;
        for (int i = 0; i < n; ) {
            int j = i + 1;
            while (j < n && clocks[j].equals(clocks[i])) j++;
            if (j - i >= bestRun) {
                best = clocks[i];
                bestRun = j - i;
            }
            i = j;
        }
        return best;
    }
}
