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
import java.util.function.Consumer;
import org.lankit.store.Deliveries;
import org.lankit.store.Delivery;
import org.lankit.store.KitStore;
import org.lankit.store.StoredEntry;
import org.lankit.sync.Entry;
import org.lankit.sync.EntryForm;

/**
 * One target's upload bookkeeping in the store. The target walks the master's changes feed from
 * its cursor: every change with a seq at or below the cursor has been answered by the server
 * (taken or refused). What the server holds of each entry, or refused, is a {@link Delivery}. The
 * cursor and the batch in flight, with the cursor it moves to once answered, are its
 * {@link UploadState}. Every change is one durable transaction, so a crash leaves either the old or
 * the new state.
 */
final class UploadLedger {

    /** Feed entries read per look for the next batch. */
    private static final int PAGE = 500;

    /** A batch on its way, and where the cursor goes once the server answered it. */
    record InFlight(Batch batch, long upTo) {
    }

    private final KitStore store;
    private final Deliveries deliveries;
    private final KitRef kit;
    private final String target;
    private final UploadState state;
    private final AttachmentFiles photos;

    UploadLedger(KitStore store, KitRef kit, String target, AttachmentFiles photos) {
        this.store = store;
        this.deliveries = store.deliveries();
        this.kit = kit;
        this.target = target;
        this.state = new UploadState(store.syncState(), target);
        this.photos = photos;
    }

    /** Every change up to this seq has been answered by the server. */
    long cursor() {
        return state.cursor();
    }

    /** The batch that was sent but not answered, if any (also after a restart). */
    Optional<InFlight> inFlight() {
        return state.inFlight();
    }

    /**
     * The next revisions the server has not answered, in seq order (at most {@code maxEntries}, and
     * {@code maxBytes} with their photos, unless one entry alone is larger), prepared by {@code to} and recorded as the
     * batch in flight. Revisions the server already answered (after "retry failed", or a move from
     * an older data folder) are passed over. Empty when nothing is owed.
     */
    Optional<InFlight> nextBatch(UploadTarget to, int maxEntries, long maxBytes) {
        long cursor = cursor();
        List<Outgoing> outgoing = new ArrayList<>();
        long bytes = 0;
        for (Delivery retry : deliveries.retries(target, maxEntries)) {
            Optional<Entry> now = store.find(retry.uuid()).map(StoredEntry::entry);
            if (now.isEmpty() || now.get().seq() != retry.failedSeq()) {
                deliveries.dropRetry(target, retry.uuid());
                continue;
            }
            long size = sizeOf(now.get());
            if (!outgoing.isEmpty() && bytes + size > maxBytes) break;
            outgoing.add(new Outgoing(now.get(), previous(Optional.of(retry))));
            bytes += size;
        }
        long upTo = cursor;
        walk:
        for (List<Entry> page = store.changesAfter(cursor, PAGE); !page.isEmpty(); page = store.changesAfter(upTo, PAGE)) {
            for (Entry entry : page) {
                Optional<Delivery> held = deliveries.find(target, entry.uuid());
                if (held.isPresent() && held.get().answered(entry.seq())) {
                    upTo = entry.seq();
                    continue;
                }
                long size = sizeOf(entry);
                if (outgoing.size() == maxEntries || !outgoing.isEmpty() && bytes + size > maxBytes) break walk;
                outgoing.add(new Outgoing(entry, previous(held)));
                bytes += size;
                upTo = entry.seq();
            }
        }
        long passedTo = upTo;
        if (outgoing.isEmpty()) {
            if (passedTo > cursor) store.write(w -> {
                state.cursor(passedTo);
                return null;
            });
            return Optional.empty();
        }
        String body = to.prepare(outgoing);
        List<Batch.Item> items = outgoing.stream().map(o -> new Batch.Item(o.entry().uuid(), o.entry().seq())).toList();
        return Optional.of(store.write(w -> {
            long number = state.batchNumber() + 1;
            InFlight sending = new InFlight(new Batch(key(number, body), items, body), passedTo);
            state.batchNumber(number);
            state.inFlight(sending);
            return sending;
        }));
    }

    /** The server took the batch: delivered (with its refs), except the entries it refused one by one. */
    void accepted(InFlight sent, Map<String, String> rejected, Map<String, String> refs) {
        finish(sent, true, item -> {
            String error = rejected.get(item.uuid());
            if (error == null) deliveries.delivered(target, item.uuid(), item.seq(), refs.get(item.uuid()));
            else deliveries.refused(target, item.uuid(), item.seq(), error);
        });
    }

    /** The server refused the batch for good: its entries are refused with the server's reason. */
    void failed(InFlight sent, String reason) {
        finish(sent, true, item -> deliveries.refused(target, item.uuid(), item.seq(), reason));
    }

    /** The batch is dropped without an answer about its entries: they are owed again from the same cursor. */
    void giveBack(InFlight sent) {
        finish(sent, false, item -> { });
    }

    /** The coordinator's "retry failed": every refused revision is sent again. Returns how many. */
    int requeueFailed() {
        return deliveries.markForRetry(target);
    }

    long countRefused() {
        return deliveries.countRefused(target);
    }

    /** Refused revisions, those waiting to be sent again included: at most {@code limit} of each. */
    List<Delivery> refusals(int limit) {
        List<Delivery> all = new ArrayList<>(deliveries.refusals(target, limit));
        all.addAll(deliveries.retries(target, limit));
        return all;
    }

    /** Revisions the server is still owed: changes after the cursor and refusals to send again. */
    long countOwed() {
        return store.countChangedAfter(cursor()) + deliveries.countRetries(target);
    }

    private static Outgoing.Delivered previous(Optional<Delivery> held) {
        return held.filter(d -> d.deliveredSeq() > 0).map(d -> new Outgoing.Delivered(d.deliveredSeq(), d.ref())).orElse(null);
    }

    private void finish(InFlight sent, boolean moveCursor, Consumer<Batch.Item> record) {
        store.write(w -> {
            sent.batch().items().forEach(record);
            if (moveCursor && sent.upTo() > cursor()) state.cursor(sent.upTo());
            state.landed();
            return null;
        });
    }

    /** Bound to the kit, the target, the batch number and the exact body: a new batch never reuses a key. */
    private String key(long number, String body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((kit.deviceId() + "\n" + target + "\n" + number + "\n").getBytes(StandardCharsets.UTF_8));
            byte[] digest = sha.digest(body.getBytes(StandardCharsets.UTF_8));
            return "lankit-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java", e);
        }
    }

    /** The entry's size in the documented v1 form: the measure of a batch, whatever the target sends. */
    /** What the entry weighs in a request: its JSON and its photos, which go with it (or just before it). */
    private long sizeOf(Entry entry) {
        try {
            return EntryForm.V1.writer().writeValueAsBytes(entry).length + 1L + photos.bytesOf(entry);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
