package org.lankit.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.TextNode;
import io.objectbox.Box;
import io.objectbox.BoxStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.sync.Entry;
import org.lankit.sync.EntryForm;
import org.lankit.sync.FieldValue;
import org.lankit.sync.HlcClock;
import org.lankit.testkit.Entries;

/** A data folder written before entries took the compact form (v1 JSON in every record) still reads, and takes new changes. */
class OlderDataFolderTest {

    @TempDir
    Path dataDir;

    @Test
    void entries_stored_as_v1_read_as_they_were_and_are_stored_compact_once_changed() throws Exception {
        HlcClock phone = HlcClock.system("phone1");
        List<Entry> stored = new ArrayList<>();
        try (KitStore store = KitStore.open(dataDir)) {
            store.write(w -> {
                for (int i = 0; i < 20; i++) w.commitMasterChange(Entries.household(phone, "R" + i, 1 + i), "phone1");
                return null;
            });
            stored.addAll(store.changesAfter(0, 100));
        }
        rewriteAsV1();

        try (KitStore store = KitStore.open(dataDir)) {
            assertThat(store.changesAfter(0, 100)).isEqualTo(stored);
            Entry first = stored.get(0);
            assertThat(store.find(first.uuid()).orElseThrow().entry()).isEqualTo(first);

            Map<String, FieldValue> edited = new TreeMap<>(first.fields());
            edited.put("village", FieldValue.edit(TextNode.valueOf("Busia"), phone.now(), ""));
            store.write(w -> w.commitMasterChange(first.withFields(edited, null), "phone1"));
        }
        assertThat(storedJson(stored.get(0).uuid())).contains("\"values\":{").doesNotContain("\"fields\":{");
        assertThat(storedJson(stored.get(1).uuid())).contains("\"fields\":{");
    }

    private String storedJson(String uuid) {
        BoxStore raw = MyObjectBox.builder().directory(dataDir.resolve("db").toFile()).build();
        try {
            return raw.boxFor(EntryRecord.class).getAll().stream().filter(r -> uuid.equals(r.uuid)).findFirst().orElseThrow().json;
        } finally {
            raw.close();
        }
    }

    private void rewriteAsV1() throws JsonProcessingException {
        BoxStore raw = MyObjectBox.builder().directory(dataDir.resolve("db").toFile()).build();
        try {
            Box<EntryRecord> box = raw.boxFor(EntryRecord.class);
            List<EntryRecord> records = box.getAll();
            for (EntryRecord r : records) {
                r.json = EntryForm.V1.writer().writeValueAsString(RecordCodec.read(r.json, Entry.class));
                assertThat(r.json).contains("\"fields\":{");
            }
            box.put(records);
        } finally {
            raw.close();
        }
    }
}
