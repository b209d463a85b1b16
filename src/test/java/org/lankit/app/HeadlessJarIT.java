package org.lankit.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.peer.MasterClient;
import org.lankit.sync.HlcClock;
import org.lankit.sync.Protocol.Info;
import org.lankit.testkit.Entries;

/** The built jar, run as a technician would on a server. */
class HeadlessJarIT {

    private static final Pattern JOIN_URL = Pattern.compile("Join URL: http://[^:]+:(\\d+)/join#(\\S+)");

    @TempDir
    Path workDir;
    @TempDir
    Path dataDir;

    @Test
    void the_jar_starts_headless_answers_info_stops_cleanly_on_sigterm_and_keeps_its_entries() throws Exception {
        Path jar = Path.of(System.getProperty("lankit.jar", "target/lankit.jar"));
        // 49.5 MB with Apache POI for XLSForms (about 7 MB of it) and java-keyring for the OS credential store (JNA and
        // D-Bus, about 4 MB, its natives cut to the systems ObjectBox runs on); the bound catches a dependency pulled in by mistake
        assertThat(Files.size(jar)).as("jar size").isLessThan(50L * 1024 * 1024);

        String uuid;
        try (Running master = Running.start(jar, workDir, dataDir)) {
            MasterClient client = new MasterClient("http://127.0.0.1:" + master.port, null);
            Info info = client.info();
            assertThat(info.role()).isEqualTo("master");
            assertThat(info.app()).isEqualTo("lankit");
            var entry = Entries.household(HlcClock.system(client.pair(master.joinCode, "Phone 2", "phone").deviceId()), "Grace", 4);
            uuid = entry.uuid();
            client.push(List.of(entry));
            assertThat(master.stopWithSigterm()).as("exit code after SIGTERM").isIn(0, 143);
        }
        try (Stream<Path> left = Files.list(workDir)) {
            assertThat(left).as("files left in the folder the jar was started from").isEmpty();
        }
        try (Running again = Running.start(jar, workDir, dataDir)) {
            MasterClient client = new MasterClient("http://127.0.0.1:" + again.port, null);
            client.pair(again.joinCode, "Phone 3", "phone");
            assertThat(client.pull(0, 10).entries()).extracting(e -> e.uuid()).containsExactly(uuid);
            again.stopWithSigterm();
        }
    }

    /** One headless master process. */
    private static final class Running implements AutoCloseable {
        final Process process;
        final int port;
        final String joinCode;

        private Running(Process process, int port, String joinCode) {
            this.process = process;
            this.port = port;
            this.joinCode = joinCode;
        }

        static Running start(Path jar, Path workDir, Path dataDir) throws Exception {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", jar.toAbsolutePath().toString(), "--headless", "--role", "master", "--port", "0",
                    "--data-dir", dataDir.toString(), "--bind", "127.0.0.1")
                    .directory(workDir.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            String line;
            while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
                Matcher m = JOIN_URL.matcher(line);
                if (m.find()) return new Running(p, Integer.parseInt(m.group(1)), m.group(2));
            }
            p.destroyForcibly();
            throw new AssertionError("the jar printed no join URL");
        }

        int stopWithSigterm() throws InterruptedException {
            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s").isTrue();
            return process.exitValue();
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }
}
