package org.lankit.sync;

import java.util.Optional;

/**
 * The rule for a device the coordinator keeps to its own entries: it may create entries and
 * change the ones it created, but in an entry another device created it may only send back
 * values the master already has (devices push whole entries, so such echoes are normal).
 * Stateless and thread-safe.
 */
public final class OwnEntriesOnly {

    /** The reason a refused entry carries, in the words the field worker sees. */
    public static final String REFUSAL = "the coordinator has not allowed editing other people's entries";

    private OwnEntriesOnly() {
    }

    /**
     * Why {@code pusher} may not push {@code incoming} over {@code stored} (null when the master
     * has no such entry yet), or empty when it may.
     */
    public static Optional<String> check(Entry stored, Entry incoming, String pusher) {
        if (stored == null || pusher.equals(stored.createdBy())) return Optional.empty();
        return EntryMerger.newValues(stored, incoming).isEmpty() ? Optional.empty() : Optional.of(REFUSAL);
    }
}
