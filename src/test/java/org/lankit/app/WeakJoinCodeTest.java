package org.lankit.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.hub.HubConfig;
import org.lankit.pairing.JoinCode;
import org.lankit.pairing.JoinCodes;
import org.lankit.store.KitStore;
import org.lankit.testkit.CapturedLog;
import org.lankit.testkit.RawHttp;
import org.lankit.testkit.RunningMaster;

/** A join code anyone could guess ("", "1", "-") never opens the master, even one remembered from before. */
class WeakJoinCodeTest {

    @TempDir
    Path dataDir;

    @Test
    void a_remembered_weak_join_code_is_replaced_at_the_next_start_and_the_start_says_so() {
        try (KitStore store = KitStore.open(dataDir); CapturedLog log = CapturedLog.of("org.lankit.app.MasterKit")) {
            new JoinCodeSecrets(store.secrets()).keep(new JoinCodes("1", "LAPTOP-CODE-77"));
            KitOptions options = new KitOptions(true, Role.MASTER, 0, dataDir, "Team", null, null, null, null).withBind("127.0.0.1");
            try (MasterKit kit = MasterKit.start(store, options, HubConfig.defaults().withAnnouncement(false).withAddress("127.0.0.1", 0))) {
                assertThat(kit.joinCode()).isNotEqualTo("1");
                assertThat(JoinCode.weakness(kit.joinCode())).isEmpty();
                assertThat(new JoinCodeSecrets(store.secrets()).phone()).contains(kit.joinCode());
                assertThat(kit.startNotice()).hasValueSatisfying(notice -> assertThat(notice)
                        .startsWith("The join code was too weak").endsWith("phones now join with " + kit.joinCode() + "."));
                assertThat(log.lines(Level.WARN)).as("the log says it too").anySatisfy(line -> assertThat(line)
                        .contains("The join code was too weak").endsWith(kit.joinCode() + "."));

                String base = "http://127.0.0.1:" + kit.hub().port();
                for (String guess : new String[] {"1", "", " ", "-"}) {
                    assertThat(RawHttp.post(base + "/api/v1/pair", null, "{\"code\":\"" + guess + "\",\"name\":\"Guesser\"}").status())
                            .as("code '%s'", guess).isEqualTo(403);
                }
                assertThat(store.devices().count()).isZero();
            }
        }
    }

    @Test
    void the_test_code_and_random_codes_are_strong_enough_and_short_or_repetitive_ones_are_not() {
        assertThat(JoinCode.weakness(RunningMaster.JOIN_CODE)).isEmpty();
        assertThat(JoinCode.weakness(JoinCode.random())).isEmpty();
        assertThat(JoinCode.weakness("k7m2 qx4p")).isEmpty();
        for (String weak : new String[] {"", " ", "-", "1", "ABC-1234".substring(0, 7), "1212-1212", "AAAAAAAA", "TEST_CODE"}) {
            assertThat(JoinCode.weakness(weak)).as("'%s'", weak).isPresent();
        }
    }
}
