package org.lankit.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.sync.Entry;
import org.lankit.sync.HlcClock;
import org.lankit.testkit.Entries;

class EntryPageTest {

    @TempDir
    Path dataDir;

    @Test
    void a_walk_in_pages_visits_every_entry_once_in_storage_order_across_gaps_wider_than_a_page() {
        HlcClock phone = HlcClock.system("phone1");
        try (KitStore store = KitStore.open(dataDir)) {
            List<String> uuids = new ArrayList<>();
            store.write(w -> {
                for (int i = 0; i < 1_200; i++) {
                    Entry e = Entries.household(phone, "R" + i, 2);
                    w.commitMasterChange(e, "phone1");
                    uuids.add(e.uuid());
                }
                return null;
            });
            store.write(w -> {
                for (int i = 100; i < 900; i++) w.remove(uuids.get(i), "master", "test");
                for (int i = 1_150; i < 1_200; i++) w.remove(uuids.get(i), "master", "test");
                return null;
            });
            List<String> expected = new ArrayList<>(uuids.subList(0, 100));
            expected.addAll(uuids.subList(900, 1_150));

            List<String> walked = new ArrayList<>();
            long after = 0;
            int pages = 0;
            for (Page<StoredEntry> p = store.entryPage(after, 64); !p.isEmpty(); p = store.entryPage(after, 64)) {
                assertThat(p.items()).hasSizeLessThanOrEqualTo(64);
                p.items().forEach(s -> walked.add(s.entry().uuid()));
                after = p.lastId();
                pages++;
            }
            assertThat(walked).isEqualTo(expected);
            assertThat(pages).isLessThan(20);

            List<AuditEvent> audit = new ArrayList<>();
            after = 0;
            for (Page<AuditEvent> p = store.auditPage(after, 100); !p.isEmpty(); p = store.auditPage(after, 100)) {
                audit.addAll(p.items());
                after = p.lastId();
            }
            assertThat(audit).hasSize(1_200 + 850);
            assertThat(audit.subList(0, 1_200)).allSatisfy(a -> assertThat(a.action()).isEqualTo("create"));
            assertThat(audit.subList(1_200, audit.size())).allSatisfy(a -> assertThat(a.action()).isEqualTo("remove"));
        }
    }
}
