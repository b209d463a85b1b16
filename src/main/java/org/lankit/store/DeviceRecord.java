package org.lankit.store;

import io.objectbox.annotation.Entity;
import io.objectbox.annotation.Id;
import io.objectbox.annotation.Index;
import io.objectbox.annotation.Unique;

/** A device paired with the master; only the hash of its token is kept. */
@Entity
public class DeviceRecord {
    @Id
    public long id;
    @Unique
    @Index
    public String deviceId;
    public String name;
    public String kind;
    @Index
    public String tokenHash;
    public boolean approved;
    public boolean revoked;
    public long pairedAt;
    public long lastSeen;
    /** Whether its last call came over HTTPS. */
    public boolean lastSecure;
}
