package org.lankit.sync;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What the master did with one pushed entry. */
public enum PushStatus {
    /** Stored exactly as sent. */
    APPLIED,
    /** Stored, but the master's copy also holds changes the device had not seen: pull to catch up. */
    MERGED,
    /** Stored, and at least one value lost a concurrent edit and waits for review. */
    CONFLICT,
    /** Nothing new: the master already had all of it (a replay). */
    DUPLICATE,
    /** Refused; {@code error} says why. Nothing of the entry was stored. */
    REJECTED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean changesMaster() {
        return this == APPLIED || this == MERGED || this == CONFLICT;
    }
}
