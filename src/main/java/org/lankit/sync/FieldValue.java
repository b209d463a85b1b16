package org.lankit.sync;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * One field's value with its clock and author. {@code base} travels only on push: the hlc of the
 * value the editor saw when it made this edit ("" when the field had no value), absent when the
 * device merely echoes a value it did not touch.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldValue(JsonNode value, String hlc, String by, String base) {

    public FieldValue {
        if (value == null) value = NullNode.getInstance();
    }

    public static FieldValue stored(JsonNode value, Hlc hlc) {
        return new FieldValue(value, hlc.encode(), hlc.deviceId(), null);
    }

    public static FieldValue edit(JsonNode value, Hlc hlc, String base) {
        return new FieldValue(value, hlc.encode(), hlc.deviceId(), base == null ? "" : base);
    }

    public FieldValue withoutBase() {
        return base == null ? this : new FieldValue(value, hlc, by, null);
    }

    @JsonIgnore
    public boolean isEdit() {
        return base != null;
    }
}
