package org.lankit.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.sync.Entry;
import org.lankit.sync.Json;
import org.lankit.sync.Protocol.PushRequest;
import org.lankit.testkit.Entries;
import org.lankit.testkit.PairedDevice;
import org.lankit.testkit.RawHttp;
import org.lankit.testkit.RawHttp.Answer;
import org.lankit.testkit.RawSocket;
import org.lankit.testkit.RunningMaster;

/** Missing auth, bad codes and bad bodies get a clear JSON error, and nothing is stored. */
class HubRefusesBadRequestsTest {

    private static final List<String> PROTECTED_GETS = List.of("/api/v1/forms", "/api/v1/sync/pull?since=0", "/api/v1/status");

    @TempDir
    Path dataDir;
    private RunningMaster master;
    private PairedDevice phone;

    @BeforeEach
    void start() throws Exception {
        master = RunningMaster.start(dataDir);
        phone = master.pair("Phone");
    }

    @AfterEach
    void stop() {
        master.close();
    }

    @Test
    void every_protected_endpoint_answers_401_without_a_token_with_a_wrong_one_and_with_a_revoked_one() throws Exception {
        PairedDevice revoked = master.pair("Lost phone");
        master.store().devices().revoke(revoked.deviceId());
        for (String token : new String[] {null, "wrong-token", revoked.token()}) {
            for (String path : PROTECTED_GETS) {
                assertError(RawHttp.get(master.baseUrl() + path, token), 401, "unauthorized");
            }
            assertError(RawHttp.post(master.baseUrl() + "/api/v1/sync/push", token, body(List.of())), 401, "unauthorized");
        }
        assertThat(RawHttp.get(master.baseUrl() + "/api/v1/status", phone.token()).status()).isEqualTo(200);
    }

    @Test
    void a_wrong_join_code_gets_403_and_pairs_nothing() {
        long before = master.store().devices().count();
        Answer answer = RawHttp.post(master.baseUrl() + "/api/v1/pair", null, "{\"code\":\"WRONG-CODE\",\"name\":\"x\",\"kind\":\"phone\"}");
        assertError(answer, 403, "wrong_join_code");
        assertThat(answer.json().path("detail").asText()).contains("QR code");
        assertThat(master.store().devices().count()).isEqualTo(before);
    }

    @Test
    void malformed_json_wrong_types_and_unknown_fields_get_400_and_store_nothing() {
        String push = master.baseUrl() + "/api/v1/sync/push";
        assertError(RawHttp.post(push, phone.token(), "{\"entries\": [ {"), 400, "bad_json");
        assertError(RawHttp.post(push, phone.token(), "{\"entries\": \"all of them\"}"), 400, "bad_json");
        assertError(RawHttp.post(push, phone.token(), "{\"entries\": [], \"sneaky\": 1}"), 400, "bad_json");
        assertError(RawHttp.post(push, phone.token(), "{\"entries\": [{\"uuid\": 12, \"formVersion\": \"1\"}]}"), 400, "bad_json");
        assertError(RawHttp.post(push, phone.token(), "[".repeat(5000)), 400, "bad_json");
        assertError(RawHttp.post(push, phone.token(), new byte[] {'{', (byte) 0xff, (byte) 0xfe, '}'}), 400, "bad_json");
        assertError(RawHttp.get(master.baseUrl() + "/api/v1/sync/pull?since=abc", phone.token()), 400, "bad_request");
        assertThat(master.store().entryCount()).isZero();
        assertThat(master.store().lastSeq()).isZero();
    }

    @Test
    void an_entry_without_the_master_only_parts_seq_and_conflicts_is_accepted() throws Exception {
        var json = (com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.valueToTree(Entries.household(phone.clock(), "Grace", 3));
        json.remove(List.of("seq", "conflicts", "settled"));
        Answer answer = RawHttp.post(master.baseUrl() + "/api/v1/sync/push", phone.token(), "{\"entries\":[" + json + "]}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("results").get(0).path("status").asText()).isEqualTo("applied");
    }

    @Test
    void a_body_declared_larger_than_the_cap_gets_413_before_it_is_sent_and_stores_nothing() throws Exception {
        // A careful client asks first (Expect: 100-continue); the hub refuses on the declared size alone.
        String head = "POST /api/v1/sync/push HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + phone.token()
                + "\r\nContent-Type: application/json\r\nContent-Length: " + 5 * 1024 * 1024
                + "\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n";
        RawSocket.Reply reply = RawSocket.sendExactly(master.port(), head.getBytes(StandardCharsets.ISO_8859_1), false);
        assertThat(reply.status()).as(reply.text()).isEqualTo(413);
        assertThat(Json.MAPPER.readTree(reply.body()).path("error").asText()).isEqualTo("too_large");
        assertThat(master.store().entryCount()).isZero();
    }

    @Test
    void a_chunked_body_without_a_length_is_cut_off_at_the_cap_with_413() throws Exception {
        int cap = 4 * 1024 * 1024;
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(("POST /api/v1/sync/push HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + phone.token()
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) ' ');
        for (int sent = 0; sent <= cap; sent += chunk.length) {
            request.writeBytes((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            request.writeBytes(chunk);
            request.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        request.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        RawSocket.Reply reply = RawSocket.sendExactly(master.port(), request.toByteArray(), true);
        assertThat(reply.status()).as(reply.text()).isEqualTo(413);
        assertThat(Json.MAPPER.readTree(reply.body()).path("error").asText()).isEqualTo("too_large");
        assertThat(master.store().entryCount()).isZero();
        assertThat(RawHttp.get(master.baseUrl() + "/api/v1/status", phone.token()).status()).isEqualTo(200);
    }

    @Test
    void a_body_past_the_cap_is_413_even_when_a_whole_batch_or_broken_json_comes_before_the_rest() throws Exception {
        // the body is parsed as it streams in: what follows the JSON still counts toward the cap
        String batch = body(List.of(Entries.household(phone.clock(), "Grace", 3)));
        for (String start : new String[] {batch, "{\"entries\": [x"}) {
            RawSocket.Reply reply = RawSocket.sendExactly(master.port(), chunkedPush(start, 4 * 1024 * 1024 + 1), true);
            assertThat(reply.status()).as(start + ": " + reply.text()).isEqualTo(413);
            assertThat(Json.MAPPER.readTree(reply.body()).path("error").asText()).isEqualTo("too_large");
        }
        assertThat(master.store().entryCount()).isZero();
    }

    @Test
    void a_body_cut_off_mid_batch_is_answered_as_incomplete_and_stores_nothing() throws Exception {
        byte[] whole = body(List.of(Entries.household(phone.clock(), "Grace", 3))).getBytes(StandardCharsets.UTF_8);
        String head = "POST /api/v1/sync/push HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + phone.token()
                + "\r\nContent-Type: application/json\r\nContent-Length: " + whole.length + "\r\n\r\n";
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
        request.write(whole, 0, whole.length / 2);
        RawSocket.Reply reply = RawSocket.sendExactly(master.port(), request.toByteArray(), true);
        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(reply.body()).path("error").asText()).isEqualTo("incomplete_request");
        assertThat(master.store().entryCount()).isZero();
        assertThat(RawHttp.get(master.baseUrl() + "/api/v1/status", phone.token()).status()).isEqualTo(200);
    }

    /** A chunked push: {@code start}, then spaces until {@code total} bytes. */
    private byte[] chunkedPush(String start, int total) {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(("POST /api/v1/sync/push HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + phone.token()
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        byte[] first = start.getBytes(StandardCharsets.UTF_8);
        writeChunk(request, first);
        byte[] spaces = new byte[64 * 1024];
        Arrays.fill(spaces, (byte) ' ');
        for (int sent = first.length; sent < total; sent += spaces.length) writeChunk(request, spaces);
        request.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return request.toByteArray();
    }

    private static void writeChunk(ByteArrayOutputStream out, byte[] chunk) {
        out.writeBytes((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(chunk);
        out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void an_entry_of_an_unknown_form_gets_422_and_is_not_stored() throws Exception {
        Entry e = Entries.household(phone.clock(), "Grace", 3);
        Entry foreign = new Entry(e.uuid(), "no_such_form", 1, e.fields(), null, e.createdAt(), e.createdBy(), 0, null, null);
        Answer answer = RawHttp.post(master.baseUrl() + "/api/v1/sync/push", phone.token(), body(List.of(foreign)));
        assertError(answer, 422, "rejected");
        assertThat(answer.json().path("results").get(0).path("status").asText()).isEqualTo("rejected");
        assertThat(master.store().entryCount()).isZero();
    }

    @Test
    void a_bad_entry_is_rejected_with_a_reason_while_the_rest_of_the_batch_applies() throws Exception {
        Entry good = Entries.household(phone.clock(), "Grace", 3);
        Entry tooBig = Entries.household(phone.clock(), "Juma", 51);
        Entry missingRequired = Entries.household(phone.clock(), "", 2);
        Answer answer = RawHttp.post(master.baseUrl() + "/api/v1/sync/push", phone.token(), body(List.of(good, tooBig, missingRequired)));
        assertThat(answer.status()).isEqualTo(200);
        var results = answer.json().path("results");
        assertThat(results.get(0).path("status").asText()).isEqualTo("applied");
        assertThat(results.get(1).path("status").asText()).isEqualTo("rejected");
        assertThat(results.get(1).path("error").asText()).as("named by the label the person saw")
                .isEqualTo("Household size must be at most 50");
        assertThat(results.get(2).path("error").asText()).isEqualTo("Respondent is required");
        assertThat(master.store().entryCount()).isEqualTo(1);
    }

    @Test
    void a_device_that_floods_gets_429_with_retry_after_while_another_device_is_still_served() throws Exception {
        // a low limit: at the default 50 requests a second one client asking in turn outruns the bucket
        // only while each answer takes under 13 ms, which a busy machine does not promise
        master.close();
        master = RunningMaster.start(dataDir, 0, HubConfig.defaults().withAnnouncement(false).withRateLimit(2, 10));
        phone = master.pair("Phone");
        PairedDevice calm = master.pair("Calm phone");
        AtomicInteger throttled = new AtomicInteger();
        String retryAfter = null;
        for (int i = 0; i < 300 && throttled.get() == 0; i++) {
            Answer a = RawHttp.get(master.baseUrl() + "/api/v1/sync/pull?since=0", phone.token());
            if (a.status() == 429) {
                throttled.incrementAndGet();
                retryAfter = a.raw().headers().firstValue("Retry-After").orElse(null);
                assertThat(a.json().path("error").asText()).isEqualTo("too_many_requests");
            }
        }
        assertThat(throttled.get()).isPositive();
        assertThat(retryAfter).isNotNull();
        assertThat(Long.parseLong(retryAfter)).isPositive();
        assertThat(RawHttp.get(master.baseUrl() + "/api/v1/sync/pull?since=0", calm.token()).status()).isEqualTo(200);
    }

    @Test
    void unknown_endpoints_and_methods_answer_json_without_stack_traces() {
        Answer unknown = RawHttp.get(master.baseUrl() + "/api/v1/nothing-here", phone.token());
        assertError(unknown, 404, "not_found");
        Answer wrongMethod = RawHttp.method("DELETE", master.baseUrl() + "/api/v1/sync/push", phone.token());
        assertThat(wrongMethod.status()).isBetween(400, 499);
        assertThat(wrongMethod.body()).doesNotContain("Exception").doesNotContain("at org.");
        assertThat(RawHttp.get(master.baseUrl() + "/api/v1/info", null).status()).isEqualTo(200);
    }

    private static String body(List<Entry> entries) throws Exception {
        return Json.MAPPER.writeValueAsString(new PushRequest(entries));
    }

    private static void assertError(Answer answer, int status, String error) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.raw().headers().firstValue("Content-Type").orElse("")).contains("application/json");
        assertThat(answer.json().path("error").asText()).isEqualTo(error);
        assertThat(answer.json().path("detail").asText()).isNotEmpty();
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
