package org.lankit.upstream;

import dev.failsafe.CircuitBreaker;
import dev.failsafe.CircuitBreakerOpenException;
import java.time.Duration;
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
import org.lankit.store.KitStore;
import org.lankit.store.UpstreamState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master's background upload to the team's API. One batch at a time, as named steps on one
 * worker thread: take the batch in flight, else form the next from pending entries in seq order
 * ({@link UploadLedger}) → send it under the Failsafe policies ({@link UploadPolicies}) → record
 * the answer per entry → next. Woken by new entries, by the API's host answering again while
 * offline, by "retry failed" and by new settings. Thread-safe; public methods may be called from
 * any thread. {@link #close()} writes nothing, so stopping is as safe as the process dying.
 */
public final class Uploader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Uploader.class);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private record Phase(UploaderStatus.State state, Long until) {
    }

    private record Sending(Batch batch, CompletableFuture<ApiAnswer> future) {
    }

    private final KitStore store;
    private final KitRef kit;
    private final UploaderConfig config;
    private final UploadLedger ledger;
    private final TeamApi api;
    private final ScheduledExecutorService worker;
    private final UploadPolicies policies;
    private final AtomicBoolean nudged = new AtomicBoolean();
    private volatile ApiTarget target;
    private volatile Phase phase = new Phase(UploaderStatus.State.IDLE, null);
    /** Why the batch under way is waiting; cleared once the API gives an answer. */
    private volatile String waitingBecause;
    /** Why entries last failed; shown while any failed entry is left. */
    private volatile String lastRefusal;
    private volatile boolean closed;
    // only touched on the worker thread
    private Sending sending;
    private int oneByOne;
    private Boolean hostWasUp;

    private Uploader(KitStore store, KitRef kit, ApiTarget target, UploaderConfig config) {
        this.store = store;
        this.kit = kit;
        this.config = config;
        this.target = target;
        this.ledger = new UploadLedger(store, kit);
        this.api = new TeamApi(config.requestTimeout());
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lankit-upstream");
            t.setDaemon(true);
            return t;
        });
        this.policies = new UploadPolicies(config, worker, new PolicyEvents());
    }

    /**
     * Starts uploading from {@code store}. An address or token given here (the command line)
     * replaces the remembered one; without them the remembered settings apply, and without an
     * address the uploader stays disabled until {@link #configure} is called.
     */
    public static Uploader start(KitStore store, KitRef kit, String apiUrl, String apiToken, UploaderConfig config) {
        if (apiUrl != null || apiToken != null) {
            String url = apiUrl != null ? apiUrl : store.settings().get(ApiSettings.URL).orElse(null);
            String token = apiToken != null ? apiToken : store.settings().get(ApiSettings.TOKEN).orElse(null);
            ApiSettings.save(store.settings(), ApiTarget.of(url, token).orElse(null));
        }
        Uploader uploader = new Uploader(store, kit, ApiSettings.load(store.settings()).orElse(null), config);
        LOG.info("uploads go to {}", uploader.target == null ? "nowhere yet (no API address set)" : uploader.target);
        store.onSeqAdvanced(seq -> uploader.nudge());
        uploader.onWorker(uploader::resume);
        long every = config.probeInterval().toMillis();
        uploader.worker.scheduleWithFixedDelay(uploader.guarded(uploader::probe), every, every, TimeUnit.MILLISECONDS);
        return uploader;
    }

    /**
     * Sets (and remembers) the API address and token, e.g. from the control panel; an empty
     * address turns uploads off. A batch under way is sent again to the new address with the
     * same key.
     *
     * @throws IllegalArgumentException with a sentence for the coordinator if the address or token is unusable
     */
    public void configure(String apiUrl, String apiToken) {
        ApiTarget newTarget = ApiTarget.of(apiUrl, apiToken).orElse(null);
        ApiSettings.save(store.settings(), newTarget);
        target = newTarget;
        LOG.info("uploads now go to {}", newTarget == null ? "nowhere (API address removed)" : newTarget);
        onWorker(() -> {
            policies.resetBreaker();
            restart();
        });
    }

    public Optional<ApiTarget> target() {
        return Optional.ofNullable(target);
    }

    /** Queues every failed entry again (the coordinator's "Retry failed"); returns how many. */
    public int retryFailed() {
        int count = ledger.requeueFailed();
        LOG.info("{} failed entries queued for upload again", count);
        nudge();
        return count;
    }

    /** One request to the configured API, told in plain words. Blocks up to the request timeout. */
    public ConnectionCheck testConnection() {
        return ConnectionCheck.run(api, target, kit);
    }

    /** The same for an address and token not saved yet. */
    public ConnectionCheck testConnection(String apiUrl, String apiToken) {
        Optional<String> problem = ApiTarget.problem(apiUrl, apiToken);
        if (problem.isPresent()) return new ConnectionCheck(ConnectionCheck.Outcome.BAD_ADDRESS, 0, "Cannot test: " + problem.get() + ".");
        return ConnectionCheck.run(api, ApiTarget.of(apiUrl, apiToken).orElseThrow(), kit);
    }

    public UploaderStatus status() {
        Phase p = target == null ? new Phase(UploaderStatus.State.DISABLED, null) : phase;
        long pending = ledger.count(UpstreamState.PENDING) + ledger.count(UpstreamState.SYNCING);
        long failed = ledger.count(UpstreamState.FAILED);
        String lastError = waitingBecause != null ? waitingBecause : failed > 0 ? lastRefusal : null;
        return new UploaderStatus(p.state(), p.until(), pending, ledger.count(UpstreamState.SYNCED),
                failed, lastError, policies.breakerState().name().toLowerCase(Locale.ROOT));
    }

    // ---- steps, all on the worker thread ----

    private void resume() {
        ledger.inFlight().ifPresent(b -> LOG.info("re-sending batch {} ({} entries) that was under way before the restart",
                b.key(), b.size()));
        pump();
    }

    /** Sends the batch in flight, else the next one; does nothing while a batch is under way. */
    private void pump() {
        if (closed || sending != null) return;
        ApiTarget to = target;
        if (to == null) {
            phase = new Phase(UploaderStatus.State.DISABLED, null);
            return;
        }
        Optional<Batch> next = ledger.inFlight()
                .or(() -> ledger.nextBatch(oneByOne > 0 ? 1 : config.batchSize(), config.maxBatchBytes()));
        if (next.isEmpty()) {
            phase = new Phase(UploaderStatus.State.IDLE, null);
            return;
        }
        Batch batch = next.get();
        phase = new Phase(UploaderStatus.State.UPLOADING, null);
        CompletableFuture<ApiAnswer> future = policies.run(() -> {
            phase = new Phase(UploaderStatus.State.UPLOADING, null);
            return api.send(to, batch);
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
        Batch batch = s.batch();
        waitingBecause = null;
        if (oneByOne > 0 && batch.size() == 1) oneByOne--;
        if (failure != null) {
            LOG.error("batch {} could not be sent", batch.key(), failure);
            lastRefusal = Failures.describe(failure, target);
            ledger.failed(batch, lastRefusal);
        } else if (answer.isAccepted()) {
            // the reason before the ledger: status() never shows failed entries without why
            if (!answer.rejected().isEmpty()) {
                lastRefusal = "the API refused " + answer.rejected().size() + " of " + batch.size() + " entries, e.g. "
                        + answer.rejected().values().iterator().next();
            }
            ledger.accepted(batch, answer.rejected());
            LOG.debug("batch {} stored by the API ({} entries, {} refused)", batch.key(), batch.size(), answer.rejected().size());
        } else if (answer.mayBeAboutOneEntry() && batch.size() > 1) {
            lastRefusal = "the API refused a batch (" + answer.reason() + "); sending its entries one by one";
            ledger.giveBack(batch);
            oneByOne = batch.size();
            LOG.warn("batch {} refused ({}); sending its {} entries one by one", batch.key(), answer.reason(), batch.size());
        } else {
            lastRefusal = "the API refused " + batch.size() + " entries: " + answer.reason();
            ledger.failed(batch, answer.reason());
            LOG.warn("batch {} refused for good: {}", batch.key(), answer.reason());
        }
        pump();
    }

    /** While offline: when the API's host takes connections again, try at once instead of waiting. */
    private void probe() {
        ApiTarget to = target;
        if (to == null || phase.state() != UploaderStatus.State.OFFLINE) {
            hostWasUp = null;
            return;
        }
        boolean up = HostProbe.answers(to, PROBE_TIMEOUT.compareTo(config.requestTimeout()) < 0 ? PROBE_TIMEOUT : config.requestTimeout());
        if (Boolean.FALSE.equals(hostWasUp) && up) {
            LOG.info("{} answers again; uploading now", to.hostAndPort());
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

    private void nudge() {
        if (closed || !nudged.compareAndSet(false, true)) return;
        onWorker(() -> {
            nudged.set(false);
            pump();
        });
    }

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
            LOG.info("upload circuit {}", state.name().toLowerCase(Locale.ROOT));
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
