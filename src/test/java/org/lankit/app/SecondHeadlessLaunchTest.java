package org.lankit.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.hub.HubConfig;

/** A script starts the kit again on a folder that already runs: one line says where it runs, and nothing else starts. */
class SecondHeadlessLaunchTest {

    @TempDir
    Path dataDir;

    @Test
    void a_second_headless_launch_says_in_one_line_where_the_kit_runs_and_fails() throws Exception {
        KitOptions options = new KitOptions(true, Role.MASTER, 0, dataDir, "River Valley survey", "TEST-CODE-1", null, null, null)
                .withBind("127.0.0.1");
        try (KitLifecycle first = new KitLifecycle(options, HubConfig.defaults().withAnnouncement(false))) {
            assertThat(first.claim()).as("the folder was free").isEmpty();
            first.openStore();
            MasterKit master = first.startMaster();
            assertThat(Files.getPosixFilePermissions(dataDir.resolve(SingleInstance.ADDRESS_FILE))).as("the secret is the user's")
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = Main.run(new String[] {"--headless", "--bind", "127.0.0.1", "--port", "0", "--data-dir", dataDir.toString()},
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

            assertThat(code).isEqualTo(Main.FAILED);
            assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
            assertThat(err.toString(StandardCharsets.UTF_8).lines()).singleElement().asString()
                    .isEqualTo("lankit: Lankit is already running with this data folder: phones join at " + master.joinUrl() + ".")
                    .doesNotContain("--data-dir");
            assertThat(master.hub().port()).as("the first kit still runs").isPositive();
        }
        assertThat(Files.exists(dataDir.resolve(SingleInstance.ADDRESS_FILE))).as("the address is gone with the kit").isFalse();
    }

    @Test
    void once_the_first_kit_stopped_the_folder_is_free_again() {
        KitOptions options = new KitOptions(true, Role.MASTER, 0, dataDir, null, null, null, null, null).withBind("127.0.0.1");
        try (KitLifecycle first = new KitLifecycle(options)) {
            assertThat(first.claim()).isEmpty();
            try (KitLifecycle second = new KitLifecycle(options)) {
                assertThat(second.claim()).as("while the first holds it").isPresent();
            }
        }
        try (KitLifecycle again = new KitLifecycle(options)) {
            assertThat(again.claim()).as("after the first stopped").isEmpty();
        }
    }
}
