package org.lankit.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.store.KitStore;
import org.lankit.sync.Entry;
import org.lankit.testkit.Entries;
import org.lankit.testkit.PairedDevice;
import org.lankit.testkit.RunningMaster;

/**
 * The master's data folder sits on a disk that became read-only (a tmpfs the test mounts and then
 * remounts read-only; root ignores file permissions, so this is the way to make one). Machines
 * that do not let tests mount skip it.
 */
class ReadOnlyDataFolderTest {

    @TempDir
    Path base;

    @Test
    void a_master_on_a_read_only_disk_says_so_in_one_line_and_its_entries_are_there_once_it_can_write_again()
            throws Exception {
        Path disk = Files.createDirectory(base.resolve("disk"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", disk.toString()), "this machine does not let tests mount a file system");
        Path kit = disk.resolve("kit");
        try {
            Entry typed;
            try (RunningMaster master = RunningMaster.start(kit)) {
                PairedDevice phone = master.pair("Phone");
                typed = Entries.household(phone.clock(), "Before the disk went read-only", 3);
                phone.client().push(List.of(typed));
            }
            assertThat(run("mount", "-o", "remount,ro", disk.toString())).as("remounted read-only").isTrue();

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = Main.run(new String[] {"--headless", "--role", "master", "--port", "0", "--bind", "127.0.0.1",
                "--data-dir", kit.toString()},
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

            assertThat(code).isEqualTo(Main.FAILED);
            assertThat(err.toString(StandardCharsets.UTF_8).lines()).singleElement().asString()
                    .startsWith("lankit: Lankit cannot write to its data folder " + kit)
                    .contains("read-only file system").contains("--data-dir");

            assertThat(run("mount", "-o", "remount,rw", disk.toString())).as("writable again").isTrue();
            try (KitStore store = KitStore.open(kit)) {
                assertThat(store.find(typed.uuid())).as("the entry typed before").isPresent();
            }
        } finally {
            run("umount", "-l", disk.toString());
        }
    }

    private static boolean run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
    }
}
