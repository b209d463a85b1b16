package org.lankit.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.testkit.CapturedLog;

class CommandLineTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @ParameterizedTest
    @ValueSource(strings = {"--bogus", "--role=boss", "--port=abc", "--port=70000", "--master=not-a-url", "--port",
        "--https-port=-1", "--https-port=x", "--api-kind=mongodb", "--api-form=household"})
    void a_bad_option_gives_exit_code_2_and_a_one_line_reason(String option) {
        int code = run(option);
        assertThat(code).isEqualTo(2);
        String message = err.toString(StandardCharsets.UTF_8);
        assertThat(message.lines()).hasSize(1);
        assertThat(message).startsWith("lankit: ").contains("--help");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", " ", "-", "AB-12", "AAAA-AAAA", "k7m2 qx4é"})
    @Timeout(20) // before codes were checked, such a master started and ran until stopped
    void a_weak_join_code_for_the_master_is_refused_at_start_with_one_line(String code, @TempDir Path dataDir) {
        int exit = run("--headless", "--role", "master", "--bind", "127.0.0.1", "--port", "0", "--data-dir", dataDir.toString(),
                "--join-code", code);

        assertThat(exit).isEqualTo(2);
        String message = err.toString(StandardCharsets.UTF_8);
        assertThat(message.lines()).hasSize(1);
        assertThat(message).startsWith("lankit: --join-code is too weak: a join code ").endsWith("(see --help)\n");
    }

    @Test
    void help_lists_every_option() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--headless", "--role", "--port", "--https-port", "--data-dir", "--name",
                "--join-code", "--master", "--api-url", "--api-token", "--api-kind", "--api-user", "--api-password", "--api-form",
                "--version");
    }

    @Test
    void the_same_port_for_both_listeners_is_refused() {
        assertThat(run("--port", "9000", "--https-port", "9000")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("lankit: --port and --https-port must differ (see --help)\n");
    }

    @Test
    void a_bind_address_this_computer_does_not_have_is_said_plainly(@TempDir Path dataDir) {
        // binding is local: nothing is sent anywhere, the system just refuses an address it does not own
        int code;
        try (CapturedLog javalin = CapturedLog.of("io.javalin.Javalin")) {
            code = run("--headless", "--role", "master", "--bind", "10.254.254.254", "--port", "0", "--data-dir", dataDir.toString());
            assertThat(javalin.lines(Level.ERROR)).as("the web server's own words, kept from the coordinator").isNotEmpty();
        }

        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8).strip())
                .isEqualTo("lankit: This computer has no network address 10.254.254.254 (--bind): connect it to that network, "
                        + "or start without --bind.");
    }

    @Test
    void version_prints_the_version() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("lankit ");
    }

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
