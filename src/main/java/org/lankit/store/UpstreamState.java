package org.lankit.store;

/** Where an entry stands with the team's internet API (master only). */
public enum UpstreamState {
    PENDING, SYNCING, SYNCED, FAILED;

    static UpstreamState of(int code) {
        return values()[code];
    }

    int code() {
        return ordinal();
    }
}
