package org.lankit.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lankit.testkit.FieldTeam.MASTER;
import static org.lankit.testkit.FieldTeam.PHONE_A;
import static org.lankit.testkit.FieldTeam.PHONE_B;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.hub.MasterIdentity;
import org.lankit.hub.PushService;
import org.lankit.store.Device;
import org.lankit.store.KitStore;
import org.lankit.sync.Entry;
import org.lankit.sync.FieldValue;
import org.lankit.sync.HlcClock;
import org.lankit.sync.Protocol.PushResult;
import org.lankit.sync.PushStatus;
import org.lankit.testkit.CsvReader;
import org.lankit.testkit.FieldTeam;
import org.lankit.testkit.XlsFormFile;
import org.lankit.xlsform.XlsFormImport;

class CsvExportTest {

    private static final String NON_ASCII = "Ñuñoa – Ålesund, \"北京\" 😀 ğüş";

    @TempDir
    Path temp;

    @Test
    void a_formula_is_written_neutralised_and_non_ascii_text_survives_the_round_trip() throws IOException {
        try (KitStore store = TestRecovery.open(temp.resolve("data"))) {
            store.devices().add(new Device(PHONE_A, "Amina's phone", "phone", true, false, 1_000, 1_000, false), "hash-a");
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
                    "water_source", "notes", "created by", "worker", "created at (UTC)", "last changed (UTC)", "status");
            assertThat(rows).hasSize(4);
            List<String> row = rows.stream().filter(r -> r.get(0).equals(uuid)).findFirst().orElseThrow();
            assertThat(row.get(1)).isEqualTo("'=HYPERLINK(\"x\")");
            assertThat(row.get(2)).isEqualTo(NON_ASCII);
            assertThat(row.get(6)).isEqualTo("line one\r\nline two, with \"quotes\"");
            assertThat(row.get(7)).isEqualTo(PHONE_A);
            assertThat(row.get(8)).as("the worker, by the name the Devices screen shows").isEqualTo("Amina's phone");
            assertThat(row.get(9)).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
            assertThat(row.get(11)).isEqualTo("active");

            List<List<String>> wells = CsvReader.parse(Files.readString(temp.resolve("csv/water_point.csv")).substring(1));
            assertThat(wells.get(0)).containsSequence("name", "functional", "depth_m", "users", "checked_on", "problems", "operator");
            List<String> w = wells.get(1);
            assertThat(w.get(0)).isEqualTo(well);
            assertThat(w.subList(1, 8)).containsExactly("Well 0", "false", "12.5", "0", "2026-11-10", "leak dirty", "Opérateur №0");

            Path backup = temp.resolve("backup.zip");
            new BackupExporter(store, new BackupOrigin("Test team", MASTER, "test")).export(backup);
            try (ZipFile zip = new ZipFile(TestRecovery.plain(backup).toFile())) {
                assertThat(zip.getInputStream(zip.getEntry("csv/household_visit.csv")).readAllBytes()).isEqualTo(bytes);
            }
        }
    }

    @Test
    void an_imported_form_writes_a_file_per_repeat_joined_by_the_entry_uuid_with_the_columns_of_every_version() throws IOException {
        XlsFormFile v1 = visits(false);
        XlsFormFile v2 = visits(true);
        try (KitStore store = TestRecovery.open(temp.resolve("data"))) {
            XlsFormImport.into(store.forms(), v1.writeTo(temp.resolve("v1/visits.xlsx")));
            XlsFormImport.into(store.forms(), v2.writeTo(temp.resolve("v2/visits.xlsx")));
            JsonNodeFactory json = JsonNodeFactory.instance;
            HlcClock clock = HlcClock.system(PHONE_A);
            Entry first = entry(clock, 1, Map.of("village", TextNode.valueOf("Hill"),
                    "water", json.arrayNode().add("well").add("rain"), "rooms", IntNode.valueOf(3),
                    "members", json.arrayNode().add(member("Ana", 34, null)).add(member("Ben", 5, null))));
            Entry second = entry(clock, 2, Map.of("village", TextNode.valueOf("Lake, east"),
                    "members", json.arrayNode().add(member("Chen", 61, "fisher"))));
            PushService push = new PushService(store, new MasterIdentity(MASTER, "Test team", "test", HlcClock.system(MASTER)));
            assertThat(push.push(PHONE_A, List.of(first, second))).extracting(PushResult::status).doesNotContain(PushStatus.REJECTED);

            List<Path> files = new CsvExporter(store).exportTo(temp.resolve("csv"));

            assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("visits.csv", "visits-members.csv");
            List<List<String>> visits = CsvReader.parse(Files.readString(temp.resolve("csv/visits.csv")).substring(1));
            assertThat(visits.get(0).subList(0, 6)).containsExactly("uuid", "village", "water", "rooms", "members", "phone");
            assertThat(visits.get(1).subList(0, 6)).containsExactly(first.uuid(), "Hill", "well rain", "3", "2", "");
            assertThat(visits.get(2).subList(0, 6)).containsExactly(second.uuid(), "Lake, east", "", "", "1", "");
            List<List<String>> members = CsvReader.parse(Files.readString(temp.resolve("csv/visits-members.csv")).substring(1));
            assertThat(members).containsExactly(
                    List.of("entry_uuid", "row", "member_name", "age", "occupation"),
                    List.of(first.uuid(), "1", "Ana", "34", ""),
                    List.of(first.uuid(), "2", "Ben", "5", ""),
                    List.of(second.uuid(), "1", "Chen", "61", "fisher"));

            Path backup = temp.resolve("backup.zip");
            new BackupExporter(store, new BackupOrigin("Test team", MASTER, "test")).export(backup);
            try (ZipFile zip = new ZipFile(TestRecovery.plain(backup).toFile())) {
                assertThat(zip.getInputStream(zip.getEntry("csv/visits-members.csv")).readAllBytes())
                        .isEqualTo(Files.readAllBytes(temp.resolve("csv/visits-members.csv")));
            }
        }
    }

    /** A visit with a group and a repeat of members; version 2 asks each member's occupation and a phone number. */
    private static XlsFormFile visits(boolean second) {
        XlsFormFile file = new XlsFormFile()
                .sheet("survey", "type", "name", "label", "required")
                .row("text", "village", "Village")
                .row("select_multiple water", "water", "Water")
                .row("begin group", "house", "House")
                .row("integer", "rooms", "Rooms")
                .row("end group")
                .row("begin repeat", "members", "Members")
                .row("text", "member_name", "Name", "yes")
                .row("integer", "age", "Age");
        if (second) file.row("text", "occupation", "Occupation");
        file.row("end repeat");
        if (second) file.row("text", "phone", "Phone");
        return file.sheet("choices", "list_name", "name", "label")
                .row("water", "well", "Well").row("water", "river", "River").row("water", "rain", "Rain")
                .sheet("settings", "form_id", "form_title").row("visits", "Visits");
    }

    private static ObjectNode member(String name, int age, String occupation) {
        ObjectNode row = JsonNodeFactory.instance.objectNode().put("member_name", name).put("age", age);
        return occupation == null ? row : row.put("occupation", occupation);
    }

    private static Entry entry(HlcClock clock, int version, Map<String, JsonNode> answers) {
        Map<String, FieldValue> fields = new TreeMap<>();
        answers.forEach((name, value) -> fields.put(name, FieldValue.edit(value, clock.now(), "")));
        return new Entry(UUID.randomUUID().toString(), "visits", version, fields, null, System.currentTimeMillis(), PHONE_A, 0,
                null, null);
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
