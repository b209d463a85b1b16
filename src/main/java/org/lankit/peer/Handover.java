package org.lankit.peer;

import java.io.IOException;
import java.util.List;
import org.lankit.store.KitStore;
import org.lankit.store.Page;
import org.lankit.store.StoredEntry;
import org.lankit.sync.Entry;

/**
 * A master replaced by a take-over sends every entry it holds to its successor, as its former
 * master (the device the successor knows from the bundle). The successor merges them as copies,
 * so entries it already has change nothing there: sending twice is harmless.
 */
public final class Handover {

    private static final int BATCH = 100;

    private Handover() {
    }

    /**
     * Sends the entries to the successor at {@code successorUrl} (https), trusting only the kit
     * authority of {@code kitPin}; returns how many were sent.
     */
    public static long send(KitStore store, String successorUrl, String token, String kitPin) throws IOException {
        MasterClient successor = new MasterClient(successorUrl, token, kitPin);
        long sent = 0;
        long after = 0;
        for (Page<StoredEntry> page = store.entryPage(0, BATCH); !page.items().isEmpty(); page = store.entryPage(after, BATCH)) {
            after = page.lastId();
            List<Entry> entries = page.items().stream().map(StoredEntry::entry).toList();
            successor.handover(entries);
            sent += entries.size();
        }
        return sent;
    }
}
