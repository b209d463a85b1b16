package org.lankit.upstream;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.lankit.store.Delivery;
import org.lankit.store.KitStore;
import org.lankit.store.StoredEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master's uploads to every team server set up (none, one, or e.g. KoboToolbox plus a CouchDB
 * mirror): one {@link Uploader} per server, each with its own receipts, policies and thread. What
 * the control panel, the hub and the start-up use. Thread-safe.
 */
public final class Uploads implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Uploads.class);

    private final KitStore store;
    private final KitRef kit;
    private final UploaderConfig config;
    private final AttachmentFiles photos;
    private final Map<String, Uploader> uploaders = new LinkedHashMap<>();
    private final List<Runnable> receiptListeners = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private Uploads(KitStore store, KitRef kit, UploaderConfig config) {
        this.store = store;
        this.kit = kit;
        this.config = config;
        this.photos = new StoredAttachmentFiles(store);
    }

    /**
     * Starts uploading from {@code store} to the remembered servers. A server given on the command
     * line replaces the remembered one in its slot (and is remembered).
     */
    public static Uploads start(KitStore store, KitRef kit, Optional<TargetSettings> fromCommandLine, UploaderConfig config) {
        LegacyUploads.moveOnce(store);
        if (fromCommandLine.isPresent()) {
            List<TargetSettings> targets = new ArrayList<>(ApiSettings.load(store));
            targets.removeIf(t -> t.id().equals(fromCommandLine.get().id()));
            targets.add(0, fromCommandLine.get());
            ApiSettings.save(store, targets);
        }
        Uploads uploads = new Uploads(store, kit, config);
        List<TargetSettings> targets = ApiSettings.load(store);
        if (targets.isEmpty()) LOG.info("uploads go nowhere yet (no team server set up)");
        uploads.apply(targets);
        store.onSeqAdvanced(seq -> uploads.each().forEach(Uploader::nudge));
        return uploads;
    }

    /**
     * Uploads that send nothing: a master replaced by a take-over leaves the team's servers to its
     * successor (its settings and receipts stay as they are).
     */
    public static Uploads stopped(KitStore store, KitRef kit, UploaderConfig config) {
        Uploads uploads = new Uploads(store, kit, config);
        uploads.closed = true;
        return uploads;
    }

    /** The servers uploads go to, in order. */
    public synchronized List<TargetSettings> targets() {
        return uploaders.values().stream().map(Uploader::settings).toList();
    }

    /**
     * Sets (and remembers) the servers: a slot kept keeps its receipts and goes to its new
     * address at once; a slot dropped stops (its receipts stay, should it come back); an empty
     * list turns uploads off.
     *
     * @throws IllegalArgumentException with a sentence for the coordinator if two servers share an id
     */
    public void configure(List<TargetSettings> targets) {
        Set<String> ids = targets.stream().map(TargetSettings::id).collect(Collectors.toSet());
        if (ids.size() != targets.size()) throw new IllegalArgumentException("two servers have the same name");
        ApiSettings.save(store, targets);
        apply(targets);
        receiptListeners.forEach(Runnable::run);
    }

    /** One request to a server (saved or not), told in plain words. Blocks up to the request timeout. */
    public ConnectionCheck testConnection(TargetSettings target) {
        return UploadTargets.create(target, kit, config.requestTimeout(), photos, store.forms()::version).check(formIds());
    }

    /** Queues every entry a server refused again (the coordinator's "Retry failed"); returns how many. */
    public int retryFailed() {
        int count = each().stream().mapToInt(Uploader::retryFailed).sum();
        LOG.info("{} refused entries queued for upload again", count);
        return count;
    }

    /** All servers together, for phones and the panel's summary; {@link UploaderStatus.State#DISABLED} with none. */
    public UploaderStatus status() {
        Map<String, UploaderStatus> each = statuses();
        if (each.isEmpty()) return new UploaderStatus(UploaderStatus.State.DISABLED, null, store.entryCount(), 0, 0, null, "closed");
        if (each.size() == 1) return each.values().iterator().next();
        List<UploaderStatus> all = List.copyOf(each.values());
        UploaderStatus busiest = all.stream().min(Comparator.comparingInt(s -> s.state().ordinal())).orElseThrow();
        Long until = all.stream().map(UploaderStatus::until).filter(u -> u != null).min(Long::compare).orElse(null);
        String lastError = each.entrySet().stream().filter(e -> e.getValue().lastError() != null)
                .map(e -> e.getKey() + ": " + e.getValue().lastError()).findFirst().orElse(null);
        return new UploaderStatus(busiest.state(), until,
                all.stream().mapToLong(UploaderStatus::pending).max().orElse(0),
                all.stream().mapToLong(UploaderStatus::synced).min().orElse(0),
                all.stream().mapToLong(UploaderStatus::failed).sum(), lastError, busiest.breaker());
    }

    /** Each server's own status, by slot id. */
    public Map<String, UploaderStatus> statuses() {
        Map<String, UploaderStatus> out = new LinkedHashMap<>();
        List<Uploader> each = each();
        long entries = store.entryCount();
        for (Uploader u : each) out.put(u.settings().id(), u.status(entries));
        return out;
    }

    /**
     * The second receipt for devices: what every server set up holds. When more entries are
     * refused than the list carries, {@code through} stops before the first one left out, so no
     * device takes a refused entry for one the servers hold.
     */
    public UploadReceipts receipts() {
        List<Uploader> each = each();
        if (each.isEmpty()) return UploadReceipts.NONE;
        long through = each.stream().mapToLong(Uploader::cursor).min().orElse(0);
        Set<String> refused = new LinkedHashSet<>();
        for (Uploader u : each) {
            for (Delivery d : u.refusals(UploadReceipts.MAX_REFUSED + 1)) {
                if (refused.contains(d.uuid())) continue;
                if (refused.size() == UploadReceipts.MAX_REFUSED) {
                    through = Math.min(through, d.failedSeq() - 1);
                    continue;
                }
                refused.add(d.uuid());
            }
        }
        return new UploadReceipts(through, List.copyOf(refused));
    }

    /** Told, from an upload thread, whenever a server answered (the receipts may have moved). */
    public void onReceiptsChanged(Runnable listener) {
        receiptListeners.add(listener);
    }

    /** Where one entry stands with the servers, for the panel: refused by any, held by all, or on its way. */
    public EntryUpload of(StoredEntry stored) {
        return ServerHoldings.of(store, each().stream().map(u -> u.settings().id()).toList(), stored);
    }

    private synchronized void apply(List<TargetSettings> targets) {
        if (closed) return;
        Set<String> keep = targets.stream().map(TargetSettings::id).collect(Collectors.toSet());
        uploaders.entrySet().removeIf(e -> {
            if (keep.contains(e.getKey())) return false;
            e.getValue().close();
            return true;
        });
        Map<String, Uploader> ordered = new LinkedHashMap<>();
        for (TargetSettings t : targets) {
            Uploader u = uploaders.get(t.id());
            if (u == null) u = new Uploader(store, kit, t, config, photos, () -> receiptListeners.forEach(Runnable::run));
            else if (!u.settings().equals(t)) u.configure(t);
            ordered.put(t.id(), u);
        }
        uploaders.clear();
        uploaders.putAll(ordered);
    }

    private synchronized List<Uploader> each() {
        return List.copyOf(uploaders.values());
    }

    private List<String> formIds() {
        return store.forms().all().stream().map(f -> f.id()).distinct().toList();
    }

    /** Stops every upload without writing anything: batches under way stay in flight for the next start. */
    @Override
    public void close() {
        List<Uploader> each;
        synchronized (this) {
            closed = true;
            each = List.copyOf(uploaders.values());
            uploaders.clear();
        }
        each.forEach(Uploader::close);
    }
}
