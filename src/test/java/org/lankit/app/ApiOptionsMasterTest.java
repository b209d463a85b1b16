package org.lankit.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.hub.HubConfig;
import org.lankit.store.KitStore;
import org.lankit.upstream.ApiSettings;
import org.lankit.upstream.ApiTarget;
import org.lankit.upstream.TargetKind;
import org.lankit.upstream.TargetSettings;

/** The {@code --api-*} options reach a real master's uploads, are remembered, and a later start changes only what it names. */
class ApiOptionsMasterTest {

    private static final String ADDRESS = "http://127.0.0.1:9/v1/entries";

    @TempDir
    Path dataDir;

    @Test
    void the_command_lines_server_becomes_target_main_and_a_later_start_with_only_a_token_keeps_the_rest() {
        TargetSettings first = started("--api-url", ADDRESS, "--api-token", "first-token-1234", "--api-form", "household=hh_2024");

        assertThat(first).isEqualTo(new TargetSettings(TargetSettings.MAIN, TargetKind.JSON,
                new ApiTarget(URI.create(ADDRESS), "first-token-1234"), Map.of("household", "hh_2024")));

        TargetSettings second = started("--api-token", "second-token-5678");

        assertThat(second.server().url()).isEqualTo(URI.create(ADDRESS));
        assertThat(second.server().token()).isEqualTo("second-token-5678");
        assertThat(second.forms()).isEqualTo(Map.of("household", "hh_2024"));

        assertThat(started()).as("a start without --api options keeps the remembered server").isEqualTo(second);
    }

    @Test
    void a_couchdb_server_with_the_password_from_the_environment_becomes_target_main() {
        TargetSettings main = started(Map.of(ApiOptions.PASSWORD_VARIABLE, "from-the-environment"),
                "--api-kind", "couchdb", "--api-url", "http://127.0.0.1:9/survey", "--api-user", "lankit");

        assertThat(main).isEqualTo(new TargetSettings(TargetSettings.MAIN, TargetKind.COUCHDB,
                new ApiTarget(URI.create("http://127.0.0.1:9/survey"), "", "lankit", "from-the-environment"), Map.of()));
    }

    private TargetSettings started(String... apiOptions) {
        return started(Map.of(), apiOptions);
    }

    /** Starts a master on the data folder with these options and returns its one target, as remembered. */
    private TargetSettings started(Map<String, String> env, String... apiOptions) {
        LankitCommand command = new LankitCommand();
        String[] args = new String[apiOptions.length + 2];
        args[0] = "--port";
        args[1] = "0";
        System.arraycopy(apiOptions, 0, args, 2, apiOptions.length);
        Main.commandLine(command).parseArgs(args);
        KitOptions options = command.toOptions(env).withDataDir(dataDir);
        try (KitStore store = KitStore.open(dataDir);
             MasterKit kit = MasterKit.start(store, options, HubConfig.defaults().withAddress("127.0.0.1", 0).withAnnouncement(false))) {
            assertThat(ApiSettings.load(store)).as("remembered as running").isEqualTo(kit.uploads().targets());
            assertThat(kit.uploads().targets()).hasSize(1);
            return kit.uploads().targets().get(0);
        }
    }
}
