package org.lankit.store;

import io.objectbox.Box;
import io.objectbox.query.Query;
import io.objectbox.query.QueryBuilder.StringOrder;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Named settings of this device: the coordinator's choices and how it is set up, each stored durably
 * at once. Sync bookkeeping is in {@link SyncState}, tokens, passwords and join codes in {@link Secrets}.
 */
public final class Settings {

    private final Box<SettingRecord> box;
    private final FailedCommits commits;
    private final List<Consumer<String>> changeListeners = new CopyOnWriteArrayList<>();

    Settings(Box<SettingRecord> box, FailedCommits commits) {
        this.box = box;
        this.commits = commits;
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(record(name)).map(r -> r.value);
    }

    /**
     * Look-up and put run in one store transaction (joining the caller's, inside
     * {@link KitStore#write}), not under a Java lock: a lock taken inside a transaction by one
     * thread and before it by another would deadlock.
     */
    public void put(String name, String value) {
        commits.write(() -> {
            SettingRecord r = record(name);
            if (r == null) {
                r = new SettingRecord();
                r.name = name;
            }
            r.value = value;
            box.put(r);
        });
        changeListeners.forEach(l -> l.accept(name));
    }

    /** Called with the setting's name after each put or remove (the hub tells devices when a choice they follow changes). */
    public void onChanged(Consumer<String> listener) {
        changeListeners.add(listener);
    }

    public void remove(String name) {
        commits.write(() -> {
            SettingRecord r = record(name);
            if (r != null) box.remove(r);
        });
        changeListeners.forEach(l -> l.accept(name));
    }

    private SettingRecord record(String name) {
        try (Query<SettingRecord> q = box.query(SettingRecord_.name.equal(name, StringOrder.CASE_SENSITIVE)).build()) {
            return q.findUnique();
        }
    }
}
