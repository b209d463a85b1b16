package org.lankit.store;

import java.util.Set;
import org.lankit.sync.Entry;

/**
 * An entry with what this device keeps about it besides the entry itself.
 *
 * @param changedAt     when this device last stored a change of it (epoch ms)
 * @param upstreamError device: the master's reason for refusing its edits, else null
 * @param pendingFields device: fields (and the tombstone) with edits the master has not acknowledged
 */
public record StoredEntry(Entry entry, long changedAt, String upstreamError, Set<String> pendingFields) {

    public StoredEntry {
        pendingFields = Set.copyOf(pendingFields);
    }

    public boolean isLocallyPending() {
        return !pendingFields.isEmpty();
    }
}
