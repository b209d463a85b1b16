package org.lankit.store;

import io.objectbox.annotation.Entity;
import io.objectbox.annotation.Id;
import io.objectbox.annotation.Unique;

/** One value of this device's sync bookkeeping (cursors, checkpoints, a batch in flight), sealed with the data key. */
@Entity
public class SyncStateRecord {
    @Id
    public long id;
    @Unique
    public String name;
    public byte[] sealed;
}
