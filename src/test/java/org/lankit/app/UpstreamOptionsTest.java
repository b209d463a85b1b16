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

    @Test
    void help_lists_the_team_server_options() {
        assertThat(run("--help")).isEqualTo(Main.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--api-kind", "json|openrosa|couchdb", "--api-user", "--api-password",
                "LANKIT_API_PASSWORD", "--api-form", "LANKIT_ID=SERVER_ID");
    }

    @Test
    void a_kind_lankit_cannot_upload_to_is_refused_in_one_line_naming_the_kinds() {
        assertThat(run("--headless", "--data-dir", dataDir.toString(), "--api-kind", "mongodb")).isEqualTo(Main.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(
                "lankit: Invalid value for option '--api-kind': 'mongodb' is not one of json, openrosa, couchdb (see --help)\n");
        assertThat(dataDir.resolve("db")).doesNotExist();
    }

    @Test
    void a_form_mapping_without_a_server_form_id_is_refused_in_one_line() {
        assertThat(run("--headless", "--data-dir", dataDir.toString(), "--api-form", "household=")).isEqualTo(Main.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).singleElement().asString()
                .startsWith("lankit: --api-form needs LANKIT_ID=SERVER_ID");
        assertThat(dataDir.resolve("db")).doesNotExist();
    }

    @Test
    void a_user_name_with_a_colon_is_refused_without_echoing_the_password_from_the_environment() {
        int code = Main.run(new String[] {"--headless", "--data-dir", dataDir.toString(), "--api-url", "https://couch.example.org/db",
            "--api-user", "ann:x"}, java.util.Map.of(ApiOptions.PASSWORD_VARIABLE, "pa55word-secret"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(Main.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("lankit: the user name may not hold a colon (see --help)\n");
    }

    @Test
    void a_user_name_with_no_team_server_anywhere_stops_the_start_in_one_line() {
        int code = run("--headless", "--role", "master", "--bind", "127.0.0.1", "--port", "0", "--data-dir", dataDir.toString(),
                "--api-user", "bea");

        assertThat(code).isEqualTo(Main.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("lankit: no team server is set up yet, so the other --api options need --api-url as well\n");
    }

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
