package org.lankit.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.peer.MasterClient;
import org.lankit.testkit.Eventually;

/** A plain {@code java -jar lankit.jar} (a double-click) runs the kit in a JVM with bounded memory. */
class BoundedJvmJarIT {

    private static final Pattern JOIN_URL = Pattern.compile("Join URL: http://[^:]+:(\\d+)/join#(\\S+)");
    private static final Path JAR = Path.of(System.getProperty("lankit.jar", "target/lankit.jar")).toAbsolutePath();

    @TempDir
    Path dataDir;

    @Test
    void a_plain_java_jar_runs_the_master_in_a_bounded_child_jvm_that_ends_when_the_parent_is_killed() throws Exception {
        Process parent = new ProcessBuilder(java(), "-jar", JAR.toString(), "--headless", "--role", "master", "--port", "0",
                "--bind", "127.0.0.1", "--data-dir", dataDir.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            int port = joinPort(parent);
            assertThat(new MasterClient("http://127.0.0.1:" + port, null).info().role()).isEqualTo("master");
            List<ProcessHandle> children = parent.children().toList();
            assertThat(children).as("the JVM the parent started").hasSize(1);
            ProcessHandle child = children.get(0);
            assertThat(child.info().arguments().map(List::of).orElseThrow())
                    .contains("-Xmx192m", "-XX:+UseSerialGC", JvmOptions.MARK, "-jar", JAR.toString());

            parent.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            Eventually.within(Duration.ofSeconds(30), "the child JVM ends with its parent", () -> !child.isAlive());
        } finally {
            parent.descendants().forEach(ProcessHandle::destroyForcibly);
            parent.destroyForcibly();
        }
    }

    @Test
    void the_relaunched_jar_keeps_its_output_and_exit_codes() throws Exception {
        Process version = new ProcessBuilder(java(), "-jar", JAR.toString(), "--version").start();
        assertThat(new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).startsWith("lankit ");
        assertThat(version.waitFor()).isZero();

        Process usage = new ProcessBuilder(java(), "-jar", JAR.toString(), "--port", "99999").start();
        assertThat(new String(usage.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).contains("--port must be between 0 and 65535");
        assertThat(usage.waitFor()).isEqualTo(Main.USAGE);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int joinPort(Process p) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = out.readLine()) != null; ) {
            Matcher m = JOIN_URL.matcher(line);
            if (m.find()) return Integer.parseInt(m.group(1));
        }
        throw new AssertionError("the jar printed no join URL");
    }
}
