package org.lankit.sync;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.ResolvableDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads an {@link Entry} in either form ({@link EntryForm}), as strictly as {@link Json#MAPPER}
 * reads everything: unknown properties (unless the reader ignores them, as devices do with a
 * master's answers) and wrong JSON types are refused, and so is an entry whose parts do not hang
 * together ({@link EntryShapeException}). A clock's shape is the validator's to judge: a value with
 * a bad clock reads, and the entry is then rejected on its own.
 */
final class EntryDeserializer extends StdDeserializer<Entry> implements ResolvableDeserializer {

    private static final List<Object> TOP = List.of("uuid", "formId", "formVersion", "createdAt", "createdBy", "seq",
            "fields", "clock", "values", "clocks", "bases", "deleted", "conflicts", "settled");
    private static final List<Object> VALUE = List.of("value", "hlc", "by", "base");
    private static final List<Object> CONFLICT = List.of("field", "value", "hlc", "by");

    /** Reads a value as a tree; looked up once ({@link #resolve}), not by every value as {@code ctxt.readTree} does. */
    private JsonDeserializer<Object> trees;

    EntryDeserializer() {
        super(Entry.class);
    }

    @Override
    public void resolve(DeserializationContext ctxt) throws JsonMappingException {
        trees = ctxt.findRootValueDeserializer(ctxt.constructType(JsonNode.class));
    }

    /** The value at the parser as a tree, the same as {@code ctxt.readTree} gives. */
    private JsonNode tree(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (trees == null || p.currentToken() == JsonToken.VALUE_NULL) return ctxt.readTree(p);
        return (JsonNode) trees.deserialize(p, ctxt);
    }

    @Override
    public Entry deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (!p.isExpectedStartObjectToken()) throw mismatch(p, Entry.class, "must be an object");
        String uuid = null;
        String formId = null;
        int formVersion = 0;
        long createdAt = 0;
        String createdBy = null;
        long seq = 0;
        Map<String, FieldValue> fields = null;
        String clock = null;
        Map<String, JsonNode> values = null;
        Map<String, String> clocks = null;
        Map<String, String> bases = null;
        FieldValue deleted = null;
        List<Conflict> conflicts = null;
        List<String> settled = null;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken t = p.nextToken();
            try {
                switch (name) {
                    case "uuid" -> uuid = text(p, t);
                    case "formId" -> formId = text(p, t);
                    case "formVersion" -> formVersion = t == JsonToken.VALUE_NULL ? 0 : whole(p, t, int.class).getIntValue();
                    case "createdAt" -> createdAt = t == JsonToken.VALUE_NULL ? 0 : whole(p, t, long.class).getLongValue();
                    case "createdBy" -> createdBy = text(p, t);
                    case "seq" -> seq = t == JsonToken.VALUE_NULL ? 0 : whole(p, t, long.class).getLongValue();
                    case "fields" -> fields = v1Fields(p, t, ctxt);
                    case "clock" -> clock = text(p, t);
                    case "values" -> values = values(p, t, ctxt);
                    case "clocks" -> clocks = texts(p, t, ctxt);
                    case "bases" -> bases = texts(p, t, ctxt);
                    case "deleted" -> deleted = t == JsonToken.VALUE_NULL ? null : fieldValue(p, t, ctxt);
                    case "conflicts" -> conflicts = conflicts(p, t, ctxt);
                    case "settled" -> settled = settled(p, t);
                    default -> unknown(p, ctxt, Entry.class, name, TOP);
                }
            } catch (EntryShapeException e) {
                throw shape(p, name + (e.problem().startsWith("[") ? "" : ".") + e.problem());
            } catch (JsonMappingException e) {
                throw JsonMappingException.wrapWithPath(e, Entry.class, name);
            }
        }
        boolean compact = clock != null || values != null || clocks != null || bases != null;
        if (compact && fields != null) throw shape(p, "an entry holds either fields (v1) or values (v2), not both");
        if (compact) fields = v2Fields(p, clock, values, clocks, bases);
        return new Entry(uuid, formId, formVersion, fields, deleted, createdAt, createdBy, seq, conflicts, settled);
    }

    private static Map<String, FieldValue> v2Fields(JsonParser p, String clock, Map<String, JsonNode> values,
                                                    Map<String, String> clocks, Map<String, String> bases) throws EntryShapeException {
        Map<String, JsonNode> given = values == null ? Map.of() : values;
        namesValues(p, "clocks", clocks, given);
        namesValues(p, "bases", bases, given);
        TreeMap<String, FieldValue> fields = new TreeMap<>();
        String clockBy = FieldValue.deviceOf(clock);
        for (Map.Entry<String, JsonNode> v : given.entrySet()) {
            boolean own = clocks != null && clocks.containsKey(v.getKey());
            String hlc = own ? clocks.get(v.getKey()) : clock;
            String by = own ? FieldValue.deviceOf(hlc) : clockBy;
            fields.put(v.getKey(), new FieldValue(v.getValue(), hlc, by, bases == null ? null : bases.get(v.getKey())));
        }
        return FieldMap.adopt(fields);
    }

    private static void namesValues(JsonParser p, String part, Map<String, String> named, Map<String, JsonNode> values)
            throws EntryShapeException {
        if (named == null) return;
        for (String name : named.keySet()) {
            if (!values.containsKey(name)) throw shape(p, part + "." + name + " names no value");
        }
    }

    private Map<String, FieldValue> v1Fields(JsonParser p, JsonToken t, DeserializationContext ctxt) throws IOException {
        if (t == JsonToken.VALUE_NULL) return null;
        if (t != JsonToken.START_OBJECT) throw mismatch(p, Map.class, "must be an object");
        TreeMap<String, FieldValue> fields = new TreeMap<>();
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken v = p.nextToken();
            try {
                fields.put(name, v == JsonToken.VALUE_NULL ? null : fieldValue(p, v, ctxt));
            } catch (EntryShapeException e) {
                throw shape(p, name + "." + e.problem());
            } catch (JsonMappingException e) {
                throw JsonMappingException.wrapWithPath(e, Map.class, name);
            }
        }
        return FieldMap.adopt(fields);
    }

    /** One {@code {value, hlc, by, base}} object; {@code by}, when given, must be the clock's device. */
    private FieldValue fieldValue(JsonParser p, JsonToken t, DeserializationContext ctxt) throws IOException {
        if (t != JsonToken.START_OBJECT) throw mismatch(p, FieldValue.class, "must be an object");
        JsonNode value = null;
        String hlc = null;
        String by = null;
        String base = null;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken v = p.nextToken();
            try {
                switch (name) {
                    case "value" -> value = tree(p, ctxt);
                    case "hlc" -> hlc = text(p, v);
                    case "by" -> by = text(p, v);
                    case "base" -> base = text(p, v);
                    default -> unknown(p, ctxt, FieldValue.class, name, VALUE);
                }
            } catch (JsonMappingException e) {
                throw JsonMappingException.wrapWithPath(e, FieldValue.class, name);
            }
        }
        return new FieldValue(value, hlc, author(p, hlc, by), base);
    }

    private List<Conflict> conflicts(JsonParser p, JsonToken t, DeserializationContext ctxt) throws IOException {
        if (t == JsonToken.VALUE_NULL) return null;
        if (t != JsonToken.START_ARRAY) throw mismatch(p, List.class, "must be an array");
        List<Conflict> list = new ArrayList<>();
        for (JsonToken c = p.nextToken(); c != JsonToken.END_ARRAY; c = p.nextToken()) {
            try {
                list.add(conflict(p, c, ctxt));
            } catch (EntryShapeException e) {
                throw shape(p, "[" + list.size() + "]." + e.problem());
            } catch (JsonMappingException e) {
                throw JsonMappingException.wrapWithPath(e, List.class, list.size());
            }
        }
        return list;
    }

    private Conflict conflict(JsonParser p, JsonToken t, DeserializationContext ctxt) throws IOException {
        if (t != JsonToken.START_OBJECT) throw mismatch(p, Conflict.class, "must be an object");
        String field = null;
        JsonNode value = null;
        String hlc = null;
        String by = null;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken v = p.nextToken();
            try {
                switch (name) {
                    case "field" -> field = text(p, v);
                    case "value" -> value = tree(p, ctxt);
                    case "hlc" -> hlc = text(p, v);
                    case "by" -> by = text(p, v);
                    default -> unknown(p, ctxt, Conflict.class, name, CONFLICT);
                }
            } catch (JsonMappingException e) {
                throw JsonMappingException.wrapWithPath(e, Conflict.class, name);
            }
        }
        return new Conflict(field, value, hlc, author(p, hlc, by));
    }

    /** The author is the device inside the clock; a v1 {@code by} that names another is refused. */
    private static String author(JsonParser p, String hlc, String by) throws EntryShapeException {
        if (by == null) return FieldValue.deviceOf(hlc);
        if (FieldValue.isAuthorOf(by, hlc)) return by;
        if (FieldValue.deviceOf(hlc) != null) throw shape(p, "by must be the device in its hlc");
        return by; // a clock without a device: the validator refuses it by its field's name
    }

    private static List<String> settled(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) return null;
        if (t != JsonToken.START_ARRAY) throw mismatch(p, List.class, "must be an array");
        List<String> list = new ArrayList<>();
        for (JsonToken s = p.nextToken(); s != JsonToken.END_ARRAY; s = p.nextToken()) {
            try {
                list.add(text(p, s));
            } catch (JsonMappingException e) {
                throw JsonMappingException.wrapWithPath(e, List.class, list.size());
            }
        }
        return list;
    }

    private Map<String, JsonNode> values(JsonParser p, JsonToken t, DeserializationContext ctxt) throws IOException {
        if (t == JsonToken.VALUE_NULL) return null;
        if (t != JsonToken.START_OBJECT) throw mismatch(p, Map.class, "must be an object");
        Map<String, JsonNode> values = new TreeMap<>();
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            p.nextToken();
            values.put(name, tree(p, ctxt));
        }
        return values;
    }

    private static Map<String, String> texts(JsonParser p, JsonToken t, DeserializationContext ctxt) throws IOException {
        if (t == JsonToken.VALUE_NULL) return null;
        if (t != JsonToken.START_OBJECT) throw mismatch(p, Map.class, "must be an object");
        Map<String, String> texts = new TreeMap<>();
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken v = p.nextToken();
            try {
                texts.put(name, text(p, v));
            } catch (JsonMappingException e) {
                throw JsonMappingException.wrapWithPath(e, Map.class, name);
            }
        }
        return texts;
    }

    private static String text(JsonParser p, JsonToken t) throws IOException {
        // most bases are "" (a new value): one shared empty string, not a new one each
        if (t == JsonToken.VALUE_STRING) return p.getTextLength() == 0 ? "" : p.getText();
        if (t == JsonToken.VALUE_NULL) return null;
        throw mismatch(p, String.class, "must be a string");
    }

    private static JsonParser whole(JsonParser p, JsonToken t, Class<?> type) throws IOException {
        if (t != JsonToken.VALUE_NUMBER_INT) throw mismatch(p, type, "must be a whole number");
        return p;
    }

    private static void unknown(JsonParser p, DeserializationContext ctxt, Class<?> in, String name, List<Object> known)
            throws IOException {
        if (ctxt.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)) {
            // the path to it is added by the caller, as for every other value
            throw new UnrecognizedPropertyException(p, "unknown field \"" + name + "\"", p.currentLocation(), in, name, known);
        }
        p.skipChildren();
    }

    /** A value of the wrong JSON type; the hub names it by its path and {@code type}'s JSON type. */
    private static MismatchedInputException mismatch(JsonParser p, Class<?> type, String what) {
        return MismatchedInputException.from(p, type, "value " + what);
    }

    private static EntryShapeException shape(JsonParser p, String problem) {
        return new EntryShapeException(p, problem);
    }
}
