package org.lankit.upstream;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.lankit.store.Delivery;
import org.lankit.store.KitStore;
import org.lankit.store.StoredEntry;

/**
 * What the team's servers hold of an entry, read from the store alone (no uploader needs to run):
 * a server holds an entry's current revision when the revision is at or below its cursor and not
 * refused, or when the server took exactly that revision.
 */
public final class ServerHoldings {

    private ServerHoldings() {
    }

    /** Whether every server set up holds the entry as it is now; false when none is set up. */
    public static Predicate<StoredEntry> heldByAll(KitStore store) {
        List<String> targets = ApiSettings.load(store).stream().map(TargetSettings::id).toList();
        return stored -> of(store, targets, stored).state() == EntryUpload.State.UPLOADED;
    }

    static EntryUpload of(KitStore store, List<String> targets, StoredEntry stored) {
        if (targets.isEmpty()) return new EntryUpload(EntryUpload.State.NOT_SET_UP, null);
        long seq = stored.entry().seq();
        boolean heldByAll = true;
        for (String target : targets) {
            Optional<Delivery> d = store.deliveries().find(target, stored.entry().uuid());
            if (d.isPresent() && d.get().failedSeq() == seq) {
                return new EntryUpload(EntryUpload.State.REFUSED, targets.size() == 1 ? d.get().error() : target + ": " + d.get().error());
            }
            long cursor = new UploadState(store.syncState(), target).cursor();
            if (seq > cursor && !(d.isPresent() && d.get().deliveredSeq() == seq)) heldByAll = false;
        }
        return new EntryUpload(heldByAll ? EntryUpload.State.UPLOADED : EntryUpload.State.WAITING, null);
    }
}
