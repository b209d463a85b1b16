package org.lankit.store;

import java.util.Set;
import org.lankit.sync.Entry;

/** An entry with what this device keeps about it besides the entry itself. */
public record StoredEntry(Entry entry, long changedAt, UpstreamState upstream, long upstreamSeq,
                          String upstreamError, Set<String> pendingFields) {

    public StoredEntry {
        pendingFields = Set.copyOf(pendingFields);
    }

    public boolean isLocallyPending() {
        return !pendingFields.isEmpty();
    }
}
