package org.lankit.store;

import io.objectbox.Box;
import io.objectbox.query.Query;
import io.objectbox.query.QueryBuilder.StringOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.lankit.secure.DataKey;

/**
 * This device's secrets (API tokens and passwords, its own token, keys), each sealed with the
 * data key for its name, so the database file shows none of them.
 */
public final class Secrets {

    private final Box<SecretRecord> box;
    private final FailedCommits commits;
    private final DataKey key;

    Secrets(Box<SecretRecord> box, FailedCommits commits, DataKey key) {
        this.box = box;
        this.commits = commits;
        this.key = key;
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(record(name)).map(r -> new String(key.open(r.sealed, place(name)), StandardCharsets.UTF_8));
    }

    /** Joins the caller's transaction inside {@link KitStore#write}, like {@link Settings#put}. */
    public void put(String name, String value) {
        byte[] sealed = key.seal(value.getBytes(StandardCharsets.UTF_8), place(name));
        commits.write(() -> {
            SecretRecord r = record(name);
            if (r == null) {
                r = new SecretRecord();
                r.name = name;
            }
            r.sealed = sealed;
            box.put(r);
        });
    }

    public void remove(String name) {
        commits.write(() -> {
            SecretRecord r = record(name);
            if (r != null) box.remove(r);
        });
    }

    private static String place(String name) {
        return "secret:" + name;
    }

    private SecretRecord record(String name) {
        try (Query<SecretRecord> q = box.query(SecretRecord_.name.equal(name, StringOrder.CASE_SENSITIVE)).build()) {
            return q.findUnique();
        }
    }
}
