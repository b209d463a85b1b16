package org.lankit.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.peer.MasterClient;
import org.lankit.sync.Entry;
import org.lankit.sync.FieldValue;
import org.lankit.sync.HlcClock;
import org.lankit.sync.Protocol.PairResponse;
import org.lankit.testkit.Entries;
import org.lankit.testkit.Eventually;
import org.lankit.testkit.FakeTeamApi;
import org.lankit.testkit.RunningClient;

/**
 * Issue 18's first acceptance test: a day's work of a team, then every byte the laptops keep at
 * rest is searched for a household's answer, the team API's token and a key in the API's address.
 * The master runs as the coordinator starts it (its own JVM, the jar's logback.xml, the log in its
 * data folder), uploads to a JSON API that wants the token; a phone talks to it over HTTP; a client
 * laptop pairs with the laptop join code, pulls the phone's entries and types one of its own. A zip
 * is searched member by member as well (deflate alone hides a name).
 */
class DaysWorkAtRestTest {

    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final String PHONE_ANSWER = "Nyokabi-Wambui-answer-5521";
    private static final String LAPTOP_ANSWER = "Otieno-Achieng-answer-7734";
    private static final String TOKEN = "day-work-token-4f1e9c2b7a";
    /** A key some APIs take in the address itself. */
    private static final String ADDRESS_KEY = "address-key-83d1c0ffee";
    private static final String JOIN = "DAY-WORK-TEAM-4K";

    @TempDir
    Path work;

    @Test
    void after_a_days_work_no_answer_and_no_api_token_is_in_the_data_folders_or_the_log() throws Exception {
        Path masterDir = work.resolve("master");
        Path laptopDir = work.resolve("laptop");
        Entry fromPhone;
        Entry fromLaptop;
        try (FakeTeamApi api = FakeTeamApi.start()) {
            api.requireToken(TOKEN);
            HeadlessMaster master = HeadlessMaster.start(work, masterDir, api.url() + "?key=" + ADDRESS_KEY, TOKEN, JOIN);
            try {
                String base = "http://127.0.0.1:" + master.port();
                MasterClient phone = new MasterClient(base, null);
                PairResponse paired = phone.pair(JOIN, "Phone 1", "phone");
                phone.useToken(paired.token());
                HlcClock phoneClock = HlcClock.system(paired.deviceId());
                fromPhone = Entries.household(phoneClock, PHONE_ANSWER, 3);
                phone.push(List.of(fromPhone));
                Map<String, FieldValue> corrected = new TreeMap<>(fromPhone.fields());
                corrected.put("respondent", FieldValue.edit(TextNode.valueOf(PHONE_ANSWER + " (corrected)"), phoneClock.now(), ""));
                phone.push(List.of(fromPhone.withFields(corrected, null)));

                try (RunningClient laptop = RunningClient.start(laptopDir, base, "Field laptop", master.laptopCode())) {
                    fromLaptop = laptop.saveHousehold(LAPTOP_ANSWER, 5);
                    Eventually.within(LIMIT, "the laptop to pull the phone's entry",
                            () -> laptop.store().find(fromPhone.uuid()).isPresent());
                    Eventually.within(LIMIT, "the laptop's entry to reach the master",
                            () -> pulledAnswers(phone).contains(LAPTOP_ANSWER));
                    Eventually.within(LIMIT, "both entries on the team's API",
                            () -> api.storedUuids().containsAll(List.of(fromPhone.uuid(), fromLaptop.uuid())));
                }
                assertThat(pulledAnswers(phone)).as("the answers travel in the clear over the wire")
                        .contains(PHONE_ANSWER + " (corrected)", LAPTOP_ANSWER);
            } finally {
                master.stop();
            }
            assertThat(api.requests()).allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer " + TOKEN));
        }

        Path log = masterDir.resolve("logs").resolve("lankit.log");
        assertThat(log).as("the master's log was written").isNotEmptyFile();
        assertThat(masterDir.resolve("db/data.mdb")).isNotEmptyFile();
        assertThat(laptopDir.resolve("db/data.mdb")).isNotEmptyFile();
        List<Path> atRest = new ArrayList<>();
        atRest.add(backupOf(masterDir));
        atRest.addAll(filesIn(masterDir));
        atRest.addAll(filesIn(laptopDir));
        assertThat(atRest).contains(log);
        for (Path file : atRest) {
            for (byte[] bytes : contentsOf(file)) {
                for (String secret : List.of(PHONE_ANSWER, LAPTOP_ANSWER, TOKEN, ADDRESS_KEY)) {
                    assertThat(contains(bytes, secret)).as("%s holds %s", work.relativize(file), secret).isFalse();
                }
            }
        }
    }

    private static String pulledAnswers(MasterClient phone) {
        try {
            return phone.pull(0, 100).entries().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    /** The file's bytes and, when it is a zip (a plain backup), each member's bytes inflated: deflate hides a name as well as a cipher would. */
    private static List<byte[]> contentsOf(Path file) throws IOException {
        List<byte[]> contents = new ArrayList<>();
        byte[] bytes = Files.readAllBytes(file);
        contents.add(bytes);
        if (bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K') {
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
                for (ZipEntry member = zip.getNextEntry(); member != null; member = zip.getNextEntry()) contents.add(zip.readAllBytes());
            }
        }
        return contents;
    }

    private static boolean contains(byte[] haystack, String needle) {
        byte[] n = needle.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i + n.length <= haystack.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (haystack[i + j] != n[j]) continue outer;
            }
            return true;
        }
        return false;
    }

    /** The master as a coordinator starts it headless, in its own JVM with the jar's logging; always stop it. */
    private record HeadlessMaster(Process process, List<String> printed) {

        static HeadlessMaster start(Path work, Path dataDir, String apiUrl, String token, String joinCode) throws IOException {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-Dlogback.configurationFile=logback.xml", "-cp", System.getProperty("java.class.path")));
            String runtime = System.getProperty("lankit.runtimeDir");
            if (runtime != null) command.add("-Dlankit.runtimeDir=" + runtime);
            command.addAll(Arrays.asList(Main.class.getName(), "--headless", "--role", "master", "--bind", "127.0.0.1",
                    "--port", "0", "--https-port", "0", "--join-code", joinCode, "--data-dir", dataDir.toString(),
                    "--api-url", apiUrl, "--api-token", token));
            Process process = new ProcessBuilder(command).redirectError(work.resolve("master.err").toFile()).start();
            List<String> printed = new CopyOnWriteArrayList<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = out.readLine(); line != null; line = out.readLine()) printed.add(line);
                } catch (IOException ended) {
                    // the master is gone; what it printed stays in the list
                }
            }, "days-work-master-output");
            reader.setDaemon(true);
            reader.start();
            HeadlessMaster master = new HeadlessMaster(process, printed);
            Eventually.within(LIMIT, "the master to print its laptop join code",
                    () -> master.printedValue("Laptop join code: ") != null || !process.isAlive());
            return master;
        }

        int port() {
            String url = printedValue("Join URL: ");
            return Integer.parseInt(url.replaceFirst("^http://[^:]+:(\\d+)/.*$", "$1"));
        }

        String laptopCode() {
            return printedValue("Laptop join code: ");
        }

        private String printedValue(String prefix) {
            return printed.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()).strip())
                    .findFirst().orElse(null);
        }

        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) process.destroyForcibly();
        }
    }

    /** The coordinator's backup of the master's folder, written to a stick as {@code --export-backup} does. */
    private Path backupOf(Path masterDir) {
        Path file = work.resolve("stick").resolve("team-backup.lankit");
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        PrintStream to = new PrintStream(said, true, StandardCharsets.UTF_8);
        int exit = Main.run(new String[] {"--export-backup", file.toString(), "--data-dir", masterDir.toString()}, to, to);
        assertThat(exit).as(said.toString(StandardCharsets.UTF_8)).isEqualTo(Main.OK);
        return file;
    }
}
