package org.lankit.sync;

import java.util.AbstractMap;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * An entry's fields, sorted by name and never changed once made: a new state of an entry (a seq
 * given, master-only parts dropped) shares its fields instead of copying them, and a map built
 * for an entry (the JSON reader, the merge) is taken over as it is.
 */
final class FieldMap extends AbstractMap<String, FieldValue> {

    private static final FieldMap EMPTY = new FieldMap(new TreeMap<>());

    private final Map<String, FieldValue> fields;

    private FieldMap(TreeMap<String, FieldValue> sorted) {
        this.fields = Collections.unmodifiableMap(sorted);
    }

    /** {@code fields} as an entry holds them: the same map when it already is one, else a sorted copy. */
    static Map<String, FieldValue> of(Map<String, FieldValue> fields) {
        if (fields instanceof FieldMap held) return held;
        if (fields == null || fields.isEmpty()) return EMPTY;
        return new FieldMap(new TreeMap<>(fields));
    }

    /** Takes {@code fresh} without a copy: only for a map the caller made for one entry and drops. */
    static Map<String, FieldValue> adopt(TreeMap<String, FieldValue> fresh) {
        return fresh.isEmpty() ? EMPTY : new FieldMap(fresh);
    }

    @Override
    public Set<Map.Entry<String, FieldValue>> entrySet() {
        return fields.entrySet();
    }

    @Override
    public Set<String> keySet() {
        return fields.keySet();
    }

    @Override
    public Collection<FieldValue> values() {
        return fields.values();
    }

    @Override
    public FieldValue get(Object name) {
        return fields.get(name);
    }

    @Override
    public boolean containsKey(Object name) {
        return fields.containsKey(name);
    }

    @Override
    public int size() {
        return fields.size();
    }

    @Override
    public boolean isEmpty() {
        return fields.isEmpty();
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super FieldValue> action) {
        fields.forEach(action);
    }
}
