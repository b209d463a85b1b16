package org.lankit.upstream;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lankit.store.EntryWriter;
import org.lankit.store.KitStore;
import org.lankit.store.StoredEntry;
import org.lankit.store.UpstreamState;
import org.lankit.sync.Entry;
import org.lankit.sync.EntryForm;
import org.lankit.sync.Json;

/**
 * The uploader's bookkeeping in the store: which batch is in flight (kept in settings, written in
 * the same transaction that marks its entries syncing) and each entry's state with the API. Every
 * change is one durable transaction, so a crash leaves either the old or the new state.
 */
final class UploadLedger {

    static final String IN_FLIGHT = "upstream.inFlight";
    static final String BATCH_NO = "upstream.batchNo";

    private final KitStore store;
    private final KitRef kit;

    UploadLedger(KitStore store, KitRef kit) {
        this.store = store;
        this.kit = kit;
    }

    /** The batch that was sent but not answered, if any (also after a restart). */
    Optional<Batch> inFlight() {
        return store.settings().get(IN_FLIGHT).map(json -> read(json));
    }

    /**
     * Takes the next pending entries in seq order (at most {@code maxEntries}, and {@code maxBytes}
     * unless one entry alone is larger), records them as the batch in flight and marks them
     * syncing. Empty when nothing is pending.
     */
    Optional<Batch> nextBatch(int maxEntries, long maxBytes) {
        return store.write(w -> {
            List<StoredEntry> pending = store.byUpstreamState(UpstreamState.PENDING, maxEntries);
            if (pending.isEmpty()) return Optional.<Batch>empty();
            String head = "{\"kit\":" + write(kit) + ",\"entries\":[";
            StringBuilder body = new StringBuilder(head);
            long bytes = utf8Length(head) + 2;
            List<Batch.Item> items = new ArrayList<>();
            for (StoredEntry e : pending) {
                String json = writeV1(e.entry());
                long size = utf8Length(json) + 1;
                if (!items.isEmpty() && bytes + size > maxBytes) break;
                if (!items.isEmpty()) body.append(',');
                body.append(json);
                bytes += size;
                items.add(new Batch.Item(e.entry().uuid(), e.entry().seq()));
            }
            body.append("]}");
            long number = store.settings().get(BATCH_NO).map(Long::parseLong).orElse(0L) + 1;
            Batch batch = new Batch(key(number, body.toString()), items, body.toString());
            store.settings().put(BATCH_NO, Long.toString(number));
            store.settings().put(IN_FLIGHT, write(batch));
            for (Batch.Item item : items) w.setUpstreamAt(item.uuid(), item.seq(), UpstreamState.SYNCING, null);
            return Optional.of(batch);
        });
    }

    /** The API took the batch: synced, except the entries it rejected one by one. */
    void accepted(Batch batch, Map<String, String> rejected) {
        finish(batch, (w, item) -> {
            String error = rejected.get(item.uuid());
            if (error == null) w.setUpstreamAt(item.uuid(), item.seq(), UpstreamState.SYNCED, null);
            else w.setUpstreamAt(item.uuid(), item.seq(), UpstreamState.FAILED, error);
        });
    }

    /** The API refused the batch for good: its entries failed with the API's reason. */
    void failed(Batch batch, String reason) {
        finish(batch, (w, item) -> w.setUpstreamAt(item.uuid(), item.seq(), UpstreamState.FAILED, reason));
    }

    /** The batch is dropped without an answer about its entries: they are pending again. */
    void giveBack(Batch batch) {
        finish(batch, (w, item) -> w.setUpstreamAt(item.uuid(), item.seq(), UpstreamState.PENDING, null));
    }

    /** The coordinator's "retry failed": every failed entry is pending again. Returns how many. */
    int requeueFailed() {
        return store.write(w -> {
            int limit = (int) Math.min(Integer.MAX_VALUE, store.countByUpstreamState(UpstreamState.FAILED));
            List<StoredEntry> failed = store.byUpstreamState(UpstreamState.FAILED, limit);
            failed.forEach(e -> w.setUpstreamAt(e.entry().uuid(), e.entry().seq(), UpstreamState.PENDING, null));
            return failed.size();
        });
    }

    long count(UpstreamState state) {
        return store.countByUpstreamState(state);
    }

    private void finish(Batch batch, ItemUpdate update) {
        store.write(w -> {
            batch.items().forEach(item -> update.apply(w, item));
            store.settings().remove(IN_FLIGHT);
            return null;
        });
    }

    private interface ItemUpdate {
        void apply(EntryWriter writer, Batch.Item item);
    }

    /** Bound to the kit, the batch number and the exact body: a new batch never reuses a key. */
    private String key(long number, String body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((kit.deviceId() + "\n" + number + "\n").getBytes(StandardCharsets.UTF_8));
            byte[] digest = sha.digest(body.getBytes(StandardCharsets.UTF_8));
            return "lankit-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java", e);
        }
    }

    private static long utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String write(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The team's API gets entries in the form protocol.md documents as v1, whatever the kit stores. */
    private static String writeV1(Entry entry) {
        try {
            return EntryForm.V1.writer().writeValueAsString(entry);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Batch read(String json) {
        try {
            return Json.MAPPER.readValue(json, Batch.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("the stored in-flight batch is unreadable", e);
        }
    }
}
