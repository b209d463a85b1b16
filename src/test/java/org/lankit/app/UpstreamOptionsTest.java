package org.lankit.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpstreamOptionsTest {

    @TempDir
    Path dataDir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void help_lists_the_api_options_and_retry_failed() {
        assertThat(run("--help")).isEqualTo(Main.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--api-url").contains("--api-token").contains("--retry-failed");
    }

    @Test
    void an_api_address_that_is_not_http_is_refused_before_anything_starts() {
        assertThat(run("--headless", "--data-dir", dataDir.toString(), "--api-url", "ftp://api.example.org")).isEqualTo(Main.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("must look like https://");
        assertThat(dataDir.resolve("db")).doesNotExist();
    }

    @Test
    void a_token_with_spaces_is_refused_without_echoing_it() {
        assertThat(run("--headless", "--data-dir", dataDir.toString(), "--api-url", "https://api.example.org/e",
                "--api-token", "secret with spaces")).isEqualTo(Main.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("token").doesNotContain("secret with spaces");
    }

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
