package org.lankit.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.testkit.Entries;
import org.lankit.testkit.PairedDevice;
import org.lankit.testkit.RunningMaster;

/**
 * A master's data folder copied (a stolen disk, a copy on a stick) and opened by Lankit on another
 * computer: a process of its own, whose key folder ({@code LANKIT_KEY_HOME}) does not hold the
 * folder's key, started as the coordinator would start it.
 */
class AnotherComputerTest {

    private static final String PASSPHRASE = "river stone 42";
    private static final String RESPONDENT = "Amina Okafor";

    @TempDir
    Path work;
    private Path master;
    private Path otherKeys;

    @BeforeEach
    void a_master_with_one_household_entry() throws Exception {
        master = work.resolve("master");
        otherKeys = work.resolve("other-computer-keys");
        try (RunningMaster running = RunningMaster.start(master)) {
            PairedDevice phone = running.pair("Phone");
            phone.client().push(List.of(Entries.household(phone.clock(), RESPONDENT, 4)));
        }
    }

    @Test
    void the_masters_secure_folder_holds_its_certificates_but_no_private_key_in_readable_form() throws Exception {
        Path secure = master.resolve("secure");
        try (Stream<Path> files = Files.list(secure)) {
            List<Path> all = files.toList();
            assertThat(all).extracting(p -> p.getFileName().toString())
                    .contains("kit-ca.crt", "kit-ca.key.sealed", "server.crt", "server.key.sealed")
                    .doesNotContain("kit-ca.key", "server.key");
            for (Path file : all) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(file.toString())
                        .doesNotContain("PRIVATE KEY");
            }
        }
    }

    @Test
    void a_copied_folder_without_a_passphrase_is_refused_in_one_plain_line_and_nothing_in_it_changes() throws Exception {
        Path copy = copyOf(master, work.resolve("copy"));
        Map<String, String> before = contents(copy);

        Run refused = lankit(copy, Map.of(), "--export-csv", work.resolve("csv").toString());

        assertThat(refused.code()).isEqualTo(Main.FAILED);
        assertThat(refused.errLines()).singleElement().asString()
                .isEqualTo("lankit: The data folder " + copy + " is encrypted and its key is not on this computer: start Lankit on the"
                        + " computer that made it, or restore a backup of the team with its recovery key.");
        assertThat(contents(copy)).as("the copied folder, byte for byte").isEqualTo(before);
        assertThat(work.resolve("csv")).doesNotExist();
    }

    @Test
    void with_its_passphrase_a_copied_folder_opens_with_its_data_and_the_next_start_asks_nothing() throws Exception {
        assertThat(setPassphrase(master, PASSPHRASE)).isEqualTo(Main.OK);
        Path copy = copyOf(master, work.resolve("copy"));
        Map<String, String> before = contents(copy);

        Run withoutPassphrase = lankit(copy, Map.of(), "--export-csv", work.resolve("csv-0").toString());
        assertThat(withoutPassphrase.code()).isEqualTo(Main.FAILED);
        assertThat(withoutPassphrase.errLines()).singleElement().asString()
                .startsWith("lankit: The data folder " + copy + " is protected by a passphrase").contains("LANKIT_PASSPHRASE");

        Run wrong = lankit(copy, Map.of(PassphraseOptions.VARIABLE, "river stone 43"), "--export-csv", work.resolve("csv-1").toString());
        assertThat(wrong.code()).isEqualTo(Main.FAILED);
        assertThat(wrong.errLines()).singleElement().asString()
                .isEqualTo("lankit: That passphrase does not open the data folder " + copy + ".");
        assertThat(contents(copy)).as("refused twice, the folder is as copied").isEqualTo(before);
        assertThat(keysOnTheOtherComputer()).isEmpty();

        Path passphraseFile = Files.writeString(work.resolve("passphrase.txt"), PASSPHRASE + "\n");
        Run opened = lankit(copy, Map.of(), "--passphrase-file", passphraseFile.toString(), "--export-csv", work.resolve("csv-2").toString());
        assertThat(opened.code()).as(opened.err()).isEqualTo(Main.OK);
        assertThat(csvText(work.resolve("csv-2"))).contains(RESPONDENT);
        assertThat(keysOnTheOtherComputer()).as("the key, now on the other computer").hasSize(1);

        Run again = lankit(copy, Map.of(), "--export-csv", work.resolve("csv-3").toString());
        assertThat(again.code()).as(again.err()).isEqualTo(Main.OK);
        assertThat(csvText(work.resolve("csv-3"))).contains(RESPONDENT);
    }

    @Test
    void set_passphrase_refuses_a_short_one_and_remove_passphrase_leaves_the_folder_to_this_computer() throws Exception {
        assertThat(setPassphrase(master, "short")).isEqualTo(Main.FAILED);
        assertThat(setPassphrase(master, PASSPHRASE)).isEqualTo(Main.OK);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(Main.run(new String[] {"--remove-passphrase", "--data-dir", master.toString()}, Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err)).isEqualTo(Main.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("No passphrase now");

        Path copy = copyOf(master, work.resolve("copy"));
        Run refused = lankit(copy, Map.of(PassphraseOptions.VARIABLE, PASSPHRASE), "--export-csv", work.resolve("csv").toString());
        assertThat(refused.code()).isEqualTo(Main.FAILED);
        assertThat(refused.errLines()).singleElement().asString().contains("its key is not on this computer");
    }

    private static int setPassphrase(Path dataDir, String passphrase) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"--set-passphrase", "--data-dir", dataDir.toString()}, Map.of(PassphraseOptions.VARIABLE, passphrase),
                System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
        if (code != Main.OK) assertThat(err.toString(StandardCharsets.UTF_8).lines()).singleElement().asString().startsWith("lankit: ");
        return code;
    }

    private record Run(int code, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    /** Lankit in a process of its own, as on the other computer: its own key folder, nothing of this JVM's state. */
    private Run lankit(Path dataDir, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dlogback.configurationFile=logback.xml", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "--headless", "--data-dir", dataDir.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("LANKIT_KEY_HOME", otherKeys.toString());
        builder.environment().remove(PassphraseOptions.VARIABLE);
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] err = process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("lankit ended").isTrue();
        return new Run(process.exitValue(), new String(err, StandardCharsets.UTF_8));
    }

    private List<Path> keysOnTheOtherComputer() throws IOException {
        if (!Files.exists(otherKeys)) return List.of();
        try (Stream<Path> keys = Files.list(otherKeys)) {
            return keys.toList();
        }
    }

    private static String csvText(Path folder) throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) text.append(Files.readString(file));
        }
        return text.toString();
    }

    private static Path copyOf(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }

    /** Every file of the folder with its SHA-256, and every folder. */
    private static Map<String, String> contents(Path folder) throws Exception {
        Map<String, String> seen = new TreeMap<>();
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.toList()) {
                String name = folder.relativize(p).toString();
                seen.put(name, Files.isDirectory(p) ? "folder"
                        : HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        }
        return seen;
    }
}
