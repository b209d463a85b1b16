package org.lankit.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.store.StoredChange;
import org.lankit.sync.Entry;
import org.lankit.sync.Json;
import org.lankit.testkit.Entries;
import org.lankit.testkit.PairedDevice;
import org.lankit.testkit.RawHttp;
import org.lankit.testkit.RawHttp.Answer;
import org.lankit.testkit.RunningMaster;

/** A pull with {@code format=2} copies each entry's stored JSON into the answer; the page is the same as without it. */
class StoredFormPullTest {

    @TempDir
    Path dataDir;
    private RunningMaster master;
    private PairedDevice phone;

    @BeforeEach
    void start() throws Exception {
        master = RunningMaster.start(dataDir, 0, HubConfig.defaults().withAnnouncement(false).withRateLimit(10_000, 10_000));
        phone = master.pair("Phone");
        List<Entry> typed = new ArrayList<>();
        for (int i = 0; i < 30; i++) typed.add(Entries.household(phone.clock(), "Respondent " + i, 1 + i));
        phone.client().push(typed);
        phone.client().push(List.of(typed.get(3), typed.get(12)));
    }

    @AfterEach
    void stop() {
        master.close();
    }

    @Test
    void a_pull_in_format_2_holds_the_stored_json_of_each_entry_and_the_same_page_as_a_v1_pull() throws Exception {
        Answer v1 = RawHttp.get(master.baseUrl() + "/api/v1/sync/pull?since=5&limit=10", phone.token());
        Answer v2 = RawHttp.get(master.baseUrl() + "/api/v1/sync/pull?since=5&limit=10&format=2", phone.token());
        assertThat(v1.status()).isEqualTo(200);
        assertThat(v2.status()).isEqualTo(200);
        assertThat(v2.raw().headers().firstValue("Content-Type").orElse("")).contains("application/json");

        List<StoredChange> stored = master.store().storedChangesAfter(5, 10);
        assertThat(stored).hasSize(10);
        for (StoredChange change : stored) assertThat(v2.body()).contains(change.json());

        assertThat(entries(v2)).isEqualTo(entries(v1)).hasSize(10);
        assertThat(v2.json().path("lastSeq")).isEqualTo(v1.json().path("lastSeq"));
        assertThat(v2.json().path("more").asBoolean()).isTrue();
        assertThat(v1.json().path("more").asBoolean()).isTrue();
    }

    @Test
    void the_last_page_says_no_more_and_an_empty_one_keeps_the_checkpoint() {
        long last = master.store().lastSeq();
        Answer tail = RawHttp.get(master.baseUrl() + "/api/v1/sync/pull?since=" + (last - 2) + "&format=2", phone.token());
        assertThat(tail.json().path("entries").size()).isEqualTo(2);
        assertThat(tail.json().path("more").asBoolean()).isFalse();
        assertThat(tail.json().path("lastSeq").asLong()).isEqualTo(last);
        Answer empty = RawHttp.get(master.baseUrl() + "/api/v1/sync/pull?since=" + last + "&format=2", phone.token());
        assertThat(empty.json().path("entries").size()).isZero();
        assertThat(empty.json().path("lastSeq").asLong()).isEqualTo(last);
    }

    @Test
    void an_unknown_format_gets_400_saying_which_formats_there_are() {
        Answer answer = RawHttp.get(master.baseUrl() + "/api/v1/sync/pull?since=0&format=3", phone.token());
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("detail").asText()).isEqualTo("format must be 1 or 2");
        assertThat(answer.body()).doesNotContain("Exception");
    }

    private static List<Entry> entries(Answer answer) throws Exception {
        List<Entry> out = new ArrayList<>();
        for (JsonNode e : answer.json().path("entries")) out.add(Json.MAPPER.treeToValue(e, Entry.class));
        return out;
    }
}
