package org.lankit.app;

import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.lankit.hub.Supersession;
import org.lankit.hub.Supersession.Superseded;
import org.lankit.peer.FormerMasterNotice;
import org.lankit.peer.Handover;
import org.lankit.peer.MasterError;
import org.lankit.peer.PeerLink;
import org.lankit.store.KitStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A master's background duties around a take-over, every 30 seconds on one thread: a promoted
 * master tells its former master (should it run again) that it was replaced; a replaced master
 * hands its entries to its successor once it knows the successor's address.
 */
final class TakeOverDuties implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TakeOverDuties.class);
    /** The successor this master handed its entries to: once per successor. */
    static final String HANDED_OVER = "takeover.handedOverTo";
    private static final long EVERY_SECONDS = 30;

    private final KitStore store;
    private final Supersession supersession;
    private final Supplier<String> selfToken;
    private final String kitPin;
    private final ScheduledExecutorService tasks = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lankit-take-over");
        t.setDaemon(true);
        return t;
    });
    private final Runnable round;
    private volatile boolean formerMasterTold;

    /**
     * {@code selfToken}: this master's token at a successor; {@code kitPin}: the team's kit
     * authority, which a successor's certificate must come from; {@code successorUrl}: this
     * master's own HTTPS address, for its former master.
     */
    TakeOverDuties(KitStore store, Supersession supersession, Supplier<String> selfToken, String kitPin, String ownUrl) {
        this.store = store;
        this.supersession = supersession;
        this.selfToken = selfToken;
        this.kitPin = kitPin;
        FormerMasterNotice notice = store.settings().get(Promotion.FORMER_MASTER).isPresent()
                ? PeerLink.load(store).map(link -> new FormerMasterNotice(link, store.team(), ownUrl)).orElse(null) : null;
        this.round = () -> {
            if (notice != null && supersession.current().isEmpty()) tellFormerMaster(notice);
            handOverIfDue();
        };
        tasks.scheduleWithFixedDelay(round, 0, EVERY_SECONDS, TimeUnit.SECONDS);
        supersession.onChanged(s -> tasks.execute(this::handOverIfDue));
    }

    /** One round now, without waiting for the next (tests; the former master just came back). Waits for it. */
    void runNow() throws Exception {
        tasks.submit(round).get(30, TimeUnit.SECONDS);
    }

    private void tellFormerMaster(FormerMasterNotice notice) {
        try {
            notice.tell();
            if (!formerMasterTold) LOG.info("the team's former master answered: it knows it was replaced");
            formerMasterTold = true;
        } catch (IOException | MasterError e) {
            LOG.debug("the team's former master does not answer ({}): as expected once it is gone", e.getMessage());
        }
    }

    private void handOverIfDue() {
        Superseded replaced = supersession.current().orElse(null);
        if (replaced == null || replaced.successorUrl() == null) return;
        String to = replaced.successorUrl();
        if (to.equals(store.settings().get(HANDED_OVER).orElse(null))) return;
        try {
            long sent = Handover.send(store, to, selfToken.get(), kitPin);
            store.settings().put(HANDED_OVER, to);
            LOG.warn("handed {} entries over to the team's new master at {}", sent, to);
        } catch (IOException | MasterError e) {
            LOG.warn("cannot hand the entries over to the team's new master at {} yet ({}); trying again", to, e.getMessage());
        }
    }

    @Override
    public void close() {
        tasks.shutdownNow();
    }
}
