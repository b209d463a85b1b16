package org.lankit.backup;

import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.lankit.store.KitStore;
import org.lankit.store.StoredEntry;

/**
 * The optional clean-up of the master: removes entries the team's API already holds in their
 * current state (synced, and the synced seq is the entry's seq) that nobody changed for a number
 * of days and that wait for no conflict review. Unsynced entries are never removed, and backup
 * files are never touched. Each removal is checked again and audited (action {@code remove}) in
 * the transaction that makes it.
 */
public final class Retention {

    private static final int PAGE = 500;

    private final KitStore store;
    private final String actor;
    private final LongSupplier clock;
    private final Predicate<StoredEntry> heldUpstream;

    /**
     * {@code actor}: the master's device id, named in the audit events; {@code heldUpstream}:
     * whether every team server holds the entry's current revision.
     */
    public Retention(KitStore store, String actor, LongSupplier clock, Predicate<StoredEntry> heldUpstream) {
        this.store = store;
        this.actor = actor;
        this.clock = clock;
        this.heldUpstream = heldUpstream;
    }

    /** Removes what the rule allows for entries unchanged for {@code age}; returns how many. */
    public long removeUnchangedFor(Duration age) {
        long cutoff = clock.getAsLong() - age.toMillis();
        String summary = "removed by retention: synced to the team API and unchanged for " + age.toDays() + " day(s)";
        long removed = 0;
        long afterSeq = 0;
        for (List<StoredEntry> page = store.unchangedBefore(cutoff, afterSeq, PAGE); !page.isEmpty();
             page = store.unchangedBefore(cutoff, afterSeq, PAGE)) {
            List<String> uuids = page.stream().map(s -> s.entry().uuid()).toList();
            removed += store.write(writer -> {
                long n = 0;
                for (String uuid : uuids) {
                    StoredEntry now = writer.find(uuid).orElse(null);
                    if (now != null && removable(now, cutoff) && heldUpstream.test(now) && writer.remove(uuid, actor, summary)) n++;
                }
                return n;
            });
            afterSeq = page.get(page.size() - 1).entry().seq();
        }
        return removed;
    }

    static boolean removable(StoredEntry e, long cutoff) {
        return e.changedAt() < cutoff && e.entry().conflicts().isEmpty();
    }
}
