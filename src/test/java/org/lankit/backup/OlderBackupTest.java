package org.lankit.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lankit.testkit.FieldTeam.MASTER;
import static org.lankit.testkit.FieldTeam.PHONE_A;
import static org.lankit.testkit.FieldTeam.PHONE_B;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.store.KitStore;
import org.lankit.sync.Entry;
import org.lankit.sync.EntryForm;
import org.lankit.sync.Json;
import org.lankit.testkit.FieldTeam;
import org.lankit.testkit.StoreDump;

/** Backups made before entries took the compact form (format 2, entries in v1) still restore, whole. */
class OlderBackupTest {

    @TempDir
    Path temp;

    @Test
    void a_backup_whose_entries_are_in_v1_restores_the_same_entries() throws IOException {
        Path backup = temp.resolve("backup.zip");
        List<Entry> entries;
        try (KitStore source = TestRecovery.open(temp.resolve("source"))) {
            FieldTeam team = new FieldTeam(source);
            List<String> households = team.createHouseholds(50, PHONE_A);
            for (int i = 0; i < 5; i++) {
                team.editConcurrently(households.get(i), "respondent", TextNode.valueOf("A" + i), TextNode.valueOf("B" + i));
            }
            team.resolve(households.get(0), "respondent", TextNode.valueOf("Chosen"));
            team.delete(households.get(9), PHONE_B);
            entries = StoreDump.entries(source);
            new BackupExporter(source, new BackupOrigin("Test team", MASTER, "test")).export(backup);
        }
        assertThat(entries.stream().mapToInt(e -> e.conflicts().size()).sum()).isGreaterThan(0);
        Path older = BackupForgery.of(backup)
                .edit("entries.jsonl", OlderBackupTest::asV1)
                .edit("manifest.json", m -> m.replaceFirst("\"formatVersion\"\\s*:\\s*3", "\"formatVersion\" : 2"))
                .rehashed().writeTo(temp.resolve("older.zip"));

        try (KitStore restored = TestRecovery.open(temp.resolve("restored"))) {
            ImportReport report = new BackupImporter(restored, MASTER).importFrom(older);

            assertThat(report.created()).isEqualTo(50);
            assertThat(StoreDump.entries(restored)).isEqualTo(entries);
        }
    }

    @Test
    void a_v1_backup_whose_value_names_another_author_than_its_clock_is_refused_naming_the_line() throws IOException {
        Path backup = temp.resolve("backup.zip");
        try (KitStore source = TestRecovery.open(temp.resolve("source"))) {
            new FieldTeam(source).createHouseholds(3, PHONE_A);
            new BackupExporter(source, new BackupOrigin("Test team", MASTER, "test")).export(backup);
        }
        Path forged = BackupForgery.of(backup)
                .edit("entries.jsonl", jsonl -> asV1(jsonl).replaceFirst("\"by\":\"" + PHONE_A + "\"", "\"by\":\"" + PHONE_B + "\""))
                .edit("manifest.json", m -> m.replaceFirst("\"formatVersion\"\\s*:\\s*3", "\"formatVersion\" : 2"))
                .rehashed().writeTo(temp.resolve("forged.zip"));

        try (KitStore target = TestRecovery.open(temp.resolve("target"))) {
            assertThatThrownBy(() -> new BackupImporter(target, MASTER).importFrom(forged))
                    .isInstanceOf(BackupRejectedException.class)
                    .hasMessageContaining("entries.jsonl, line 1 is unreadable: fields.")
                    .hasMessageEndingWith(".by must be the device in its hlc");
            assertThat(target.entryCount()).isZero();
        }
    }

    private static String asV1(String jsonl) {
        String v1 = jsonl.lines().map(line -> {
            try {
                return EntryForm.V1.writer().writeValueAsString(Json.MAPPER.readValue(line, Entry.class));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }).collect(Collectors.joining("\n", "", "\n"));
        assertThat(v1).contains("\"fields\":{").doesNotContain("\"values\":{");
        return v1;
    }
}
