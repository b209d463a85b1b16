package org.lankit.store;

import io.objectbox.annotation.Entity;
import io.objectbox.annotation.Id;
import io.objectbox.annotation.Index;
import io.objectbox.annotation.Unique;

/**
 * An entry as stored: the whole entry as JSON, sealed with the data key for its uuid, plus the
 * columns queries need (none of them holds an answer).
 */
@Entity
public class EntryRecord {
    @Id
    public long id;
    @Unique
    @Index
    public String uuid;
    @Index
    public String formId;
    /** Master: the seq of the last change. Client: the master's seq of the copy it last pulled. */
    public long seq;
    /** {@code seq / ChangeFeed.BLOCK}: the changes feed finds records by it (see {@link ChangeFeed}). */
    @Index
    public long changeBlock;
    public long createdAt;
    public String createdBy;
    /** When this device last stored a change of the entry (epoch ms). */
    public long changedAt;
    /** The entry's JSON sealed with the data key, its uuid as the place ({@link SealedRecords}). */
    public byte[] sealedJson;
    /** Written by Lankit before entries were sealed: read once at open to seal it, then cleared ({@link OlderRecordsSealing}). */
    public String json;
    /**
     * Master, written by Lankit before uploads were kept per team server ({@link Deliveries}):
     * 0 pending, 1 being sent, 2 synced, 3 failed. Read once by {@link KitStore#legacyUploads}.
     */
    public int upstreamState;
    /** Master, written by Lankit before per-server uploads: the seq that last reached the API. */
    public long upstreamSeq;
    /** Device: the master's reason for refusing the entry. (Master, before per-server uploads: the API's reason.) */
    public String upstreamError;
    /** Device only: 1 while it holds edits the master has not acknowledged, 2 when the master refused them. */
    @Index
    public int localPending;
    /** Device only: JSON list of the fields (and the tombstone) with unacknowledged edits. */
    public String pendingFields;

    /** Sets the seq and the change block that goes with it, always together. */
    void moveToSeq(long newSeq) {
        seq = newSeq;
        changeBlock = ChangeFeed.blockOf(newSeq);
    }
}
