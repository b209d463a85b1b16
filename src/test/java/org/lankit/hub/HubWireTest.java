package org.lankit.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.sync.Entry;
import org.lankit.sync.EntryForm;
import org.lankit.sync.Json;
import org.lankit.sync.Protocol.PushRequest;
import org.lankit.testkit.Entries;
import org.lankit.testkit.PairedDevice;
import org.lankit.testkit.RunningMaster;

/** The wire's two entry forms and gzip, both ways, through a real hub: what each kind of device sends and gets. */
class HubWireTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dataDir;
    RunningMaster master;
    PairedDevice phone;

    @BeforeEach
    void start() throws IOException {
        master = RunningMaster.start(dataDir);
        phone = master.pair("Phone");
    }

    @AfterEach
    void stop() {
        master.close();
    }

    @Test
    void a_pull_answers_v1_unless_the_device_asks_for_format_2() throws Exception {
        push(EntryForm.V1.writer().writeValueAsBytes(new PushRequest(List.of(Entries.household(phone.clock(), "Ana", 2)))), Map.of());

        JsonNode v1 = json(get("/api/v1/sync/pull?since=0", Map.of()).body());
        JsonNode v2 = json(get("/api/v1/sync/pull?since=0&format=2", Map.of()).body());

        assertThat(v1.at("/entries/0/fields/respondent/by").asText()).isEqualTo(phone.deviceId());
        assertThat(v1.at("/entries/0").has("values")).isFalse();
        assertThat(v2.at("/entries/0/values/respondent").asText()).isEqualTo("Ana");
        assertThat(v2.at("/entries/0").has("fields")).isFalse();
        assertThat(v2.toString()).doesNotContain("\"by\"");
        assertThat(Json.MAPPER.treeToValue(v2.at("/entries/0"), Entry.class))
                .isEqualTo(Json.MAPPER.treeToValue(v1.at("/entries/0"), Entry.class));
    }

    @Test
    void a_pull_in_a_format_the_master_does_not_know_is_refused() throws Exception {
        HttpResponse<byte[]> answer = get("/api/v1/sync/pull?since=0&format=3", Map.of());
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(json(answer.body()).path("detail").asText()).isEqualTo("format must be 1 or 2");
    }

    @Test
    void a_gzipped_v2_push_is_stored_and_a_device_that_accepts_gzip_gets_its_pull_gzipped() throws Exception {
        List<Entry> batch = new ArrayList<>();
        for (int i = 0; i < 50; i++) batch.add(Entries.household(phone.clock(), "Respondent " + i, 1 + i % 50));
        byte[] body = gzip(Json.MAPPER.writeValueAsBytes(new PushRequest(batch)));

        HttpResponse<byte[]> pushed = push(body, Map.of("Content-Encoding", "gzip"));
        HttpResponse<byte[]> pulled = get("/api/v1/sync/pull?since=0&format=2", Map.of("Accept-Encoding", "gzip"));

        assertThat(pushed.statusCode()).isEqualTo(200);
        assertThat(json(pushed.body()).path("results").findValuesAsText("status")).containsOnly("applied");
        assertThat(master.store().entryCount()).isEqualTo(50);
        assertThat(pulled.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(json(gunzip(pulled.body())).path("entries")).hasSize(50);
    }

    @Test
    void a_gzip_body_that_inflates_past_the_limit_is_refused_as_too_large_and_nothing_is_stored() throws Exception {
        String head = Json.MAPPER.writeValueAsString(new PushRequest(List.of(Entries.household(phone.clock(), "Ana", 2))));
        byte[] bomb = gzip((head.substring(0, head.length() - 1) + " ".repeat(5 * 1024 * 1024) + "}").getBytes(StandardCharsets.UTF_8));
        assertThat(bomb.length).isLessThan(64 * 1024);

        HttpResponse<byte[]> answer = push(bomb, Map.of("Content-Encoding", "gzip"));

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(json(answer.body()).path("detail").asText()).isEqualTo("the body is larger than 4096 KB when inflated");
        assertThat(master.store().entryCount()).isZero();
    }

    @Test
    void a_body_marked_gzip_that_is_not_gzip_and_an_encoding_the_hub_does_not_read_are_refused_in_words() throws Exception {
        byte[] plain = Json.MAPPER.writeValueAsBytes(new PushRequest(List.of(Entries.household(phone.clock(), "Ana", 2))));

        HttpResponse<byte[]> notGzip = push(plain, Map.of("Content-Encoding", "gzip"));
        HttpResponse<byte[]> brotli = push(plain, Map.of("Content-Encoding", "br"));

        assertThat(notGzip.statusCode()).isEqualTo(400);
        assertThat(json(notGzip.body()).path("detail").asText()).isEqualTo("the body is marked as gzip but is not valid gzip");
        assertThat(brotli.statusCode()).isEqualTo(415);
        assertThat(json(brotli.body()).path("error").asText()).isEqualTo("unsupported_encoding");
        assertThat(master.store().entryCount()).isZero();
    }

    @Test
    void a_v1_value_whose_by_is_not_the_device_in_its_clock_is_refused_and_nothing_is_stored() throws Exception {
        JsonNode body = json(EntryForm.V1.writer().writeValueAsBytes(
                new PushRequest(List.of(Entries.household(phone.clock(), "Ana", 2)))));
        ((com.fasterxml.jackson.databind.node.ObjectNode) body.at("/entries/0/fields/respondent")).put("by", "someone_else");

        HttpResponse<byte[]> answer = push(Json.MAPPER.writeValueAsBytes(body), Map.of());

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(json(answer.body()).path("detail").asText())
                .isEqualTo("entries[0]: fields.respondent.by must be the device in its hlc");
        assertThat(master.store().entryCount()).isZero();
    }

    @Test
    void the_master_says_in_info_that_it_reads_the_compact_form() throws Exception {
        assertThat(json(get("/api/v1/info", Map.of()).body()).path("wire").asInt()).isEqualTo(2);
    }

    @Test
    void every_answer_names_the_team_and_the_masters_epoch_as_info_does() throws Exception {
        var info = json(get("/api/v1/info", Map.of()).body());
        assertThat(info.path("teamId").asText()).hasSize(22);
        assertThat(info.path("epoch").asLong()).isEqualTo(1);
        for (String call : List.of("/api/v1/sync/pull?since=0", "/api/v1/sync/pull?since=yesterday")) {
            HttpResponse<byte[]> answer = get(call, Map.of());
            assertThat(answer.headers().firstValue("Lankit-Team")).as(call).contains(info.path("teamId").asText());
            assertThat(answer.headers().firstValue("Lankit-Epoch")).as(call).contains("1");
        }
    }

    private HttpResponse<byte[]> push(byte[] body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = request("/api/v1/sync/push").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = request(path).GET();
        headers.forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(master.baseUrl() + path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + phone.token());
    }

    private static JsonNode json(byte[] body) throws IOException {
        return Json.MAPPER.readTree(body);
    }

    static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(plain);
        }
        return out.toByteArray();
    }

    static byte[] gunzip(byte[] packed) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(packed))) {
            return in.readAllBytes();
        }
    }
}
