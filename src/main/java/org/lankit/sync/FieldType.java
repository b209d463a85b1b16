package org.lankit.sync;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The kinds of form field every device can render and check. */
public enum FieldType {
    TEXT, TEXTAREA, INTEGER, DECIMAL, DATE, SELECT_ONE, SELECT_MULTIPLE, BOOLEAN;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static FieldType fromWire(String text) {
        for (FieldType t : values()) if (t.wire().equals(text)) return t;
        throw new IllegalArgumentException("unknown field type: " + text);
    }
}
