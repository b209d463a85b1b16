package org.lankit.sync;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Why the master refused one pushed entry, when the device can act on it by itself: the code
 * travels in the entry's {@code error}, the words in its {@code detail}.
 */
public enum PushRefusal {
    /** A clock is more than {@link ClockLimit#MAX_AHEAD_MS} ahead of the master's time:
     * the device re-stamps its own edits from the master's time and sends them again. */
    CLOCK_AHEAD,
    /** The same uuid came more than once in one push: none of its copies was taken. */
    DUPLICATE_UUID,
    /** The entry, merged, would be larger than {@link EntryMerger#MAX_ENTRY_BYTES} of JSON. */
    ENTRY_TOO_LARGE,
    /** A photo the entry names has not reached the master whole: the device keeps the entry,
     * sends the photo ({@code /attachments}) and the entry again. */
    ATTACHMENT_MISSING;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
