package org.lankit.upstream;

import dev.failsafe.CircuitBreaker;
import dev.failsafe.CircuitBreakerOpenException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.lankit.store.Delivery;
import org.lankit.store.KitStore;
import org.lankit.upstream.UploadLedger.InFlight;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master's background upload to one team server (one {@link UploadTarget}). One batch at a
 * time, as named steps on one worker thread: take the batch in flight, else form the next from
 * the revisions the server has not answered ({@link UploadLedger}) → send it under the Failsafe
 * policies ({@link UploadPolicies}) → record the answer per entry → next. Woken by new entries,
 * by the server's host answering again while offline, by "retry failed" and by new settings.
 * Thread-safe; public methods may be called from any thread. {@link #close()} writes nothing, so
 * stopping is as safe as the process dying.
 */
final class Uploader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Uploader.class);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private record Phase(UploaderStatus.State state, Long until) {
    }

    private record Sending(InFlight batch, CompletableFuture<ApiAnswer> future) {
    }

    private final KitRef kit;
    private final AttachmentFiles photos;
    private final FormVersions versions;
    private final UploaderConfig config;
    private final UploadLedger ledger;
    private final ScheduledExecutorService worker;
    private final UploadPolicies policies;
    private final Runnable answered;
    private final AtomicBoolean nudged = new AtomicBoolean();
    private volatile TargetSettings settings;
    private volatile UploadTarget target;
    private volatile Phase phase = new Phase(UploaderStatus.State.IDLE, null);
    /** Why the batch under way is waiting; cleared once the server gives an answer. */
    private volatile String waitingBecause;
    /** Why entries last failed; shown while any failed entry is left. */
    private volatile String lastRefusal;
    private volatile boolean closed;
    // only touched on the worker thread
    private Sending sending;
    private int oneByOne;
    private Boolean hostWasUp;

    /** {@code answered}: told after each recorded answer (the receipts may have moved). */
    Uploader(KitStore store, KitRef kit, TargetSettings settings, UploaderConfig config, AttachmentFiles photos, Runnable answered) {
        this.kit = kit;
        this.photos = photos;
        this.versions = store.forms()::version;
        this.config = config;
        this.settings = settings;
        this.target = UploadTargets.create(settings, kit, config.requestTimeout(), photos, versions);
        this.ledger = new UploadLedger(store, kit, settings.id(), photos);
        this.answered = answered;
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lankit-upstream-" + settings.id());
            t.setDaemon(true);
            return t;
        });
        this.policies = new UploadPolicies(config, worker, new PolicyEvents());
        LOG.info("uploads go to {}", settings);
        onWorker(this::resume);
        long every = config.probeInterval().toMillis();
        worker.scheduleWithFixedDelay(guarded(this::probe), every, every, TimeUnit.MILLISECONDS);
    }

    TargetSettings settings() {
        return settings;
    }

    /** New address, credentials or form ids for the same slot: a batch under way goes again to the new server. */
    void configure(TargetSettings newSettings) {
        UploadTarget newTarget = UploadTargets.create(newSettings, kit, config.requestTimeout(), photos, versions);
        settings = newSettings;
        target = newTarget;
        LOG.info("uploads now go to {}", newSettings);
        onWorker(() -> {
            policies.resetBreaker();
            restart();
        });
    }

    /** Queues every refused entry again (the coordinator's "Retry failed"); returns how many. */
    int retryFailed() {
        int count = ledger.requeueFailed();
        if (count > 0) LOG.info("{} entries {} refused queued for upload again", count, settings.id());
        nudge();
        return count;
    }

    /** One request to the server, told in plain words. Blocks up to the request timeout. */
    ConnectionCheck testConnection(List<String> formIds) {
        return target.check(formIds);
    }

    /** Wakes the worker: new entries may be owed. */
    void nudge() {
        if (closed || !nudged.compareAndSet(false, true)) return;
        onWorker(() -> {
            nudged.set(false);
            pump();
        });
    }

    long cursor() {
        return ledger.cursor();
    }

    List<Delivery> refusals(int limit) {
        return ledger.refusals(limit);
    }

    /** {@code entries}: how many the master holds, of which those neither owed nor refused count as synced. */
    UploaderStatus status(long entries) {
        Phase p = phase;
        long owed = ledger.countOwed();
        long failed = ledger.countRefused();
        String lastError = waitingBecause != null ? waitingBecause : failed > 0 ? lastRefusal : null;
        return new UploaderStatus(p.state(), p.until(), owed, Math.max(0, entries - owed - failed), failed, lastError,
                policies.breakerState().name().toLowerCase(Locale.ROOT));
    }

    // ---- steps, all on the worker thread ----

    private void resume() {
        ledger.inFlight().ifPresent(b -> LOG.info("re-sending batch {} ({} entries) that was under way before the restart",
                b.batch().key(), b.batch().size()));
        pump();
    }

    /** Sends the batch in flight, else the next one; does nothing while a batch is under way. */
    private void pump() {
        if (closed || sending != null) return;
        UploadTarget to = target;
        Optional<InFlight> next = ledger.inFlight()
                .or(() -> ledger.nextBatch(to, oneByOne > 0 ? 1 : config.batchSize(), config.maxBatchBytes()));
        if (next.isEmpty()) {
            phase = new Phase(UploaderStatus.State.IDLE, null);
            return;
        }
        InFlight batch = next.get();
        phase = new Phase(UploaderStatus.State.UPLOADING, null);
        CompletableFuture<ApiAnswer> future = policies.run(() -> {
            phase = new Phase(UploaderStatus.State.UPLOADING, null);
            return target.send(batch.batch());
        });
        Sending s = new Sending(batch, future);
        sending = s;
        future.whenComplete((answer, error) -> onWorker(() -> done(s, answer, error)));
    }

    private void done(Sending s, ApiAnswer answer, Throwable error) {
        if (sending != s) return;
        sending = null;
        if (closed) return;
        Throwable failure = error == null ? null : Failures.unwrap(error);
        if (failure instanceof CancellationException) {
            pump(); // stopped on purpose (woken, new settings): the same batch goes again
            return;
        }
        InFlight sent = s.batch();
        Batch batch = sent.batch();
        waitingBecause = null;
        if (oneByOne > 0 && batch.size() == 1) oneByOne--;
        if (failure != null) {
            LOG.error("batch {} could not be sent", batch.key(), failure);
            lastRefusal = Failures.describe(failure, target);
            ledger.failed(sent, lastRefusal);
        } else if (answer.isAccepted()) {
            // the reason before the ledger: status() never shows failed entries without why
            if (!answer.rejected().isEmpty()) {
                lastRefusal = "the server refused " + answer.rejected().size() + " of " + batch.size() + " entries, e.g. "
                        + answer.rejected().values().iterator().next();
            }
            ledger.accepted(sent, answer.rejected(), answer.refs());
            LOG.debug("batch {} stored by {} ({} entries, {} refused)", batch.key(), settings.id(), batch.size(), answer.rejected().size());
        } else if (answer.mayBeAboutOneEntry() && batch.size() > 1) {
            lastRefusal = "the server refused a batch (" + answer.reason() + "); sending its entries one by one";
            ledger.giveBack(sent);
            oneByOne = batch.size();
            LOG.warn("batch {} refused ({}); sending its {} entries one by one", batch.key(), answer.reason(), batch.size());
        } else {
            lastRefusal = "the server refused " + batch.size() + " entries: " + answer.reason();
            ledger.failed(sent, answer.reason());
            LOG.warn("batch {} refused for good: {}", batch.key(), answer.reason());
        }
        answered.run();
        pump();
    }

    /** While offline: when the server's host takes connections again, try at once instead of waiting. */
    private void probe() {
        UploadTarget to = target;
        if (phase.state() != UploaderStatus.State.OFFLINE) {
            hostWasUp = null;
            return;
        }
        boolean up = HostProbe.answers(to.address(), PROBE_TIMEOUT.compareTo(config.requestTimeout()) < 0 ? PROBE_TIMEOUT : config.requestTimeout());
        if (Boolean.FALSE.equals(hostWasUp) && up) {
            LOG.info("{} answers again; uploading now", Failures.hostAndPort(to.address()));
            policies.probeNow();
            restart();
        }
        hostWasUp = up;
    }

    /** Stops the wait of the batch under way so that it goes again now (same key). */
    private void restart() {
        if (sending != null) sending.future().cancel(false);
        else pump();
    }

    // ---- plumbing ----

    private void onWorker(Runnable step) {
        try {
            worker.execute(guarded(step));
        } catch (RejectedExecutionException e) {
            if (!closed) throw e;
        }
    }

    private Runnable guarded(Runnable step) {
        return () -> {
            try {
                step.run();
            } catch (RuntimeException e) {
                if (!closed) LOG.error("upload step failed", e);
            }
        };
    }

    /** Failsafe's events: retries and the breaker, as the phase and last error the panel shows. */
    private final class PolicyEvents implements UploadPolicies.Listener {
        @Override
        public void retryScheduled(Throwable cause, Duration delay) {
            boolean stillOffline = phase.state() == UploaderStatus.State.OFFLINE;
            boolean offline = Failures.isUnreachable(cause)
                    || stillOffline && Failures.unwrap(cause) instanceof CircuitBreakerOpenException;
            // the reason before the phase: status() reads the phase first, so it never shows "backing off" without why
            if (!(Failures.unwrap(cause) instanceof CircuitBreakerOpenException)) {
                waitingBecause = Failures.describe(cause, target);
            }
            phase = new Phase(offline ? UploaderStatus.State.OFFLINE : UploaderStatus.State.BACKING_OFF,
                    System.currentTimeMillis() + delay.toMillis());
            LOG.debug("next try in {} ms: {}", delay.toMillis(), waitingBecause);
        }

        @Override
        public void breakerChanged(CircuitBreaker.State state) {
            LOG.info("upload circuit to {} {}", settings.id(), state.name().toLowerCase(Locale.ROOT));
        }
    }

    /** Stops uploading without writing anything: a batch under way stays in flight for the next start. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        try {
            worker.submit(() -> {
                if (sending != null) sending.future().cancel(false);
            }).get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
            LOG.warn("the uploader did not stop cleanly", e);
        }
        worker.shutdownNow();
        try {
            if (!worker.awaitTermination(5, TimeUnit.SECONDS)) LOG.warn("the upload thread is still busy");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
