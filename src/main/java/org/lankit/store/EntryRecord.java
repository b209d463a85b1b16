package org.lankit.store;

import io.objectbox.annotation.Entity;
import io.objectbox.annotation.Id;
import io.objectbox.annotation.Index;
import io.objectbox.annotation.Unique;

/** An entry as stored: the whole entry as JSON plus the columns queries need. */
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
    public String json;
    /** Master only: where the entry stands with the team's API ({@link UpstreamState}). */
    @Index
    public int upstreamState;
    /** Master only: the seq that last reached the API. */
    public long upstreamSeq;
    /** Master: the API's reason for a failed upload. Device: the master's reason for refusing the entry. */
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
