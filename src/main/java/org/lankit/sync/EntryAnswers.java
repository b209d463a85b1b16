package org.lankit.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/** An entry's answers (each field's value) as FormRules reads them, seen through the entry's fields without a copy. */
final class EntryAnswers extends AbstractMap<String, JsonNode> {

    private final Map<String, FieldValue> fields;

    EntryAnswers(Map<String, FieldValue> fields) {
        this.fields = fields;
    }

    @Override
    public JsonNode get(Object name) {
        FieldValue v = fields.get(name);
        return v == null ? null : v.value();
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
    public Set<Map.Entry<String, JsonNode>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, JsonNode>> iterator() {
                Iterator<Map.Entry<String, FieldValue>> each = fields.entrySet().iterator();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return each.hasNext();
                    }

                    @Override
                    public Map.Entry<String, JsonNode> next() {
                        Map.Entry<String, FieldValue> f = each.next();
                        return new SimpleImmutableEntry<>(f.getKey(), f.getValue() == null ? null : f.getValue().value());
                    }
                };
            }

            @Override
            public int size() {
                return fields.size();
            }
        };
    }
}
