package org.lankit.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lankit.testkit.FieldTeam.MASTER;
import static org.lankit.testkit.FieldTeam.PHONE_A;
import static org.lankit.testkit.FieldTeam.PHONE_B;

import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.store.KitStore;
import org.lankit.testkit.CsvReader;
import org.lankit.testkit.FieldTeam;

class CsvExportTest {

    private static final String NON_ASCII = "Ñuñoa – Ålesund, \"北京\" 😀 ğüş";

    @TempDir
    Path temp;

    @Test
    void a_formula_is_written_neutralised_and_non_ascii_text_survives_the_round_trip() throws IOException {
        try (KitStore store = KitStore.open(temp.resolve("data"))) {
            FieldTeam team = new FieldTeam(store);
            String uuid = team.createHouseholds(3, PHONE_A).get(1);
            team.edit(uuid, PHONE_A, "respondent", TextNode.valueOf("=HYPERLINK(\"x\")"));
            team.edit(uuid, PHONE_A, "village", TextNode.valueOf(NON_ASCII));
            team.edit(uuid, PHONE_A, "notes", TextNode.valueOf("line one\r\nline two, with \"quotes\""));
            String well = team.createWaterPoints(1, PHONE_B).get(0);

            List<Path> files = new CsvExporter(store).exportTo(temp.resolve("csv"));

            assertThat(files).extracting(p -> p.getFileName().toString())
                    .containsExactly("household_visit.csv", "water_point.csv");
            byte[] bytes = Files.readAllBytes(temp.resolve("csv/household_visit.csv"));
            assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
            List<List<String>> rows = CsvReader.parse(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8));
            assertThat(rows.get(0)).containsExactly("uuid", "respondent", "village", "household_size", "visit_date",
                    "water_source", "notes", "created by", "created at (UTC)", "last changed (UTC)", "status");
            assertThat(rows).hasSize(4);
            List<String> row = rows.stream().filter(r -> r.get(0).equals(uuid)).findFirst().orElseThrow();
            assertThat(row.get(1)).isEqualTo("'=HYPERLINK(\"x\")");
            assertThat(row.get(2)).isEqualTo(NON_ASCII);
            assertThat(row.get(6)).isEqualTo("line one\r\nline two, with \"quotes\"");
            assertThat(row.get(7)).isEqualTo(PHONE_A);
            assertThat(row.get(8)).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
            assertThat(row.get(10)).isEqualTo("active");

            List<List<String>> wells = CsvReader.parse(Files.readString(temp.resolve("csv/water_point.csv")).substring(1));
            assertThat(wells.get(0)).containsSequence("name", "functional", "depth_m", "users", "checked_on", "problems", "operator");
            List<String> w = wells.get(1);
            assertThat(w.get(0)).isEqualTo(well);
            assertThat(w.subList(1, 8)).containsExactly("Well 0", "false", "12.5", "0", "2026-11-10", "leak; dirty", "Opérateur №0");

            Path backup = temp.resolve("backup.zip");
            new BackupExporter(store, new BackupOrigin("Test team", MASTER, "test")).export(backup);
            try (ZipFile zip = new ZipFile(backup.toFile())) {
                assertThat(zip.getInputStream(zip.getEntry("csv/household_visit.csv")).readAllBytes()).isEqualTo(bytes);
            }
        }
    }

    @Test
    void every_cell_a_spreadsheet_would_run_is_neutralised_and_plain_numbers_stay_numbers() {
        assertThat(CsvWriter.neutralise("=1+2")).isEqualTo("'=1+2");
        assertThat(CsvWriter.neutralise("+cmd|' /C calc'!A0")).isEqualTo("'+cmd|' /C calc'!A0");
        assertThat(CsvWriter.neutralise("-2+3+cmd|' /C calc'!A0")).isEqualTo("'-2+3+cmd|' /C calc'!A0");
        assertThat(CsvWriter.neutralise("@SUM(A1:A9)")).isEqualTo("'@SUM(A1:A9)");
        assertThat(CsvWriter.neutralise("\t=1")).isEqualTo("'\t=1");
        assertThat(CsvWriter.neutralise("\r=1")).isEqualTo("'\r=1");
        assertThat(CsvWriter.neutralise("-5")).isEqualTo("-5");
        assertThat(CsvWriter.neutralise("-12.25")).isEqualTo("-12.25");
        assertThat(CsvWriter.neutralise("Well = deep")).isEqualTo("Well = deep");
    }
}
