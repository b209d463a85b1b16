package org.lankit.store;

/**
 * An entry's upload state as Lankit kept it before uploads were kept per team server: one state
 * for the one API. Read once, when such a data folder first starts.
 */
public record LegacyUpload(String uuid, long seq, int state, long upstreamSeq, String error) {

    private static final int FAILED = 3;
    private static final int SYNCED = 2;

    /** The API held the entry's current revision. */
    public boolean syncedNow() {
        return state == SYNCED && upstreamSeq == seq;
    }

    /** The API refused the entry's current revision. */
    public boolean failed() {
        return state == FAILED;
    }
}
