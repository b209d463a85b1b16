package org.lankit.sync;

import java.util.Map;
import java.util.Optional;

/**
 * How far ahead of the master's time a device may stamp a value: a value new to the master whose
 * clock is more than {@link #MAX_AHEAD_MS} ahead would win every concurrent edit for as long, so
 * the entry is refused ({@link PushRefusal#CLOCK_AHEAD}) and the device re-stamps its own edits
 * from the master's time, which every answer carries. Values the master already holds pass
 * whatever their clock, so echoing them never fails. Stateless and thread-safe.
 */
public final class ClockLimit {

    /** Five minutes: more than any honest drift between two answers, less than a working session. */
    public static final long MAX_AHEAD_MS = 5 * 60 * 1000;

    private ClockLimit() {
    }

    /** Why {@code incoming} is stamped too far ahead of {@code masterNowMs}, or empty when it is not. */
    public static Optional<String> check(Entry stored, Entry incoming, long masterNowMs) {
        // the new values (EntryMerger.newValues) in its order, walked in place: no list, no look-up by name
        for (Map.Entry<String, FieldValue> f : incoming.fields().entrySet()) {
            if (EntryMerger.isNewValue(stored, f.getKey(), f.getValue()) && isAhead(f.getValue(), masterNowMs)) {
                return Optional.of(refusal(f.getKey(), f.getValue(), masterNowMs));
            }
        }
        FieldValue deleted = incoming.deleted();
        if (deleted != null && EntryMerger.isNewValue(stored, Entry.DELETED_FIELD, deleted) && isAhead(deleted, masterNowMs)) {
            return Optional.of(refusal(Entry.DELETED_FIELD, deleted, masterNowMs));
        }
        return Optional.empty();
    }

    private static boolean isAhead(FieldValue v, long masterNowMs) {
        return Hlc.wallMsOf(v.hlc()) - masterNowMs > MAX_AHEAD_MS;
    }

    private static String refusal(String name, FieldValue v, long masterNowMs) {
        long ahead = Hlc.wallMsOf(v.hlc()) - masterNowMs;
        return "the clock of " + (name.equals(Entry.DELETED_FIELD) ? "the delete" : "field " + name)
                + " is " + inWords(ahead) + " ahead of the master's time (at most " + inWords(MAX_AHEAD_MS)
                + " is taken): the device stamps its edits again from the master's time and sends them again";
    }

    /** A time ahead in words: "4 min", "23 h 59 min", "1826 days". */
    public static String inWords(long ms) {
        long minutes = ms / 60_000;
        if (minutes >= 2 * 24 * 60) return minutes / (24 * 60) + " days";
        return minutes >= 60 ? minutes / 60 + " h " + minutes % 60 + " min" : minutes + " min";
    }
}
