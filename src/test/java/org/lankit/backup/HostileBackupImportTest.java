package org.lankit.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lankit.testkit.FieldTeam.MASTER;
import static org.lankit.testkit.FieldTeam.PHONE_A;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.app.Main;
import org.lankit.store.KitStore;
import org.lankit.sync.Json;
import org.lankit.testkit.FieldTeam;

/**
 * Backups made to hurt the master that imports them: a small zip whose one line expands to
 * hundreds of megabytes, and a backup edited to hold a value stamped years ahead. Each is refused
 * with one plain line, early, and nothing is written.
 */
class HostileBackupImportTest {

    /** One line of this many bytes: far more than the child's heap, a few hundred KB zipped. */
    private static final long HUGE_LINE = 256L << 20;
    private static final Duration IMPORT_LIMIT = Duration.ofSeconds(30);

    @TempDir
    Path temp;

    @Test
    void a_small_zip_whose_one_line_expands_to_256_mb_is_refused_early_in_a_small_heap_with_one_line() throws Exception {
        Path bomb = writeBomb(temp.resolve("bomb.zip"));
        assertThat(Files.size(bomb)).as("the zip on the stick").isLessThan(2L << 20);
        Path fresh = temp.resolve("new-laptop");

        long started = System.nanoTime();
        Process child = importInChild(bomb, fresh);
        boolean ended = child.waitFor(IMPORT_LIMIT.toSeconds(), TimeUnit.SECONDS);
        if (!ended) child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        String out = Files.readString(temp.resolve("child.out"));
        String err = Files.readString(temp.resolve("child.err"));

        assertThat(ended).as("the import ended within %s (took %s ms)", IMPORT_LIMIT, took.toMillis()).isTrue();
        assertThat(err.lines()).as("standard error").singleElement().asString()
                .isEqualTo("lankit: bomb.zip cannot be imported: entries.jsonl, line 1 is longer than 1 MB, more than any"
                        + " Lankit backup holds; nothing was changed");
        assertThat(child.exitValue()).isEqualTo(1);
        assertThat(out + err).doesNotContain("Exception", "OutOfMemoryError", "\tat ");
        try (KitStore untouched = TestRecovery.open(fresh)) {
            assertThat(untouched.entryCount()).isZero();
            assertThat(untouched.settings().get("deviceId")).isEmpty();
        }
    }

    @Test
    void a_backup_edited_to_hold_a_value_five_years_ahead_is_refused_naming_the_entry() throws IOException {
        Path backup = temp.resolve("team.zip");
        String uuid;
        try (KitStore source = TestRecovery.open(temp.resolve("source"))) {
            uuid = new FieldTeam(source).createHouseholds(3, PHONE_A).get(0);
            new BackupExporter(source, new BackupOrigin("Test team", MASTER, "test")).export(backup);
        }
        long fiveYears = System.currentTimeMillis() + Duration.ofDays(1826).plusHours(1).toMillis();
        Path forged = BackupForgery.of(backup).edit("entries.jsonl", text -> aheadInLineOf(text, uuid, fiveYears))
                .rehashed().writeTo(temp.resolve("future.zip"));

        try (KitStore target = TestRecovery.open(temp.resolve("target"))) {
            assertThatThrownBy(() -> new BackupImporter(target, MASTER).importFrom(forged))
                    .isInstanceOf(BackupRejectedException.class)
                    .hasMessageStartingWith("the backup cannot be imported: entries.jsonl, entry 1 (uuid " + uuid + "): field ")
                    .hasMessageContaining("is 1826 days ahead of this computer's time (at most 5 min is taken)");
            assertThat(target.entryCount()).isZero();
            assertThat(target.forms().all()).isEmpty();
        }
    }

    /** The entry's first value stamped at {@code wallMs}. */
    private static String aheadInLineOf(String jsonl, String uuid, long wallMs) {
        List<String> lines = new ArrayList<>(jsonl.lines().toList());
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).contains("\"" + uuid + "\"")) continue;
            // the entry's clock in the compact form, a field's own clock in v1
            Matcher m = Pattern.compile("(\"(?:clock|hlc)\":\")\\d{13}").matcher(lines.get(i));
            assertThat(m.find()).isTrue();
            lines.set(i, m.replaceFirst("$1" + wallMs));
            return String.join("\n", lines) + "\n";
        }
        throw new IllegalStateException("no entry " + uuid);
    }

    /** A format-1 backup as a forger writes it: right sums, an entries.jsonl of one 256 MB line of 'x'. */
    private static Path writeBomb(Path file) throws IOException {
        MessageDigest sha = sha256Digest();
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(9);
            List<Map<String, Object>> members = new ArrayList<>();
            for (String small : List.of("forms.json", "devices.json")) {
                members.add(member(zip, small, "[]".getBytes(StandardCharsets.US_ASCII)));
            }
            members.add(member(zip, "audit.jsonl", new byte[0]));
            zip.putNextEntry(new ZipEntry("entries.jsonl"));
            byte[] chunk = new byte[1 << 16];
            Arrays.fill(chunk, (byte) 'x');
            for (long written = 0; written < HUGE_LINE; written += chunk.length) {
                zip.write(chunk);
                sha.update(chunk);
            }
            zip.closeEntry();
            members.add(Map.of("name", "entries.jsonl", "bytes", HUGE_LINE, "sha256", HexFormat.of().formatHex(sha.digest())));
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write(Json.MAPPER.writeValueAsBytes(Map.of("format", "lankit-backup", "formatVersion", 1, "appVersion", "0.1.0",
                    "createdAt", "2026-11-25T10:30:00Z", "team", "River team", "masterDeviceId", "master01", "lastSeq", 1,
                    "counts", Map.of("forms", 0, "entries", 1, "conflicts", 0, "devices", 0, "audit", 0), "members", members)));
            zip.closeEntry();
        }
        return file;
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> member(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
        return Map.of("name", name, "bytes", content.length, "sha256", BackupForgery.sha256(content));
    }

    /** The real command line in its own JVM with a 128 MB heap, a quarter of the line. */
    private Process importInChild(Path file, Path dataDir) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-cp", System.getProperty("java.class.path")));
        String runtime = System.getProperty("lankit.runtimeDir");
        if (runtime != null) command.add("-Dlankit.runtimeDir=" + runtime);
        command.addAll(List.of(Main.class.getName(), "--import-backup", file.toString(), "--data-dir", dataDir.toString()));
        return new ProcessBuilder(command).redirectOutput(temp.resolve("child.out").toFile())
                .redirectError(temp.resolve("child.err").toFile()).start();
    }
}
