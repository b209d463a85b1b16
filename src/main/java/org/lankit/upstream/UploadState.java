package org.lankit.upstream;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.lankit.store.SyncState;
import org.lankit.sync.Json;
import org.lankit.upstream.UploadLedger.InFlight;

/**
 * One team server's place in the sync state: its cursor (every change up to it answered), the
 * batch in flight with the cursor it moves to, and the number of the last batch made (part of
 * each batch's idempotency key). Writes join the caller's store transaction.
 */
final class UploadState {

    private final SyncState state;
    private final String target;

    UploadState(SyncState state, String target) {
        this.state = state;
        this.target = target;
    }

    long cursor() {
        return state.getLong(name("through")).orElse(0L);
    }

    void cursor(long through) {
        state.putLong(name("through"), through);
    }

    Optional<InFlight> inFlight() {
        return state.get(name("inFlight")).map(UploadState::read);
    }

    void inFlight(InFlight sending) {
        state.put(name("inFlight"), write(sending));
    }

    void landed() {
        state.remove(name("inFlight"));
    }

    long batchNumber() {
        return state.getLong(name("batchNo")).orElse(0L);
    }

    void batchNumber(long number) {
        state.putLong(name("batchNo"), number);
    }

    private String name(String what) {
        return "upstream." + target + "." + what;
    }

    private static String write(InFlight value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InFlight read(String json) {
        try {
            return Json.MAPPER.readValue(json, InFlight.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("the stored in-flight batch is unreadable", e);
        }
    }
}
