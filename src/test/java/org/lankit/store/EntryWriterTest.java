package org.lankit.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.sync.Entry;
import org.lankit.sync.FieldValue;
import org.lankit.sync.HlcClock;
import org.lankit.testkit.Entries;

/** The push path's find-then-commit in one transaction: the commit reuses what find read, never a stale copy. */
class EntryWriterTest {

    @TempDir
    Path dataDir;

    private final HlcClock phone = HlcClock.system("phone1");

    @Test
    void a_commit_after_find_and_remove_stores_the_entry_anew() {
        Entry first = Entries.household(phone, "Amina", 2);
        try (KitStore store = KitStore.open(dataDir)) {
            store.write(w -> w.commitMasterChange(first, "phone1"));
            store.write(w -> {
                Entry found = w.find(first.uuid()).orElseThrow().entry();
                w.remove(first.uuid(), "master", "removed");
                return w.commitMasterChange(renamed(found, "Baraka"), "phone1");
            });
            assertThat(store.entryCount()).isEqualTo(1);
            assertThat(store.auditLog(0, 10)).extracting(AuditEvent::action).containsExactlyInAnyOrder("create", "remove", "create");
        }
    }

    @Test
    void the_audit_says_what_a_commit_after_find_changed() {
        Entry first = Entries.household(phone, "Amina", 2);
        try (KitStore store = KitStore.open(dataDir)) {
            store.write(w -> {
                assertThat(w.find(first.uuid())).isEmpty();
                return w.commitMasterChange(first, "phone1");
            });
            store.write(w -> w.commitMasterChange(renamed(w.find(first.uuid()).orElseThrow().entry(), "Baraka"), "phone1"));
            assertThat(store.auditLog(0, 10)).extracting(a -> a.action() + ": " + a.summary())
                    .containsExactlyInAnyOrder("create: 2 field(s) changed", "edit: 1 field(s) changed");
        }
    }

    private Entry renamed(Entry e, String respondent) {
        Map<String, FieldValue> fields = new TreeMap<>(e.fields());
        fields.put("respondent", FieldValue.stored(TextNode.valueOf(respondent), phone.now()));
        return e.withFields(fields, e.deleted());
    }
}
