package org.lankit.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lankit.testkit.FieldTeam.MASTER;
import static org.lankit.testkit.FieldTeam.PHONE_A;
import static org.lankit.testkit.FieldTeam.PHONE_B;

import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.store.AuditEvent;
import org.lankit.store.Device;
import org.lankit.store.KitStore;
import org.lankit.sync.Entry;
import org.lankit.sync.Form;
import org.lankit.testkit.FieldTeam;
import org.lankit.testkit.StoreDump;

class BackupRoundTripTest {

    @TempDir
    Path temp;

    @Test
    void ten_thousand_entries_of_two_forms_with_conflicts_and_audit_come_back_equal_in_an_empty_data_folder() throws IOException {
        Path backup;
        List<Form> forms;
        List<Entry> entries;
        List<AuditEvent> audit;
        try (KitStore source = TestRecovery.open(temp.resolve("laptop"))) {
            FieldTeam team = new FieldTeam(source);
            List<String> households = team.createHouseholds(6_000, PHONE_A);
            List<String> wells = team.createWaterPoints(4_000, PHONE_B);
            for (int i = 0; i < 100; i++) {
                team.editConcurrently(households.get(i), "respondent", TextNode.valueOf("A" + i), TextNode.valueOf("B" + i));
            }
            for (int i = 0; i < 20; i++) team.resolve(households.get(i), "respondent", TextNode.valueOf("Chosen " + i));
            for (int i = 0; i < 10; i++) {
                Entry before = team.entry(wells.get(i));
                team.delete(wells.get(i), PHONE_B);
                team.editCopy(before, PHONE_A, "name", TextNode.valueOf("Renamed well " + i));
            }
            source.devices().add(new Device(PHONE_A, "Amina's phone", "phone", true, false, 1_000, 2_000, false), "token-hash-of-a");
            source.devices().add(new Device(PHONE_B, "Ben's phone", "phone", true, true, 1_500, 2_500, true), "token-hash-of-b");

            forms = source.forms().all();
            entries = StoreDump.entries(source);
            audit = StoreDump.audit(source);
            backup = new BackupExporter(source, new BackupOrigin("Test team", MASTER, "test")).exportToFolder(temp.resolve("usb"));
        }
        // the data must hold what the test claims to carry, or equality below proves little
        assertThat(entries).hasSize(10_000);
        assertThat(forms).extracting(Form::id).containsExactly("household_visit", "water_point", "water_point");
        assertThat(entries.stream().mapToInt(e -> e.conflicts().size()).sum()).isEqualTo(80 + 10);
        assertThat(entries.stream().filter(e -> !e.settled().isEmpty())).hasSizeGreaterThanOrEqualTo(20);
        assertThat(entries.stream().filter(Entry::isDeleted)).hasSize(10);
        assertThat(audit).hasSizeGreaterThan(10_000);
        assertThat(backup.getFileName().toString()).matches("lankit-backup-Test-team-\\d{8}-\\d{6}\\.lankit");
        try (ZipFile zip = new ZipFile(TestRecovery.plain(backup).toFile())) {
            String devices = new String(zip.getInputStream(zip.getEntry("devices.json")).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(devices).contains("Amina's phone").doesNotContain("token-hash").doesNotContainIgnoringCase("tokenHash");
        }

        try (KitStore restored = TestRecovery.open(temp.resolve("new-laptop"))) {
            ImportReport report = new BackupImporter(restored, MASTER).importFrom(backup);

            assertThat(report.created()).isEqualTo(10_000);
            assertThat(restored.forms().all()).isEqualTo(forms);
            assertThat(StoreDump.entries(restored)).isEqualTo(entries);
            List<AuditEvent> restoredAudit = StoreDump.audit(restored);
            assertThat(restoredAudit.subList(0, audit.size())).isEqualTo(audit);
            assertThat(restoredAudit.subList(audit.size(), restoredAudit.size()))
                    .hasSize(10_001).allSatisfy(a -> assertThat(a.action()).isEqualTo("import"));
            assertThat(restored.devices().all()).extracting(Device::deviceId, Device::name, Device::revoked)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(PHONE_A, "Amina's phone", false),
                            org.assertj.core.groups.Tuple.tuple(PHONE_B, "Ben's phone", true));
            assertThat(restored.devices().byTokenHash("token-hash-of-a")).isEmpty();

            ImportReport again = new BackupImporter(restored, MASTER).importFrom(backup);
            assertThat(again.unchanged()).isEqualTo(10_000);
            assertThat(again.created() + again.updated() + again.auditRestored()).isZero();
            assertThat(StoreDump.entries(restored)).isEqualTo(entries);
        }
    }
}
