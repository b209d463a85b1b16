package org.lankit.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lankit.testkit.FieldTeam.MASTER;
import static org.lankit.testkit.FieldTeam.PHONE_A;
import static org.lankit.testkit.FieldTeam.PHONE_B;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.store.KitStore;
import org.lankit.sync.Json;
import org.lankit.testkit.FieldTeam;
import org.lankit.testkit.StoreDump;

class BackupVerificationTest {

    @TempDir
    Path temp;

    private Path backup;
    private KitStore target;
    private List<Object> before;

    @BeforeEach
    void a_backup_and_a_master_that_already_holds_other_data() throws IOException {
        try (KitStore source = TestRecovery.open(temp.resolve("source"))) {
            FieldTeam team = new FieldTeam(source);
            team.createHouseholds(300, PHONE_A);
            team.createWaterPoints(100, PHONE_B);
            Path sealed = temp.resolve("backup.lankit");
            new BackupExporter(source, new BackupOrigin("Test team", MASTER, "test")).export(sealed);
            // the zip inside, as older Lankit versions wrote it: these tests are about the zip's own checks
            backup = TestRecovery.plain(sealed);
        }
        target = TestRecovery.open(temp.resolve("target"));
        new FieldTeam(target).createHouseholds(50, PHONE_B);
        before = fingerprint(target);
    }

    @AfterEach
    void close() {
        target.close();
    }

    @Test
    void the_untouched_backup_imports_so_the_refusals_below_are_about_the_damage() throws IOException {
        Path copy = temp.resolve("copy.zip");
        Files.copy(backup, copy);
        assertThat(new BackupImporter(target, MASTER).importFrom(copy).created()).isEqualTo(400);
    }

    @Test
    void a_truncated_zip_is_refused_and_changes_nothing() throws IOException {
        byte[] whole = Files.readAllBytes(backup);
        Path cut = write("cut.zip", Arrays.copyOf(whole, whole.length * 2 / 3));
        assertRefused(cut, "cut.zip is damaged or incomplete");
    }

    @Test
    void a_changed_byte_inside_a_member_is_refused_and_changes_nothing() throws IOException {
        byte[] bytes = Files.readAllBytes(backup);
        long offset = dataOffset(backup, "entries.jsonl");
        bytes[(int) offset + 200] ^= 0x01;
        assertRefused(write("flipped.zip", bytes), "flipped.zip is damaged: entries.jsonl does not match its checksum");
    }

    @Test
    void a_member_changed_and_zipped_again_is_refused_by_its_sha_256() throws IOException {
        Path edited = rezip("edited.zip", Map.of("entries.jsonl",
                b -> new String(b, StandardCharsets.UTF_8).replace("Respondent 7\"", "Respondent 8\"").getBytes(StandardCharsets.UTF_8)),
                false);
        assertRefused(edited, "edited.zip is damaged: entries.jsonl does not match its checksum");
    }

    @Test
    void a_zip_of_another_program_is_refused() throws IOException {
        Path foreign = temp.resolve("photos.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(foreign))) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write("holiday photos".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        assertRefused(foreign, "photos.zip is not a Lankit backup: it has no manifest.json");

        Path otherManifest = temp.resolve("other.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(otherManifest))) {
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write("{\"format\":\"someone-else\",\"version\":3}".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        assertRefused(otherManifest, "other.zip is not a Lankit backup: its manifest is of another program");
        assertRefused(write("notes.zip", "just text".getBytes(StandardCharsets.UTF_8)), "notes.zip is damaged or incomplete");
    }

    @Test
    void a_backup_from_a_newer_format_is_refused_with_what_to_do() throws IOException {
        Path newer = rezip("newer.zip", Map.of("manifest.json", b -> {
            ObjectNode m = (ObjectNode) readTree(b);
            m.put("formatVersion", 99);
            return m.toString().getBytes(StandardCharsets.UTF_8);
        }), false);
        assertRefused(newer, "newer.zip was made by a newer Lankit (backup format 99); update Lankit to restore it");
    }

    @Test
    void a_whole_backup_with_an_entry_that_breaks_its_form_is_refused_before_anything_is_written() throws IOException {
        Path bad = rezip("bad.zip", Map.of("entries.jsonl", b -> {
            String text = new String(b, StandardCharsets.UTF_8);
            // the last entry's household size, in the compact form the backup holds
            String broken = text.replaceFirst("(?s)(.*)\"household_size\":\\d+", "$1\"household_size\":\"many\"");
            assertThat(broken).isNotEqualTo(text);
            return broken.getBytes(StandardCharsets.UTF_8);
        }), true);
        assertRefused(bad, "the backup cannot be imported: entries.jsonl, entry ");
        assertThatThrownBy(() -> new BackupImporter(target, MASTER).importFrom(bad))
                .hasMessageContaining("field household_size: must be a whole number");
    }

    @Test
    void a_backup_whose_form_names_a_question_it_does_not_have_is_refused_before_anything_is_written() throws IOException {
        Path bad = rezip("bad-form.zip", Map.of("forms.json", b -> {
            String text = new String(b, StandardCharsets.UTF_8);
            String broken = text.replaceFirst("\"name\":\"depth_m\"", "\"name\":\"depth_m\",\"relevant\":\"\\${nowhere} = 1\"");
            assertThat(broken).isNotEqualTo(text);
            return broken.getBytes(StandardCharsets.UTF_8);
        }), true);
        assertRefused(bad, "forms.json: form water_point version 1: Question depth_m: the relevant names ${nowhere}, "
                + "which is not a question of this form.");
    }

    private void assertRefused(Path file, String reason) {
        assertThatThrownBy(() -> new BackupImporter(target, MASTER).importFrom(file))
                .isInstanceOf(BackupRejectedException.class)
                .hasMessageContaining(reason);
        assertThat(fingerprint(target)).isEqualTo(before);
    }

    private static List<Object> fingerprint(KitStore store) {
        return List.of(StoreDump.entries(store), StoreDump.audit(store), store.forms().all(), store.devices().all(),
                store.lastSeq());
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(temp.resolve(name), bytes);
    }

    /** Where a member's compressed data starts: after its local header (30 bytes, name, extra). */
    private static long dataOffset(Path zipFile, String member) throws IOException {
        byte[] bytes = Files.readAllBytes(zipFile);
        byte[] name = member.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + 30 + name.length < bytes.length; i++) {
            if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 3 && bytes[i + 3] == 4
                    && Arrays.equals(bytes, i + 30, i + 30 + name.length, name, 0, name.length)) {
                int nameLength = (bytes[i + 26] & 0xff) | (bytes[i + 27] & 0xff) << 8;
                int extraLength = (bytes[i + 28] & 0xff) | (bytes[i + 29] & 0xff) << 8;
                return i + 30L + nameLength + extraLength;
            }
        }
        throw new IllegalStateException("no member " + member);
    }

    /** A copy of the backup with some members changed; {@code fixManifest} brings the sums up to date. */
    private Path rezip(String name, Map<String, UnaryOperator<byte[]>> changes, boolean fixManifest) throws IOException {
        Map<String, byte[]> members = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            for (ZipEntry e : zip.stream().toList()) {
                try (InputStream in = zip.getInputStream(e)) {
                    byte[] b = in.readAllBytes();
                    members.put(e.getName(), changes.getOrDefault(e.getName(), UnaryOperator.identity()).apply(b));
                }
            }
        }
        if (fixManifest) {
            ObjectNode manifest = (ObjectNode) readTree(members.get("manifest.json"));
            for (var m : (ArrayNode) manifest.get("members")) {
                byte[] b = members.get(m.get("name").asText());
                ((ObjectNode) m).put("bytes", b.length).put("sha256", sha256(b));
            }
            members.put("manifest.json", manifest.toString().getBytes(StandardCharsets.UTF_8));
        }
        Path out = temp.resolve(name);
        try (OutputStream file = Files.newOutputStream(out); ZipOutputStream zip = new ZipOutputStream(file)) {
            for (var m : members.entrySet()) {
                zip.putNextEntry(new ZipEntry(m.getKey()));
                zip.write(m.getValue());
                zip.closeEntry();
            }
        }
        return out;
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(byte[] b) {
        try {
            return Json.MAPPER.readTree(b);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
