package org.lankit.store;

import io.objectbox.annotation.Entity;
import io.objectbox.annotation.Id;
import io.objectbox.annotation.Index;

/** Who did what to which entry, and when. */
@Entity
public class AuditRecord {
    @Id
    public long id;
    @Index
    public long time;
    public String deviceId;
    public String action;
    /** Not indexed: nothing looks events up by entry, and the index cost a fifth of the push service's time. */
    public String entryUuid;
    /** What changed, sealed with the data key ({@link SealedRecords}). */
    public byte[] sealedSummary;
    /** Written by Lankit before the log was sealed: read once at open to seal it, then cleared. */
    public String summary;
}
