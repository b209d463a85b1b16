package org.lankit.peer;

import org.lankit.store.SyncState;

/**
 * A client laptop's place in its master's changes feed (the last seq pulled and stored) and the
 * master's last receipts, in the sync state.
 */
final class PeerProgress {

    private static final String CHECKPOINT = "peer.checkpoint";
    /** The second receipts from the master's last {@code /status}, so a restart shows them before the first sync. */
    private static final String RECEIPTS = "peer.receipts";

    private final SyncState state;

    PeerProgress(SyncState state) {
        this.state = state;
    }

    long checkpoint() {
        return state.getLong(CHECKPOINT).orElse(0L);
    }

    void checkpoint(long seq) {
        state.putLong(CHECKPOINT, seq);
    }

    Receipts receipts() {
        return state.get(RECEIPTS).flatMap(Receipts::fromJson).orElse(Receipts.NONE);
    }

    void receipts(Receipts now) {
        state.put(RECEIPTS, now.toJson());
    }
}
