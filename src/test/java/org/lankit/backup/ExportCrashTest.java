package org.lankit.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.store.KitStore;
import org.lankit.testkit.FieldTeam;

class ExportCrashTest {

    @TempDir
    Path temp;

    @Test
    void a_process_killed_during_export_leaves_no_file_under_the_final_name() throws Exception {
        Path data = temp.resolve("data");
        try (KitStore store = TestRecovery.open(data)) {
            new FieldTeam(store).createHouseholds(10_000, FieldTeam.PHONE_A);
        }
        Path usb = Files.createDirectories(temp.resolve("usb"));
        Path target = usb.resolve("lankit-backup-Crash-team-20261125-120000.zip");

        Process child = startChild(data, target);
        try {
            BlockingQueue<String> lines = readLines(child);
            String line;
            do {
                line = lines.poll(60, TimeUnit.SECONDS);
                assertThat(line).as("the child's progress (exited early?)").isNotNull().doesNotStartWith("done");
            } while (!line.startsWith("written 1000 "));
            assertThat(partFiles(usb)).as("the export is writing its temporary file").hasSize(1);
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }

        assertThat(target).doesNotExist();
        try (Stream<Path> files = Files.list(usb)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".zip"));
        }
        Path half = partFiles(usb).get(0);
        assertThatThrownBy(() -> VerifiedBackup.open(half, TestRecovery.unlock())).isInstanceOf(BackupRejectedException.class)
                .hasMessageContaining("damaged or incomplete");

        try (KitStore store = TestRecovery.open(data)) {
            new BackupExporter(store, new BackupOrigin("Crash team", "master01", "test")).export(target);
        }
        try (VerifiedBackup whole = VerifiedBackup.open(target, TestRecovery.unlock())) {
            assertThat(whole.manifest().counts().entries()).isEqualTo(10_000);
        }
    }

    private static Process startChild(Path data, Path target) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-cp", System.getProperty("java.class.path")));
        String runtime = System.getProperty("lankit.runtimeDir");
        if (runtime != null) command.add("-Dlankit.runtimeDir=" + runtime);
        command.addAll(List.of(ExportCrashChild.class.getName(), data.toString(), target.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static BlockingQueue<String> readLines(Process child) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l = in.readLine(); l != null; l = in.readLine()) lines.add(l);
            } catch (IOException ignored) {
                // the child was killed
            }
        }, "child-output");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    private static List<Path> partFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".part")).toList();
        }
    }
}
