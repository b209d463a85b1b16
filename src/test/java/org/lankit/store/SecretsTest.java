package org.lankit.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTest {

    @TempDir
    Path dataDir;

    @Test
    void a_secret_survives_a_restart_and_the_database_file_does_not_show_it() throws Exception {
        try (KitStore store = KitStore.open(dataDir)) {
            store.secrets().put("upstream.token", "tok-visible-nowhere-8812");
        }
        try (KitStore store = KitStore.open(dataDir)) {
            assertThat(store.secrets().get("upstream.token")).contains("tok-visible-nowhere-8812");
            store.secrets().remove("upstream.token");
            assertThat(store.secrets().get("upstream.token")).isEmpty();
        }
        String database = new String(Files.readAllBytes(dataDir.resolve("db/data.mdb")), StandardCharsets.ISO_8859_1);
        assertThat(database).doesNotContain("tok-visible-nowhere-8812");
    }

    @Test
    void the_team_keeps_its_id_across_restarts_and_a_take_over_raises_only_the_epoch() {
        TeamIdentity first;
        try (KitStore store = KitStore.open(dataDir)) {
            first = store.team();
            assertThat(first.epoch()).isEqualTo(1);
        }
        try (KitStore store = KitStore.open(dataDir)) {
            assertThat(store.team()).isEqualTo(first);
            store.setTeam(first.next());
        }
        try (KitStore store = KitStore.open(dataDir)) {
            assertThat(store.team()).isEqualTo(new TeamIdentity(first.teamId(), 2));
        }
    }
}
