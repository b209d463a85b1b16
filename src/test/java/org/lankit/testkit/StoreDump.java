package org.lankit.testkit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.lankit.store.AuditEvent;
import org.lankit.store.KitStore;
import org.lankit.store.Page;
import org.lankit.store.StoredEntry;
import org.lankit.sync.Entry;

/** Everything a store holds, in a form tests can compare. */
public final class StoreDump {

    private StoreDump() {
    }

    /** Every entry with its seq set to 0 (seqs are the master's own numbering), sorted by uuid. */
    public static List<Entry> entries(KitStore store) {
        List<Entry> all = new ArrayList<>();
        long after = 0;
        for (Page<StoredEntry> p = store.entryPage(after, 1000); !p.isEmpty(); p = store.entryPage(after, 1000)) {
            p.items().forEach(s -> all.add(s.entry().withSeq(0)));
            after = p.lastId();
        }
        all.sort(Comparator.comparing(Entry::uuid));
        return all;
    }

    /** The audit log in the order it was written. */
    public static List<AuditEvent> audit(KitStore store) {
        List<AuditEvent> all = new ArrayList<>();
        long after = 0;
        for (Page<AuditEvent> p = store.auditPage(after, 1000); !p.isEmpty(); p = store.auditPage(after, 1000)) {
            all.addAll(p.items());
            after = p.lastId();
        }
        return all;
    }
}
