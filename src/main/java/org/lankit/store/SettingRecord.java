package org.lankit.store;

import io.objectbox.annotation.Entity;
import io.objectbox.annotation.Id;
import io.objectbox.annotation.Unique;

/** A named setting of this device (role, port, team name, team servers without their secrets...). */
@Entity
public class SettingRecord {
    @Id
    public long id;
    @Unique
    public String name;
    public String value;
}
