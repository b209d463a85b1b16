package org.lankit.peer;

import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import java.io.IOException;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.lankit.store.KitStore;
import org.lankit.store.Settings;
import org.lankit.store.StoredEntry;
import org.lankit.store.TeamIdentity;
import org.lankit.sync.Entry;
import org.lankit.sync.FieldValue;
import org.lankit.sync.Form;
import org.lankit.sync.Hlc;
import org.lankit.sync.HlcClock;
import org.lankit.sync.LocalEdits;
import org.lankit.sync.Protocol.Info;
import org.lankit.sync.Protocol.PullResponse;
import org.lankit.sync.Protocol.PushResponse;
import org.lankit.sync.Protocol.PushResult;
import org.lankit.sync.Protocol.Status;
import org.lankit.sync.PushRefusal;
import org.lankit.sync.PushStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client laptop's sync loop, one named step after another: connect (live socket) → take new
 * forms → push pending local edits in batches → pull the changes feed since the checkpoint →
 * apply it under local pending edits → commit → only then move the checkpoint → the master's status:
 * the team's retention ({@link LaptopRetention}, with the days it names) and the second receipt
 * ({@link Receipts}, also read at once when the live socket says it moved). Runs on one background
 * thread; a save, a live announcement or a 30-second tick asks for another round, and failures
 * are retried by {@link SyncPolicies#reconnect}. Thread-safe.
 */
public final class PeerSync implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PeerSync.class);
    private static final int PUSH_BATCH = 200;
    private static final int PULL_PAGE = 500;
    private static final int MAX_ROUNDS = 10_000;
    /** How often a round asks whether the succession bundle changed: it changes with every upload. */
    private static final long SUCCESSION_EVERY_MS = 60_000;

    private final KitStore store;
    private final PeerProgress progress;
    private final HlcClock clock;
    private final MasterClient master;
    private final ScheduledExecutorService loop;
    private final RetryPolicy<Object> retry;
    private final LaptopRetention retention;
    private final AtomicBoolean wanted = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    /** A read of the receipts is queued on the loop; more announcements meanwhile ride on it. */
    private final AtomicBoolean receiptsDue = new AtomicBoolean();
    private final List<Consumer<PeerState>> listeners = new CopyOnWriteArrayList<>();
    private volatile PeerLink link;
    private volatile WebSocket live;
    private volatile CompletableFuture<Void> round;
    private volatile boolean closed;
    private volatile boolean successionRefused;
    private volatile boolean successionDue;
    private volatile boolean connected;
    private volatile long lastSyncAt;
    private volatile String lastError;
    /** The receipts as the master last told them, so a laptop started away from the master still shows ✓✓. */
    private volatile Receipts receipts;
    private final SuccessionCopy succession;

    public PeerSync(KitStore store, PeerLink link, Duration firstRetry, Duration maxRetry) {
        this.store = store;
        this.progress = new PeerProgress(store.syncState());
        this.link = link;
        this.clock = HlcClock.system(link.deviceId());
        this.master = link.client();
        this.loop = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lankit-peer-sync");
            t.setDaemon(true);
            return t;
        });
        this.retry = SyncPolicies.reconnect(firstRetry, maxRetry, this::failed);
        this.retention = new LaptopRetention(store, clock);
        this.receipts = progress.receipts();
        this.succession = new SuccessionCopy(store);
        KnownTeam.load(store.settings()).ifPresent(team -> master.sendEpoch(team.epoch()));
    }

    public void start() {
        loop.scheduleWithFixedDelay(this::requestSync, 30, 30, TimeUnit.SECONDS);
        requestSync();
    }

    public HlcClock clock() {
        return clock;
    }

    public PeerLink link() {
        return link;
    }

    /** Entries typed on this laptop; each save asks for a sync at once. */
    public LocalEntries entries() {
        return new LocalEntries(store, clock, this::requestSync);
    }

    public void onState(Consumer<PeerState> listener) {
        listeners.add(listener);
    }

    /** What the team's server holds, as the master last said (also before this start); {@link Receipts#NONE} before it ever said. */
    public Receipts receipts() {
        return receipts;
    }

    public PeerState state() {
        return new PeerState(link.masterUrl(), connected, store.countLocallyPending(),
                store.locallyRejected(10_000).size(), lastSyncAt, lastError);
    }

    /** Asks for a sync round; rounds never overlap, and asks during a round lead to one more. */
    public void requestSync() {
        if (closed) return;
        wanted.set(true);
        if (running.compareAndSet(false, true)) {
            round = Failsafe.with(retry).with(loop).runAsync(this::syncWhileWanted);
            round.whenComplete((ok, failure) -> {
                running.set(false);
                if (failure != null && !closed) failed(failure);
                if (wanted.get() && !closed && failure == null) requestSync();
            });
        }
    }

    private void syncWhileWanted() throws IOException {
        try {
            for (int i = 0; i < MAX_ROUNDS && wanted.getAndSet(false); i++) {
                connect();
                refreshForms();
                pushPending();
                pullChanges();
                readStatus();
                keepSuccessionCurrent();
                lastSyncAt = System.currentTimeMillis();
                lastError = null;
                publish();
            }
        } catch (IOException | RuntimeException e) {
            wanted.set(true);
            throw e;
        }
    }

    /**
     * Opens the live socket; a different master than before, or a take-over (a higher epoch of the
     * team), resets the checkpoint. The team's former master (a lower epoch) gets nothing.
     */
    private void connect() throws IOException {
        if (live != null && !live.isInputClosed()) return;
        Info info = master.info();
        followEpoch(info);
        String masterId = info.deviceId();
        if (!masterId.equals(link.masterId())) {
            LOG.info("master changed from {} to {}: pulling everything again", link.masterId(), masterId);
            link = new PeerLink(link.masterUrl(), masterId, link.deviceId(), link.token(), link.kitPin());
            link.save(store);
            progress.checkpoint(0);
        }
        try {
            // the master's first message says it now listens to this socket: a "refresh" sent
            // before then reached nobody, so that greeting starts one more round
            AtomicBoolean greeted = new AtomicBoolean();
            live = master.live(seq -> {
                if (greeted.compareAndSet(false, true)) requestSync();
                else announced(seq);
            }, this::refreshAnnounced, through -> receiptsMoved(), this::liveClosed).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("the master's live connection did not open", e);
        }
        connected = true;
        publish();
    }

    private void followEpoch(Info info) throws FormerMasterException {
        if (info.teamId() == null || info.epoch() == null) return; // a master older than take-overs
        TeamIdentity theirs = new TeamIdentity(info.teamId(), info.epoch());
        Optional<TeamIdentity> known = KnownTeam.load(store.settings());
        if (known.isPresent() && known.get().teamId().equals(theirs.teamId())) {
            if (theirs.epoch() < known.get().epoch()) {
                tellFormerMaster();
                throw new FormerMasterException(link.masterUrl());
            }
            if (theirs.epoch() > known.get().epoch()) {
                LOG.info("the team has a new master (take-over {}): pulling everything again", theirs.epoch());
                progress.checkpoint(0);
            }
        }
        if (!known.equals(Optional.of(theirs))) KnownTeam.save(store.settings(), theirs);
        master.sendEpoch(theirs.epoch());
    }

    /** One read that names the newer epoch, with this laptop's token: the former master learns it was replaced. */
    private void tellFormerMaster() {
        try {
            master.status();
        } catch (IOException | MasterError e) {
            LOG.debug("the team's former master did not take the news: {}", e.getMessage());
        }
    }

    /**
     * Asks the master for its succession bundle when a minute has passed since this laptop last
     * held it current, or the master said its devices or choices changed; a master that keeps none for this laptop (no HTTPS, an older master) is
     * asked again at the next start only.
     */
    private void keepSuccessionCurrent() {
        boolean due = successionDue || System.currentTimeMillis() - succession.checkedAt() >= SUCCESSION_EVERY_MS;
        if (successionRefused || !due) return;
        successionDue = false;
        try {
            refreshSuccession();
        } catch (MasterError e) {
            if (e.isTransient()) return;
            successionRefused = true;
            LOG.info("the master keeps no take-over bundle for this laptop: {}", e.getMessage());
        } catch (IOException e) {
            LOG.debug("the take-over bundle could not be fetched now: {}", e.getMessage());
        }
    }

    /** Fetches the master's succession bundle now, unless the copy held is current; returns whether it changed. */
    public boolean refreshSuccession() throws IOException {
        Optional<MasterClient.Bundle> fetched = master.succession(succession.version());
        long now = System.currentTimeMillis();
        if (fetched.isEmpty()) {
            succession.stillCurrent(now);
            return false;
        }
        succession.keep(fetched.get(), now);
        return true;
    }

    /** The master's succession bundle as this laptop holds it. */
    public SuccessionCopy succession() {
        return succession;
    }

    /**
     * Takes the master's forms this laptop does not have yet. Asked every round: the master's live
     * "refresh" starts one as soon as the coordinator adds a form, and any later round catches up
     * on an announcement missed while the socket was down.
     */
    public void refreshForms() throws IOException {
        for (Form form : master.forms()) {
            if (store.forms().version(form.id(), form.version()).isEmpty()) store.forms().save(form);
        }
    }

    /** The master's forms, choices or devices changed: a round, which asks for the succession bundle too. */
    private void refreshAnnounced() {
        successionDue = true;
        requestSync();
    }

    private void announced(long seq) {
        if (seq > checkpoint()) requestSync();
    }

    /** The master says the receipts moved: read them on the loop now, without a whole round. */
    private void receiptsMoved() {
        if (closed || !receiptsDue.compareAndSet(false, true)) return;
        try {
            loop.execute(() -> {
                receiptsDue.set(false);
                try {
                    takeReceipts(master.status());
                } catch (IOException | RuntimeException e) {
                    LOG.debug("cannot read the receipts now; the next round does: {}", e.getMessage());
                }
            });
        } catch (RejectedExecutionException closing) {
            receiptsDue.set(false);
        }
    }

    private void liveClosed() {
        live = null;
        connected = false;
        publish();
        requestSync();
    }

    private void pushPending() throws IOException {
        for (int i = 0; i < MAX_ROUNDS; i++) {
            List<Entry> batch = store.locallyPending(PUSH_BATCH).stream().map(StoredEntry::entry).map(Entry::forPush).toList();
            if (batch.isEmpty()) return;
            PushResponse answer = master.push(batch);
            clock.followReference(answer.time());
            if (answer.results().stream().anyMatch(PeerSync::clockAhead)) clock.dropFuture();
            store.write(w -> {
                for (int r = 0; r < batch.size(); r++) {
                    Entry sent = batch.get(r);
                    PushResult result = answer.results().get(r);
                    if (clockAhead(result)) {
                        // stamped ahead of the master's time: stamped again from it, sent in the next batch
                        w.find(sent.uuid()).ifPresent(local -> {
                            Entry restamped = LocalEdits.restamp(local.entry(), clock);
                            w.putReplica(restamped, LocalEdits.pending(restamped), clock.deviceId(), null);
                        });
                        continue;
                    }
                    if (result.status() == PushStatus.REJECTED) {
                        w.markRejected(sent.uuid(), result.reason());
                        continue;
                    }
                    w.find(sent.uuid()).ifPresent(local -> {
                        Entry acknowledged = LocalEdits.acknowledge(local.entry(), sent);
                        w.putReplica(acknowledged, LocalEdits.pending(acknowledged), clock.deviceId(), null);
                    });
                }
                return null;
            });
        }
    }

    private static boolean clockAhead(PushResult result) {
        return result.status() == PushStatus.REJECTED && PushRefusal.CLOCK_AHEAD.wire().equals(result.error());
    }

    private void pullChanges() throws IOException {
        long since = checkpoint();
        for (int i = 0; i < MAX_ROUNDS; i++) {
            PullResponse page = master.pull(since, PULL_PAGE);
            clock.followReference(page.time());
            store.write(w -> {
                for (Entry theirs : page.entries()) {
                    observe(theirs);
                    Entry ours = w.find(theirs.uuid()).map(StoredEntry::entry).orElse(null);
                    Entry merged = LocalEdits.adopt(ours, theirs);
                    w.putReplica(merged, LocalEdits.pending(merged), clock.deviceId(), null);
                }
                return null;
            });
            since = page.lastSeq();
            progress.checkpoint(since);
            if (!page.more()) return;
        }
    }

    /**
     * The master says its retention every round (the live "refresh" starts one when it changes),
     * and the receipts of the team's server.
     */
    private void readStatus() throws IOException {
        Status status = master.status();
        clock.followReference(status.time());
        long removed = retention.afterPull(status.retentionDays());
        if (removed > 0) LOG.info("the team's retention removed {} settled entries from this laptop", removed);
        takeReceipts(status);
    }

    private void takeReceipts(Status status) {
        Receipts now = Receipts.of(status.upstream());
        if (now.equals(receipts)) return;
        receipts = now;
        progress.receipts(now);
        publish();
    }

    private void observe(Entry entry) {
        for (FieldValue v : entry.fields().values()) clock.observe(Hlc.parse(v.hlc()));
        if (entry.deleted() != null) clock.observe(Hlc.parse(entry.deleted().hlc()));
    }

    private long checkpoint() {
        return progress.checkpoint();
    }

    private void failed(Throwable failure) {
        lastError = failure instanceof MasterError || failure instanceof FormerMasterException ? failure.getMessage()
                : "the master cannot be reached";
        connected = false;
        publish();
    }

    private void publish() {
        if (listeners.isEmpty()) return;
        PeerState s = state();
        listeners.forEach(l -> l.accept(s));
    }

    @Override
    public void close() {
        closed = true;
        CompletableFuture<Void> current = round;
        if (current != null) current.cancel(true);
        WebSocket socket = live;
        if (socket != null) socket.abort();
        loop.shutdownNow();
        try {
            loop.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
