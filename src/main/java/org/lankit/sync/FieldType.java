package org.lankit.sync;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The kinds of form field every device can render and check. The values each kind takes are in
 * protocol.md ("Forms"); {@link #GROUP} and {@link #REPEAT} hold other fields.
 */
public enum FieldType {
    TEXT, TEXTAREA, INTEGER, DECIMAL, DATE, TIME, SELECT_ONE, SELECT_MULTIPLE, BOOLEAN,
    /** Words shown to the worker; takes no answer. */
    NOTE,
    /** A value the form works out from other answers ({@code calculation}); never typed. */
    CALCULATE,
    /** "latitude longitude [altitude [accuracy]]", as ODK writes it. */
    GEOPOINT,
    /** A photo: the answer is the name of an attachment stored beside the entry. */
    IMAGE,
    /** A section or page of questions; its fields' answers sit in the entry like any other. */
    GROUP,
    /** Questions asked once per member (a household's people): the answer is a list of rows. */
    REPEAT;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static FieldType fromWire(String text) {
        for (FieldType t : values()) if (t.wire().equals(text)) return t;
        throw new IllegalArgumentException("unknown field type: " + text);
    }

    /** Whether a field of this kind holds an answer of its own (groups and notes do not). */
    public boolean takesAnswer() {
        return switch (this) {
            case TEXT, TEXTAREA, INTEGER, DECIMAL, DATE, TIME, SELECT_ONE, SELECT_MULTIPLE, BOOLEAN,
                 CALCULATE, GEOPOINT, IMAGE, REPEAT -> true;
            case NOTE, GROUP -> false;
        };
    }

    /** Whether the field holds other fields. */
    public boolean holdsFields() {
        return switch (this) {
            case GROUP, REPEAT -> true;
            case TEXT, TEXTAREA, INTEGER, DECIMAL, DATE, TIME, SELECT_ONE, SELECT_MULTIPLE, BOOLEAN,
                 NOTE, CALCULATE, GEOPOINT, IMAGE -> false;
        };
    }
}
