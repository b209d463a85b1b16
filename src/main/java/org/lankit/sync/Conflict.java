package org.lankit.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

/** A value that lost a concurrent edit and waits for the coordinator; {@code field} is
 * {@link Entry#DELETED_FIELD} when an edit met a delete. */
public record Conflict(String field, JsonNode value, String hlc, String by) {

    public Conflict {
        if (value == null) value = NullNode.getInstance();
    }

    static Conflict of(String field, FieldValue loser) {
        return new Conflict(field, loser.value(), loser.hlc(), loser.by());
    }

    /** Identifies the losing write; the same write never opens two conflicts. */
    public String key() {
        return field + "@" + hlc;
    }
}
