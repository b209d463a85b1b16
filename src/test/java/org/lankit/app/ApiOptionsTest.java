package org.lankit.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lankit.upstream.ApiTarget;
import org.lankit.upstream.TargetKind;
import org.lankit.upstream.TargetSettings;

/** The {@code --api-*} options become target {@code main}, laid over what the data folder remembers. */
class ApiOptionsTest {

    private static final String COUCH = "http://127.0.0.1:5984/lankit";

    @ParameterizedTest
    @CsvSource({"json, JSON", "openrosa, OPENROSA", "couchdb, COUCHDB", "CouchDB, COUCHDB"})
    void each_kind_on_the_command_line_becomes_the_main_targets_kind(String given, TargetKind expected) {
        TargetSettings main = target(Map.of(), "--api-kind", given, "--api-url", COUCH).orElseThrow();

        assertThat(main.id()).isEqualTo(TargetSettings.MAIN);
        assertThat(main.kind()).isEqualTo(expected);
        assertThat(main.server().url()).isEqualTo(URI.create(COUCH));
    }

    @Test
    void without_a_kind_an_address_is_lankits_own_json_api() {
        TargetSettings main = target(Map.of(), "--api-url", "https://api.example.org/v1/entries", "--api-token", "T0k3n-for-the-api")
                .orElseThrow();

        assertThat(main.kind()).isEqualTo(TargetKind.JSON);
        assertThat(main.server().token()).isEqualTo("T0k3n-for-the-api");
    }

    @Test
    void the_password_comes_from_the_environment_so_it_need_not_be_on_the_command_line() {
        Map<String, String> env = Map.of(ApiOptions.PASSWORD_VARIABLE, "from the environment");

        TargetSettings main = target(env, "--api-kind", "couchdb", "--api-url", COUCH, "--api-user", "lankit").orElseThrow();

        assertThat(main.server().user()).isEqualTo("lankit");
        assertThat(main.server().password()).isEqualTo("from the environment");
    }

    @Test
    void a_password_on_the_command_line_wins_over_the_environment() {
        Map<String, String> env = Map.of(ApiOptions.PASSWORD_VARIABLE, "from the environment");

        TargetSettings main = target(env, "--api-url", COUCH, "--api-user", "lankit", "--api-password", "typed").orElseThrow();

        assertThat(main.server().password()).isEqualTo("typed");
    }

    @Test
    void each_api_form_maps_a_lankit_form_to_the_servers_form_id_and_the_others_keep_their_own() {
        TargetSettings main = target(Map.of(), "--api-kind", "openrosa", "--api-url", "https://kc.kobotoolbox.org/ann",
                "--api-form", "household=hh_2024", "--api-form", "water=water_points").orElseThrow();

        assertThat(main.forms()).containsExactlyInAnyOrderEntriesOf(Map.of("household", "hh_2024", "water", "water_points"));
        assertThat(main.serverFormId("household")).isEqualTo("hh_2024");
        assertThat(main.serverFormId("clinic")).isEqualTo("clinic");
    }

    @Test
    void without_any_api_option_the_remembered_server_stays_as_it_is() {
        assertThat(options(Map.of()).over(Optional.of(remembered()))).isEmpty();
        assertThat(options(Map.of()).given()).isFalse();
    }

    @Test
    void what_is_not_given_keeps_its_remembered_value_and_given_forms_replace_the_remembered_ones() {
        TargetSettings main = options(Map.of(), "--api-user", "bea", "--api-form", "clinic=clinic_v3")
                .over(Optional.of(remembered())).orElseThrow();

        assertThat(main.kind()).isEqualTo(TargetKind.OPENROSA);
        assertThat(main.server().url()).isEqualTo(remembered().server().url());
        assertThat(main.server().user()).isEqualTo("bea");
        assertThat(main.server().password()).isEqualTo("remembered password");
        assertThat(main.forms()).isEqualTo(Map.of("clinic", "clinic_v3"));
    }

    @Test
    void a_user_with_no_server_anywhere_is_told_to_give_the_address_too() {
        assertThatThrownBy(() -> options(Map.of(), "--api-user", "bea").over(Optional.empty()))
                .isInstanceOf(ApiOptions.NoServer.class)
                .hasMessage("no team server is set up yet, so the other --api options need --api-url as well");
    }

    @Test
    void a_password_in_the_environment_with_no_server_set_up_changes_nothing() {
        ApiOptions api = options(Map.of(ApiOptions.PASSWORD_VARIABLE, "exported everywhere"));

        assertThat(api.over(Optional.empty())).isEmpty();
    }

    @Test
    void a_password_without_a_user_name_is_not_kept() {
        TargetSettings main = target(Map.of(ApiOptions.PASSWORD_VARIABLE, "exported everywhere"), "--api-url", COUCH).orElseThrow();

        assertThat(main.server().password()).isEmpty();
    }

    @Test
    void the_options_never_show_the_password_or_the_token() {
        ApiOptions api = options(Map.of(), "--api-url", COUCH, "--api-token", "T0k3n-for-the-api", "--api-user", "u",
                "--api-password", "pa55word-secret");

        assertThat(api.toString()).doesNotContain("T0k3n-for-the-api").doesNotContain("pa55word-secret");
    }

    private static TargetSettings remembered() {
        return new TargetSettings(TargetSettings.MAIN, TargetKind.OPENROSA,
                new ApiTarget(URI.create("https://kc.kobotoolbox.org/ann"), "", "ann", "remembered password"),
                Map.of("household", "hh_2024"));
    }

    private static Optional<TargetSettings> target(Map<String, String> env, String... args) {
        return options(env, args).over(Optional.empty());
    }

    private static ApiOptions options(Map<String, String> env, String... args) {
        LankitCommand command = new LankitCommand();
        Main.commandLine(command).parseArgs(args);
        ApiOptions api = command.toOptions(env).api();
        assertThat(api.problem()).as("the options are usable").isEmpty();
        return api;
    }
}
