package org.lankit.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.store.Device;
import org.lankit.testkit.RunningMaster;

/** The built jar as a headless client: pairs with a master by join code and stays connected. */
class HeadlessClientJarIT {

    @TempDir
    Path masterDir;
    @TempDir
    Path clientDir;

    @Test
    void the_jar_joins_a_master_as_a_headless_client_and_a_restart_needs_no_join_code() throws Exception {
        Path jar = Path.of(System.getProperty("lankit.jar", "target/lankit.jar"));
        try (RunningMaster master = RunningMaster.start(masterDir)) {
            String said = runUntilSyncing(jar, "--master", master.baseUrl(), "--join-code", RunningMaster.JOIN_CODE, "--name", "Field laptop");
            assertThat(said).as("the master offers HTTPS, so the laptop uses it").contains("syncing with " + master.secureBaseUrl());
            assertThat(master.store().devices().all()).extracting(Device::name, Device::kind)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("Field laptop", "client"));
            assertThat(master.store().devices().all().get(0).approved())
                    .as("joined with the phones' code, the laptop starts and waits for the coordinator's approval").isFalse();

            String again = runUntilSyncing(jar);
            assertThat(again).contains("syncing with " + master.secureBaseUrl());
            assertThat(master.store().devices().count()).as("no second pairing").isEqualTo(1);
        }
    }

    @Test
    void a_laptop_join_code_whose_pin_belongs_to_another_kit_is_refused_and_the_right_one_syncs_over_https(@TempDir Path otherDir)
            throws Exception {
        Path jar = Path.of(System.getProperty("lankit.jar", "target/lankit.jar"));
        try (RunningMaster master = RunningMaster.start(masterDir); RunningMaster impostor = RunningMaster.start(otherDir)) {
            String wrongPin = RunningMaster.JOIN_CODE + "-" + impostor.kit().authorityPin().pin();
            ProcessBuilder refused = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", jar.toAbsolutePath().toString(), "--headless", "--role", "client", "--data-dir", clientDir.toString(),
                    "--master", master.baseUrl(), "--join-code", wrongPin, "--name", "Field laptop");
            Process p = refused.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            String error = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

            assertThat(p.exitValue()).isEqualTo(1);
            // the log may say first where the new folder's data key went; the refusal is the last line
            assertThat(error.strip().lines().reduce((first, last) -> last).orElse("")).startsWith("lankit: the computer at " + master.secureBaseUrl() + " is not your team's master")
                    .doesNotContain("Exception");
            assertThat(master.store().devices().count()).as("nothing paired").isZero();

            String said = runUntilSyncing(jar, "--master", master.baseUrl(), "--join-code", master.kit().laptopJoinCode(),
                    "--name", "Field laptop");
            assertThat(said).contains("syncing with " + master.secureBaseUrl());
            assertThat(master.store().devices().count()).isEqualTo(1);
        }
    }

    private String runUntilSyncing(Path jar, String... extra) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toAbsolutePath().toString(), "--headless", "--role", "client", "--data-dir", clientDir.toString());
        for (String e : extra) pb.command().add(e);
        Process p = pb.redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            return line == null ? "" : line;
        } finally {
            p.destroy();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }
}
