package org.lankit.peer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lankit.sync.Json;
import org.lankit.sync.Protocol.UpstreamStatus;
import org.lankit.testkit.WireVectors;

/**
 * The laptop's mark rule against the shared vectors (the phone passes the same ones in
 * PhoneReceiptsTest), with the status read as the laptop reads a master's answer.
 */
class ReceiptVectorsTest {

    private static final JsonNode VECTORS = WireVectors.all(WireVectors.RECEIPTS);

    @Test
    void every_case_gets_the_mark_the_vectors_name() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (JsonNode c : VECTORS.path("cases")) {
            JsonNode entry = c.path("entry");
            EntryMark mark = EntryMark.of(entry.path("uuid").asText(), entry.path("seq").asLong(),
                    entry.path("pending").asBoolean(), entry.path("refused").asBoolean(), receipts(c.path("upstream")));
            if (!mark.wireName().equals(c.path("mark").asText())) wrong.add(c.path("name").asText() + ": " + mark.wireName());
        }
        assertThat(wrong).isEmpty();
        assertThat(VECTORS.path("cases").size()).isGreaterThanOrEqualTo(12);
    }

    @Test
    void the_vectors_name_every_mark() {
        List<String> named = new ArrayList<>();
        VECTORS.path("cases").forEach(c -> named.add(c.path("mark").asText()));
        for (EntryMark mark : EntryMark.values()) assertThat(named).contains(mark.wireName());
    }

    /** As MasterClient reads /status: properties a newer master adds are skipped, missing ones are 0 or empty. */
    private static Receipts receipts(JsonNode upstream) throws IOException {
        if (upstream.isNull() || upstream.isMissingNode()) return Receipts.of(null);
        UpstreamStatus status = Json.MAPPER.readerFor(UpstreamStatus.class)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).treeToValue(upstream, UpstreamStatus.class);
        return Receipts.of(status);
    }
}
