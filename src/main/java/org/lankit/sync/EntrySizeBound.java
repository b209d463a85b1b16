package org.lankit.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * A quick upper bound of the bytes of an entry's JSON, so the master writes an entry out only to
 * measure it when the bound comes near {@link EntryMerger#MAX_ENTRY_BYTES} (almost never): a
 * string costs at most 6 bytes a character (a control character escaped as {@code \\u0000}) and
 * its quotes; a field's name is counted three times, as a form that lists values, clocks and
 * bases apart writes it; every part gets room for its keys and punctuation. Stateless.
 */
final class EntrySizeBound {

    /** Keys and punctuation of one field, conflict or tombstone, with room to spare. */
    private static final long PART = 96;
    /** The entry's own keys, numbers and punctuation, with room to spare. */
    private static final long HEAD = 512;
    private static final long NUMBER = 32;
    /** A value whose written size this bound does not know: the caller measures. */
    static final long UNKNOWN = Long.MAX_VALUE;

    private EntrySizeBound() {
    }

    /** At least as many bytes as any JSON form of {@code e} takes; {@link #UNKNOWN} when it cannot tell. */
    static long of(Entry e) {
        long n = HEAD + text(e.uuid()) + text(e.formId()) + text(e.createdBy());
        for (Map.Entry<String, FieldValue> f : e.fields().entrySet()) {
            n = add(n, 3 * text(f.getKey()));
            n = add(n, value(f.getValue()));
            // the entry's shared clock is one of its fields' clocks: counted twice for each field
            if (f.getValue() != null) n = add(n, text(f.getValue().hlc()));
        }
        if (e.deleted() != null) n = add(n, value(e.deleted()));
        for (Conflict c : e.conflicts()) n = add(add(n, PART + text(c.field()) + text(c.hlc()) + text(c.by())), node(c.value()));
        for (String key : e.settled()) n = add(n, text(key) + 1);
        return n;
    }

    private static long value(FieldValue v) {
        if (v == null) return PART;
        return add(PART + text(v.hlc()) + text(v.by()) + text(v.base()), node(v.value()));
    }

    private static long node(JsonNode node) {
        if (node == null || node.isNull() || node.isBoolean()) return 5;
        if (node.isTextual()) return text(node.textValue());
        if (node.isIntegralNumber() && node.canConvertToLong() || node.isDouble() || node.isFloat()) return NUMBER;
        if (node.isBigDecimal() || node.isBigInteger()) return 2L * node.asText().length() + NUMBER;
        if (node.isArray()) {
            long n = 2;
            for (JsonNode item : node) n = add(n, node(item) + 1);
            return n;
        }
        if (node.isObject()) {
            long n = 2;
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                n = add(n, text(f.getKey()) + 2 + node(f.getValue()));
            }
            return n;
        }
        return UNKNOWN;
    }

    private static long text(String s) {
        return s == null ? 4 : 6L * s.length() + 2;
    }

    private static long add(long a, long b) {
        return a >= UNKNOWN - b || b >= UNKNOWN ? UNKNOWN : a + b;
    }
}
