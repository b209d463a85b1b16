package org.lankit.peer;

import java.time.Duration;
import java.util.List;
import org.lankit.store.KitStore;
import org.lankit.store.Page;
import org.lankit.store.StoredEntry;
import org.lankit.sync.DeviceRetention;
import org.lankit.sync.HlcClock;

/**
 * The team's retention on a client laptop: drops the copies {@link DeviceRetention} allows, each
 * checked again and audited (action {@code remove}) in the transaction that removes it. The
 * checkpoint stays where it is, so a removed entry comes back only when the master changes it.
 * A sweep reads every entry, so after a pull it runs when the master's setting changed and
 * otherwise at most once per {@link #EVERY} (entries age slowly). Not thread-safe: the sync
 * loop's thread only.
 */
public final class LaptopRetention {

    static final Duration EVERY = Duration.ofHours(1);
    private static final int PAGE = 500;

    private final KitStore store;
    private final HlcClock clock;
    private Integer sweptFor;
    private long sweptAt;

    /** {@code clock}: this laptop's clock, which follows the master's time. */
    public LaptopRetention(KitStore store, HlcClock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** After a pull, with the master's {@code retentionDays} (null: off). Returns how many copies went. */
    public long afterPull(Integer days) {
        if (days == null || days < 1) {
            sweptFor = null;
            return 0;
        }
        long now = clock.physicalNow();
        if (days.equals(sweptFor) && now - sweptAt < EVERY.toMillis()) return 0;
        sweptFor = days;
        sweptAt = now;
        return removeUnchangedFor(days);
    }

    /** Drops every copy the rule allows for {@code days} now; returns how many. */
    public long removeUnchangedFor(int days) {
        String summary = "removed from this laptop by the team's retention: unchanged for " + days
                + (days == 1 ? " day" : " days") + ", the master holds it";
        long removed = 0;
        for (Page<StoredEntry> page = store.entryPage(0, PAGE); !page.isEmpty(); page = store.entryPage(page.lastId(), PAGE)) {
            long now = clock.physicalNow();
            List<String> uuids = page.items().stream().filter(s -> droppable(s, now, days)).map(s -> s.entry().uuid()).toList();
            if (uuids.isEmpty()) continue;
            removed += store.write(w -> {
                long n = 0;
                for (String uuid : uuids) {
                    // an edit saved since the page was read keeps the entry
                    StoredEntry current = w.find(uuid).orElse(null);
                    if (current != null && droppable(current, now, days) && w.remove(uuid, clock.deviceId(), summary)) n++;
                }
                return n;
            });
        }
        return removed;
    }

    private static boolean droppable(StoredEntry copy, long now, int days) {
        boolean heldBack = copy.isLocallyPending() || copy.upstreamError() != null;
        return DeviceRetention.mayDrop(copy.entry(), heldBack, now, days);
    }
}
