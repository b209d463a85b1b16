package org.lankit.store;

import io.objectbox.annotation.Entity;
import io.objectbox.annotation.Id;
import io.objectbox.annotation.Index;
import io.objectbox.annotation.Unique;

/** What one team server (an upload target) holds of one entry: see {@link Deliveries}. */
@Entity
public class DeliveryRecord {
    @Id
    public long id;
    /** {@code target + " " + uuid}. */
    @Unique
    @Index
    public String key;
    public String target;
    public String uuid;
    /** The master's seq of the revision the server took last, 0 when none. */
    public long deliveredSeq;
    /** The server's name for that revision (a CouchDB {@code _rev}, an OpenRosa instanceID), or null. */
    public String ref;
    /**
     * The target's id while the server refuses the revision at {@link #failedSeq} (followed by
     * {@code " retry"} once the coordinator asked to send it again), else null.
     */
    @Index
    public String failedFor;
    public long failedSeq;
    public String error;
}
