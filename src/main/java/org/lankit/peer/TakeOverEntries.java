package org.lankit.peer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lankit.store.Deliveries;
import org.lankit.store.EntryWriter;
import org.lankit.store.KitStore;
import org.lankit.store.Page;
import org.lankit.store.StoredEntry;
import org.lankit.sync.Entry;
import org.lankit.sync.EntryValidator;
import org.lankit.sync.Form;
import org.lankit.sync.LocalEdits;
import org.lankit.sync.Succession;

/**
 * A promoted laptop's entries become the master's: each gets a master seq above every seq of the
 * former master (so none is mistaken for one of its revisions), this laptop's pending edits become
 * the master's values, and what each team server held of each entry carries over from the bundle:
 * a revision a server took is not sent to it again. Runs in pages of one transaction each; a run
 * cut short is finished by the next (entries already renumbered are above the floor).
 */
public final class TakeOverEntries {

    private static final int PAGE = 500;

    /** Entries renumbered, of them those a server already held, and those left out (the master had refused their edits). */
    public record Renumbered(long entries, long alreadyUploaded, long leftOut) {
    }

    private TakeOverEntries() {
    }

    public static Renumbered renumber(KitStore store, Succession bundle, String masterId) {
        Map<String, List<Succession.Receipt>> receipts = new HashMap<>();
        long floor = new PeerProgress(store.syncState()).checkpoint();
        for (Succession.Receipt r : bundle.receipts()) {
            receipts.computeIfAbsent(r.uuid(), u -> new ArrayList<>()).add(r);
            floor = Math.max(floor, Math.max(r.deliveredSeq(), r.failedSeq()));
        }
        long highest = floor;
        long[] counts = new long[3];
        long after = 0;
        for (Page<StoredEntry> page = store.entryPage(0, PAGE); !page.items().isEmpty(); page = store.entryPage(after, PAGE)) {
            after = page.lastId();
            List<StoredEntry> items = page.items();
            store.write(w -> {
                w.raiseSeqAbove(highest);
                for (StoredEntry stored : items) adopt(store, w, stored, receipts, highest, masterId, counts);
                return null;
            });
        }
        return new Renumbered(counts[0], counts[1], counts[2]);
    }

    private static void adopt(KitStore store, EntryWriter w, StoredEntry stored, Map<String, List<Succession.Receipt>> receipts,
                              long floor, String masterId, long[] counts) {
        Entry entry = stored.entry();
        if (entry.seq() > floor) return; // renumbered by an earlier run
        Entry settled = LocalEdits.acknowledge(entry, entry);
        if (stored.upstreamError() != null && !valid(store, settled)) {
            counts[2]++;
            return;
        }
        w.putReplica(settled, Set.of(), masterId, null);
        long seq = w.commitMasterChange(settled, masterId, "take-over");
        counts[0]++;
        boolean sameAsHeld = !stored.isLocallyPending() && entry.seq() > 0;
        boolean held = false;
        Deliveries deliveries = store.deliveries();
        for (Succession.Receipt r : receipts.getOrDefault(entry.uuid(), List.of())) {
            if (sameAsHeld && r.deliveredSeq() == entry.seq()) {
                deliveries.delivered(r.target(), r.uuid(), seq, r.ref());
                held = true;
            } else if (r.deliveredSeq() > 0) {
                // an older revision: this one still goes, as the next revision of what the server holds
                deliveries.delivered(r.target(), r.uuid(), r.deliveredSeq(), r.ref());
            }
            if (sameAsHeld && r.failedSeq() == entry.seq()) deliveries.refused(r.target(), r.uuid(), seq, r.error());
        }
        if (held) counts[1]++;
    }

    private static boolean valid(KitStore store, Entry entry) {
        Optional<Form> form = store.forms().version(entry.formId(), entry.formVersion()).or(() -> store.forms().latest(entry.formId()));
        return form.isPresent() && EntryValidator.check(entry, form.get()).isEmpty();
    }
}
