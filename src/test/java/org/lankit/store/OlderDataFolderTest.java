package org.lankit.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.TextNode;
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
    void entries_stored_as_v1_read_as_they_were_and_are_stored_compact_once_changed() {
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
        try (OlderFolder raw = new OlderFolder(dataDir)) {
            return raw.entryJson(uuid);
        }
    }

    private void rewriteAsV1() {
        try (OlderFolder raw = new OlderFolder(dataDir)) {
            raw.unseal(json -> {
                try {
                    String v1 = EntryForm.V1.writer().writeValueAsString(RecordCodec.read(json, Entry.class));
                    assertThat(v1).contains("\"fields\":{");
                    return v1;
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }
}
