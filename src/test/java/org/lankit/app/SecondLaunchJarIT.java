package org.lankit.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built jar started twice on one data folder, as two real processes: the second says where the first runs. */
class SecondLaunchJarIT {

    private static final Pattern JOIN_URL = Pattern.compile("Join URL: (http://\\S+)");

    @TempDir
    Path dataDir;

    @Test
    void a_second_process_on_the_same_folder_says_in_one_line_where_the_first_runs_and_exits_with_1() throws Exception {
        Process first = jar("--headless", "--role", "master", "--port", "0", "--https-port", "0", "--bind", "127.0.0.1",
                "--data-dir", dataDir.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String joinUrl = joinUrl(first);

            Process second = jar("--headless", "--port", "0", "--bind", "127.0.0.1", "--data-dir", dataDir.toString()).start();
            assertThat(second.waitFor(60, TimeUnit.SECONDS)).as("the second launch ended by itself").isTrue();
            String out = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            List<String> err = new String(second.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();

            assertThat(second.exitValue()).isEqualTo(1);
            assertThat(out).as("no second kit started").doesNotContain("Join URL");
            assertThat(err).isNotEmpty();
            assertThat(err.get(err.size() - 1))
                    .isEqualTo("lankit: Lankit is already running with this data folder: phones join at " + joinUrl + ".");
            assertThat(String.join("\n", err)).doesNotContain("--data-dir");
            assertThat(first.isAlive()).as("the first kit runs on").isTrue();
        } finally {
            first.destroy();
            if (!first.waitFor(30, TimeUnit.SECONDS)) first.destroyForcibly();
        }
    }

    private static ProcessBuilder jar(String... args) {
        Path jar = Path.of(System.getProperty("lankit.jar", "target/lankit.jar"));
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    private static String joinUrl(Process p) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String line;
        while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
            Matcher m = JOIN_URL.matcher(line);
            if (m.find()) {
                // the first keeps writing: its output must not fill the pipe while the test waits
                Thread drain = new Thread(() -> {
                    try {
                        out.transferTo(java.io.Writer.nullWriter());
                    } catch (java.io.IOException ignored) {
                        // the process ended
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return m.group(1);
            }
        }
        throw new AssertionError("the first jar printed no join URL");
    }
}
