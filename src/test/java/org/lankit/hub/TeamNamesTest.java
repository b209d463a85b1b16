package org.lankit.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.sync.Json;
import org.lankit.testkit.PairedDevice;
import org.lankit.testkit.RawHttp;
import org.lankit.testkit.RawHttp.Answer;
import org.lankit.testkit.RunningMaster;

/** GET /api/v1/team/names: a paired phone learns its teammates' names, and nothing else about them. */
class TeamNamesTest {

    @TempDir
    Path dataDir;
    private RunningMaster master;
    private PairedDevice amina;
    private PairedDevice bo;

    @BeforeEach
    void twoWorkersJoined() throws Exception {
        master = RunningMaster.start(dataDir);
        amina = master.pair("Amina");
        bo = master.pair("Bo");
    }

    @AfterEach
    void stop() {
        master.close();
    }

    private Answer names(String token) {
        return RawHttp.get(master.baseUrl() + "/api/v1/team/names", token);
    }

    @Test
    void a_paired_phone_gets_each_teammates_name_by_device_id_and_nothing_more() {
        Answer answer = names(amina.token());

        assertThat(answer.status()).isEqualTo(200);
        JsonNode body = answer.json();
        assertThat(fieldNames(body)).containsExactlyInAnyOrder("names", "time");
        assertThat(Json.MAPPER.convertValue(body.get("names"), Map.class))
                .isEqualTo(Map.of(amina.deviceId(), "Amina", bo.deviceId(), "Bo"));
        assertThat(answer.body()).doesNotContain(amina.token(), bo.token(), "phone", "secure", "lastSeen");
    }

    @Test
    void a_removed_worker_keeps_a_name_under_the_entries_they_made() {
        master.store().devices().revoke(bo.deviceId());

        assertThat(names(amina.token()).json().get("names").get(bo.deviceId()).asText()).isEqualTo("Bo");
    }

    @Test
    void a_device_waiting_for_approval_learns_no_names_and_is_named_to_nobody() throws Exception {
        master.store().settings().put(PairingService.APPROVE_NEW_DEVICES, "true");
        PairedDevice stranger = master.pair("Stranger");

        Answer refused = names(stranger.token());

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("error").asText()).isEqualTo("awaiting_approval");
        assertThat(refused.body()).doesNotContain("Amina", "Bo");
        assertThat(names(amina.token()).json().get("names").has(stranger.deviceId())).isFalse();
    }

    @Test
    void a_lying_device_without_a_valid_token_learns_no_names() {
        String revokedToken = bo.token();
        master.store().devices().revoke(bo.deviceId());
        String madeUp = amina.token().substring(0, amina.token().length() - 2) + "xx";

        for (String token : List.of("", madeUp, revokedToken, amina.deviceId(), "x".repeat(300))) {
            Answer refused = names(token);
            assertThat(refused.status()).as("token %s", token).isEqualTo(401);
            assertThat(refused.body()).doesNotContain("Amina", amina.deviceId());
        }
        Answer withoutToken = names(null);
        assertThat(withoutToken.status()).isEqualTo(401);
        assertThat(withoutToken.body()).doesNotContain("Amina");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
