package org.lankit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.sync.DefaultForm;
import org.lankit.sync.Entry;
import org.lankit.sync.HlcClock;
import org.lankit.testkit.Entries;

class KitStoreTest {

    @TempDir
    Path dataDir;

    private final HlcClock phone = HlcClock.system("phone1");

    @Test
    void entries_and_their_field_clocks_survive_closing_and_reopening_the_store() {
        List<Entry> written = new ArrayList<>();
        try (KitStore store = KitStore.open(dataDir)) {
            store.write(w -> {
                for (int i = 0; i < 50; i++) {
                    Entry e = Entries.household(phone, "Respondent " + i, 1 + i % 50);
                    w.commitMasterChange(e, "phone1");
                    written.add(e);
                }
                return null;
            });
        }
        try (KitStore reopened = KitStore.open(dataDir)) {
            assertThat(reopened.entryCount()).isEqualTo(50);
            for (Entry e : written) {
                Entry back = reopened.find(e.uuid()).orElseThrow().entry();
                assertThat(back.fields().keySet()).isEqualTo(e.fields().keySet());
                e.fields().forEach((name, v) -> {
                    assertThat(back.fields().get(name).hlc()).isEqualTo(v.hlc());
                    assertThat(back.fields().get(name).value()).isEqualTo(v.value());
                    assertThat(back.fields().get(name).by()).isEqualTo("phone1");
                });
            }
        }
    }

    @Test
    void sequence_numbers_keep_increasing_across_restarts() {
        long before;
        try (KitStore store = KitStore.open(dataDir)) {
            before = store.write(w -> {
                w.commitMasterChange(Entries.household(phone, "A", 2), "phone1");
                return w.commitMasterChange(Entries.household(phone, "B", 3), "phone1");
            });
        }
        try (KitStore store = KitStore.open(dataDir)) {
            assertThat(store.lastSeq()).isEqualTo(before);
            long after = store.write(w -> w.commitMasterChange(Entries.household(phone, "C", 4), "phone1"));
            assertThat(after).isGreaterThan(before);
        }
    }

    @Test
    void changes_after_n_returns_each_changed_entry_once_in_seq_order() {
        try (KitStore store = KitStore.open(dataDir)) {
            List<Entry> entries = new ArrayList<>();
            for (int i = 0; i < 10; i++) entries.add(Entries.household(phone, "R" + i, 3));
            store.write(w -> {
                entries.forEach(e -> w.commitMasterChange(e, "phone1"));
                return null;
            });
            // edit three of them again: they move to the end of the feed, and appear once
            store.write(w -> {
                for (int i : new int[] {2, 5, 7}) w.commitMasterChange(entries.get(i), "phone1");
                return null;
            });
            List<Entry> feed = new ArrayList<>();
            long since = 0;
            for (int page = 0; page < 10; page++) {
                List<Entry> got = store.changesAfter(since, 4);
                if (got.isEmpty()) break;
                feed.addAll(got);
                since = got.get(got.size() - 1).seq();
            }
            assertThat(feed).hasSize(10);
            Set<String> uuids = new HashSet<>();
            feed.forEach(e -> uuids.add(e.uuid()));
            assertThat(uuids).hasSize(10);
            assertThat(feed).isSortedAccordingTo((a, b) -> Long.compare(a.seq(), b.seq()));
            assertThat(feed.subList(7, 10)).extracting(Entry::uuid)
                    .containsExactly(entries.get(2).uuid(), entries.get(5).uuid(), entries.get(7).uuid());
        }
    }

    @Test
    void every_change_to_an_entry_writes_an_audit_event() {
        try (KitStore store = KitStore.open(dataDir)) {
            Entry e = Entries.household(phone, "A", 2);
            store.write(w -> w.commitMasterChange(e, "phone1"));
            store.write(w -> w.commitMasterChange(e, "phone1"));
            assertThat(store.auditLog(0, 10)).extracting(AuditEvent::action).containsExactlyInAnyOrder("create", "edit");
            assertThat(store.auditLog(0, 10)).allSatisfy(a -> assertThat(a.entryUuid()).isEqualTo(e.uuid()));
        }
    }

    @Test
    void a_failing_write_stores_nothing() {
        try (KitStore store = KitStore.open(dataDir)) {
            assertThatThrownBy(() -> store.write(w -> {
                w.commitMasterChange(Entries.household(phone, "A", 2), "phone1");
                throw new IllegalStateException("disk trouble");
            })).isInstanceOf(IllegalStateException.class);
            assertThat(store.entryCount()).isZero();
            assertThat(store.lastSeq()).isZero();
        }
    }

    @Test
    void a_second_opening_of_the_same_data_folder_gets_a_clear_message() {
        try (KitStore first = KitStore.open(dataDir)) {
            assertThatThrownBy(() -> KitStore.open(dataDir))
                    .isInstanceOf(DataFolderInUseException.class)
                    .hasMessageContaining("already running").hasMessageContaining(dataDir.toString());
        }
    }

    @Test
    void the_default_form_is_installed_on_first_start_only() {
        try (KitStore store = KitStore.open(dataDir)) {
            store.forms().installDefaultIfEmpty();
            store.forms().installDefaultIfEmpty();
            assertThat(store.forms().latest()).singleElement().satisfies(f -> {
                assertThat(f.id()).isEqualTo(DefaultForm.ID);
                assertThat(f.title()).isEqualTo("Household visit");
                assertThat(f.fields()).extracting(ff -> ff.name())
                        .containsExactly("respondent", "village", "household_size", "visit_date", "water_source", "notes");
            });
        }
    }
}
