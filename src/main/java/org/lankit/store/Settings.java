package org.lankit.store;

import io.objectbox.Box;
import io.objectbox.query.Query;
import io.objectbox.query.QueryBuilder.StringOrder;
import java.util.Optional;

/** Named settings of this device, each stored durably at once. */
public final class Settings {

    private final Box<SettingRecord> box;

    Settings(Box<SettingRecord> box) {
        this.box = box;
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(record(name)).map(r -> r.value);
    }

    public synchronized void put(String name, String value) {
        SettingRecord r = record(name);
        if (r == null) {
            r = new SettingRecord();
            r.name = name;
        }
        r.value = value;
        box.put(r);
    }

    public synchronized void remove(String name) {
        SettingRecord r = record(name);
        if (r != null) box.remove(r);
    }

    private SettingRecord record(String name) {
        try (Query<SettingRecord> q = box.query(SettingRecord_.name.equal(name, StringOrder.CASE_SENSITIVE)).build()) {
            return q.findUnique();
        }
    }
}
