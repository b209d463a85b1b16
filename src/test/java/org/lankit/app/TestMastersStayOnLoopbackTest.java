package org.lankit.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.hub.HubConfig;
import org.lankit.store.KitStore;

/**
 * No test master answers or announces itself on the machine's real network: the test build sets
 * a guard that every master (in this JVM or a jar a test starts) obeys, refusing to listen on
 * every address.
 */
class TestMastersStayOnLoopbackTest {

    @TempDir
    Path dataDir;

    @Test
    void the_test_build_sets_the_guard_that_jars_started_by_tests_inherit() {
        assertThat(System.getenv("LANKIT_TEST_NETWORK_GUARD")).as("set by surefire and failsafe in pom.xml").isNotNull();
    }

    @Test
    void a_test_master_asked_to_listen_on_every_address_refuses_to_start() {
        try (KitStore store = KitStore.open(dataDir)) {
            KitOptions everywhere = new KitOptions(true, Role.MASTER, 0, dataDir, "Team", null, null, null, null);

            assertThatThrownBy(() -> MasterKit.start(store, everywhere, HubConfig.defaults().withAnnouncement(false)))
                    .isInstanceOf(CannotListenException.class).hasMessageContaining("--bind 127.0.0.1");
        }
    }
}
