package org.lankit.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lankit.sync.Entry;
import org.lankit.sync.EntryForm;
import org.lankit.sync.Json;
import org.lankit.testkit.WireVectors;

/**
 * The master's entry codec against the shared vectors (the phone passes the same ones in
 * PhoneWireTest): both forms read to the same entry, the compact form is written exactly
 * as the vectors say, and bad input is refused in the words a device gets in its 400.
 */
class EntryWireVectorsTest {

    private static final JsonNode VECTORS = WireVectors.all();

    @Test
    void both_forms_read_to_the_entry_the_vectors_name() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (JsonNode c : VECTORS.path("decode")) {
            Entry entry = Json.MAPPER.treeToValue(c.path("input"), Entry.class);
            JsonNode asV1 = Json.MAPPER.readTree(EntryForm.V1.writer().writeValueAsBytes(entry));
            if (!asV1.equals(c.path("entry"))) wrong.add(c.path("name").asText() + ": " + asV1);
        }
        assertThat(wrong).isEmpty();
        assertThat(VECTORS.path("decode").size()).isGreaterThanOrEqualTo(8);
    }

    @Test
    void the_compact_form_is_written_as_the_vectors_say_and_reads_back_to_the_same_entry() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (JsonNode c : VECTORS.path("encode")) {
            Entry entry = Json.MAPPER.treeToValue(c.path("entry"), Entry.class);
            String v2 = Json.MAPPER.writeValueAsString(entry);
            if (!Json.MAPPER.readTree(v2).equals(c.path("v2"))) wrong.add(c.path("name").asText() + ": " + v2);
            if (!Json.MAPPER.readValue(v2, Entry.class).equals(entry)) wrong.add(c.path("name").asText() + ": does not read back");
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void v1_is_written_byte_for_byte_as_before_the_compact_form() throws Exception {
        JsonNode stored = VECTORS.path("decode").get(4).path("input");
        Entry entry = Json.MAPPER.treeToValue(stored, Entry.class);
        // the order older readers saw: the record's components, by after hlc, base last
        assertThat(EntryForm.V1.writer().writeValueAsString(entry)).startsWith(
                "{\"uuid\":\"5d1b2c3d-0000-4000-8000-000000000002\",\"formId\":\"household_visit\",\"formVersion\":2,"
                        + "\"fields\":{\"household_size\":{\"value\":5,\"hlc\":\"1764063000500-000000-6f8cb34db454\",\"by\":\"6f8cb34db454\"},")
                .contains("\"createdAt\":1764063000000,\"createdBy\":\"a1b2c3d4e5f6\",\"seq\":42,\"conflicts\":[{\"field\":\"village\"");
    }

    @Test
    void bad_input_is_refused_in_the_words_the_vectors_give() {
        List<String> wrong = new ArrayList<>();
        for (JsonNode c : VECTORS.path("invalid")) {
            JsonProcessingException refused = catchThrowableOfType(JsonProcessingException.class,
                    () -> Json.MAPPER.treeToValue(c.path("input"), Entry.class));
            String said = refused == null ? "nothing: it was read" : JsonProblem.describe(refused);
            if (!said.equals(c.path("error").asText())) wrong.add(c.path("name").asText() + ": " + said);
        }
        assertThat(wrong).isEmpty();
        assertThat(VECTORS.path("invalid").size()).isGreaterThanOrEqualTo(10);
    }
}
