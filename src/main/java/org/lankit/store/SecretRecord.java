package org.lankit.store;

import io.objectbox.annotation.Entity;
import io.objectbox.annotation.Id;
import io.objectbox.annotation.Unique;

/** A secret of this device (tokens, passwords, keys), its value sealed with the data key. */
@Entity
public class SecretRecord {
    @Id
    public long id;
    @Unique
    public String name;
    public byte[] sealed;
}
