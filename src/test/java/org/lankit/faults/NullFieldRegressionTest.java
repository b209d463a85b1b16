package org.lankit.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.sync.EntryForm;
import org.lankit.sync.Json;
import org.lankit.sync.Protocol.PushRequest;
import org.lankit.testkit.Entries;
import org.lankit.testkit.PairedDevice;
import org.lankit.testkit.RawHttp;
import org.lankit.testkit.RawHttp.Answer;
import org.lankit.testkit.RunningMaster;

/** Found by HubFuzzTest: a field sent as null made the validator throw, and the hub answered 500. */
class NullFieldRegressionTest {

    @TempDir
    Path dataDir;

    @Test
    void a_field_sent_as_null_is_refused_with_its_name_and_nothing_is_stored() throws Exception {
        try (RunningMaster master = RunningMaster.start(dataDir)) {
            PairedDevice phone = master.pair("Phone");
            // as a v1 device would send it: a field is an object, and this one is null
            ObjectNode body = (ObjectNode) Json.MAPPER.readTree(EntryForm.V1.writer()
                    .writeValueAsBytes(new PushRequest(List.of(Entries.household(phone.clock(), "Ana", 2)))));
            ((ObjectNode) body.get("entries").get(0).get("fields")).putNull("respondent");

            Answer answer = RawHttp.post(master.baseUrl() + "/api/v1/sync/push", phone.token(), body.toString());

            assertThat(answer.status()).isEqualTo(422);
            assertThat(answer.json().path("results").get(0).path("status").asText()).isEqualTo("rejected");
            assertThat(answer.json().path("results").get(0).path("error").asText()).contains("respondent");
            assertThat(master.store().entryCount()).isZero();
            assertThat(master.store().lastSeq()).isZero();
        }
    }
}
