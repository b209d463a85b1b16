package org.lankit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.objectbox.BoxStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.secure.DataKeys;
import org.lankit.secure.SealedDataException;
import org.lankit.secure.UserKeyFile;
import org.lankit.sync.Entry;
import org.lankit.sync.HlcClock;
import org.lankit.testkit.Entries;

/** Answers and the audit log sealed in the database; older folders sealed once; a lost key file refused. */
class SealedStoreTest {

    private static final String ANSWER = "Zawadi-Known-Answer-4471";
    private static final String NOTE = "Kilifi-Audit-Note-9902";

    @TempDir
    Path dataDir;

    private final HlcClock phone = HlcClock.system("phone1");

    @Test
    void answers_and_audit_summaries_are_sealed_in_the_database_file_and_read_back_after_a_restart() throws IOException {
        Entry entry = Entries.household(phone, ANSWER, 4);
        try (KitStore store = KitStore.open(dataDir)) {
            store.write(w -> {
                w.commitMasterChange(entry, "phone1");
                w.audit("phone1", "note", entry.uuid(), NOTE);
                return null;
            });
        }
        try (KitStore store = KitStore.open(dataDir)) {
            assertThat(store.find(entry.uuid()).orElseThrow().entry()).isEqualTo(entry.withSeq(1));
            assertThat(store.changesAfter(0, 10)).containsExactly(entry.withSeq(1));
            assertThat(store.storedChangesAfter(0, 10).get(0).json()).contains(ANSWER);
            assertThat(store.auditLog(0, 10)).extracting(AuditEvent::summary).contains(NOTE);
        }
        try (OlderFolder raw = new OlderFolder(dataDir)) {
            EntryRecord r = raw.entry(entry.uuid());
            assertThat(r.json).isNull();
            assertThat(r.sealedJson).isNotNull();
            assertThat(raw.audit()).allSatisfy(a -> assertThat(a.summary).isNull());
        }
        assertThat(database()).doesNotContain(ANSWER).doesNotContain(NOTE);
    }

    @Test
    void a_sealed_entry_moved_into_another_record_does_not_open() {
        Entry first = Entries.household(phone, "Amina", 2);
        Entry second = Entries.household(phone, "Baraka", 3);
        try (KitStore store = KitStore.open(dataDir)) {
            store.write(w -> {
                w.commitMasterChange(first, "phone1");
                w.commitMasterChange(second, "phone1");
                return null;
            });
        }
        try (OlderFolder raw = new OlderFolder(dataDir)) {
            raw.copySealedJson(first.uuid(), second.uuid());
        }
        try (KitStore store = KitStore.open(dataDir)) {
            assertThat(store.find(first.uuid())).isPresent();
            assertThatThrownBy(() -> store.find(second.uuid())).isInstanceOf(SealedDataException.class)
                    .hasMessageContaining("key is wrong or the data was changed");
        }
    }

    @Test
    void a_folder_of_an_older_lankit_gets_a_key_its_records_sealed_and_its_settings_split_once_at_open() {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < 5; i++) entries.add(Entries.household(phone, ANSWER + i, i + 1).withSeq(i + 1));
        writeOlderFolder(entries, Map.of("lastSeq", "9", "teamName", "River team", "joinCode", "OLD-CODE-77",
                "peer.token", "old-laptop-token", "upstream.secret.main", "{\"token\":\"old-api-token\"}",
                "upstream.main.through", "3", "upstream.apiUrl", "http://127.0.0.1:9/api"));
        assertThat(dataDir.resolve(DataKeys.FILE)).doesNotExist();

        try (KitStore store = KitStore.open(dataDir)) {
            assertThat(dataDir.resolve(DataKeys.FILE)).exists();
            assertThat(store.changesAfter(0, 10)).containsExactlyElementsOf(entries);
            assertThat(store.settings().get("teamName")).contains("River team");
            assertThat(store.secrets().get("upstream.apiUrl")).as("an address may carry a key").contains("http://127.0.0.1:9/api");
            for (String moved : List.of("lastSeq", "joinCode", "peer.token", "upstream.secret.main", "upstream.main.through",
                    "upstream.apiUrl")) {
                assertThat(store.settings().get(moved)).as(moved).isEmpty();
            }
            assertThat(store.secrets().get("joinCode")).contains("OLD-CODE-77");
            assertThat(store.secrets().get("peer.token")).contains("old-laptop-token");
            assertThat(store.secrets().get("upstream.secret.main")).contains("{\"token\":\"old-api-token\"}");
            assertThat(store.syncState().getLong("upstream.main.through")).contains(3L);
            assertThat(store.lastSeq()).isEqualTo(9);
            long next = store.write(w -> w.commitMasterChange(Entries.household(phone, "Later", 1), "phone1"));
            assertThat(next).as("seqs go on after the remembered last seq").isEqualTo(10);
        }
        try (OlderFolder raw = new OlderFolder(dataDir)) {
            for (Entry e : entries) {
                assertThat(raw.entry(e.uuid()).json).isNull();
                assertThat(raw.entryJson(e.uuid())).contains(e.uuid());
            }
        }
    }

    @Test
    void a_sealed_folder_that_lost_its_key_file_is_refused_in_plain_words_and_given_no_new_key() throws IOException {
        try (KitStore store = KitStore.open(dataDir)) {
            store.write(w -> w.commitMasterChange(Entries.household(phone, ANSWER, 4), "phone1"));
        }
        Files.delete(dataDir.resolve(DataKeys.FILE));
        byte[] before = Files.readAllBytes(dataDir.resolve("db/data.mdb"));

        assertThatThrownBy(() -> KitStore.open(dataDir)).isInstanceOf(DataFolderLockedException.class)
                .hasMessageContaining("is encrypted but its key file keys.json is missing")
                .hasMessageContaining("recovery key")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("Exception"));
        assertThat(dataDir.resolve(DataKeys.FILE)).as("no new key made").doesNotExist();
        assertThat(Files.readAllBytes(dataDir.resolve("db/data.mdb"))).isEqualTo(before);
        assertThatThrownBy(() -> KitStore.open(dataDir)).as("refused again, not unlocked by the first try")
                .isInstanceOf(DataFolderLockedException.class);
    }

    @Test
    void a_folder_whose_key_is_on_another_computer_is_refused_before_its_database_is_opened(@TempDir Path otherComputer)
            throws IOException {
        try (KitStore store = KitStore.open(dataDir)) {
            store.write(w -> w.commitMasterChange(Entries.household(phone, ANSWER, 4), "phone1"));
        }
        List<Path> filesBefore = files();
        byte[] before = Files.readAllBytes(dataDir.resolve("db/data.mdb"));
        String keyHome = System.getProperty(UserKeyFile.HOME_PROPERTY);
        System.setProperty(UserKeyFile.HOME_PROPERTY, otherComputer.toString());
        try {
            assertThatThrownBy(() -> KitStore.open(dataDir)).isInstanceOf(DataFolderLockedException.class)
                    .hasMessageContaining(dataDir.toString());
        } finally {
            if (keyHome == null) {
                System.clearProperty(UserKeyFile.HOME_PROPERTY);
            } else {
                System.setProperty(UserKeyFile.HOME_PROPERTY, keyHome);
            }
        }
        assertThat(files()).isEqualTo(filesBefore);
        assertThat(Files.readAllBytes(dataDir.resolve("db/data.mdb"))).isEqualTo(before);
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> all = Files.walk(dataDir)) {
            return all.sorted().toList();
        }
    }

    /** A database as Lankit before sealing left it: plain JSON in each entry, everything in the settings, no key file. */
    private void writeOlderFolder(List<Entry> entries, Map<String, String> settings) {
        BoxStore raw = MyObjectBox.builder().directory(dataDir.resolve("db").toFile()).build();
        try {
            for (Entry e : entries) {
                EntryRecord r = new EntryRecord();
                r.uuid = e.uuid();
                r.formId = e.formId();
                r.seq = e.seq();
                r.createdAt = e.createdAt();
                r.createdBy = e.createdBy();
                r.json = RecordCodec.write(e);
                raw.boxFor(EntryRecord.class).put(r);
            }
            settings.forEach((name, value) -> {
                SettingRecord s = new SettingRecord();
                s.name = name;
                s.value = value;
                raw.boxFor(SettingRecord.class).put(s);
            });
        } finally {
            raw.close();
        }
    }

    private String database() throws IOException {
        return new String(Files.readAllBytes(dataDir.resolve("db/data.mdb")), StandardCharsets.ISO_8859_1);
    }
}
