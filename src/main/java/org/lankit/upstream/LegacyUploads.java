package org.lankit.upstream;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.List;
import org.lankit.store.KitStore;
import org.lankit.store.LegacyUpload;
import org.lankit.store.SyncState;
import org.lankit.sync.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves what an older Lankit kept in each entry's record about its one API into the bookkeeping of
 * target {@code main}, once: the cursor goes to just before the first entry the API did not
 * answer, each later entry it took or refused becomes a {@link org.lankit.store.Delivery}, and the
 * batch in flight stays in flight with its key and bytes. Nothing the API holds is sent again and
 * nothing it lacks is skipped. A crash half-way does the same again at the next start.
 */
final class LegacyUploads {

    private static final Logger LOG = LoggerFactory.getLogger(LegacyUploads.class);
    static final String MOVED = "upstream.perServer";
    private static final String OLD_IN_FLIGHT = "upstream.inFlight";
    private static final String OLD_BATCH_NO = "upstream.batchNo";
    private static final int CHUNK = 2_000;

    private LegacyUploads() {
    }

    static void moveOnce(KitStore store) {
        SyncState state = store.syncState();
        if (state.get(MOVED).isPresent()) return;
        List<LegacyUpload> rows = new ArrayList<>();
        store.legacyUploads(rows::add);
        long cursor = rows.stream().filter(r -> !r.syncedNow() && !r.failed()).mapToLong(LegacyUpload::seq).min()
                .orElse(store.lastSeq() + 1) - 1;
        List<LegacyUpload> answered = rows.stream().filter(r -> r.failed() || r.syncedNow() && r.seq() > cursor).toList();
        String main = TargetSettings.MAIN;
        for (int from = 0; from < answered.size(); from += CHUNK) {
            List<LegacyUpload> chunk = answered.subList(from, Math.min(answered.size(), from + CHUNK));
            store.write(w -> {
                for (LegacyUpload r : chunk) {
                    if (r.failed()) store.deliveries().refused(main, r.uuid(), r.seq(), r.error());
                    else store.deliveries().delivered(main, r.uuid(), r.seq(), null);
                }
                return null;
            });
        }
        store.write(w -> {
            UploadState moved = new UploadState(state, main);
            moved.cursor(cursor);
            state.get(OLD_IN_FLIGHT).ifPresent(old -> moved.inFlight(new UploadLedger.InFlight(read(old), cursor)));
            state.getLong(OLD_BATCH_NO).ifPresent(moved::batchNumber);
            state.remove(OLD_IN_FLIGHT);
            state.remove(OLD_BATCH_NO);
            state.put(MOVED, "1");
            return null;
        });
        if (!rows.isEmpty()) {
            LOG.info("upload receipts of {} entries moved to per-server bookkeeping ({} answered after seq {})",
                    rows.size(), answered.size(), cursor);
        }
    }

    private static Batch read(String json) {
        try {
            return Json.MAPPER.readValue(json, Batch.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored in-flight batch is unreadable", e);
        }
    }
}
