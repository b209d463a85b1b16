package org.lankit.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.store.Attachments;
import org.lankit.sync.Json;
import org.lankit.testkit.PairedDevice;
import org.lankit.testkit.RawHttp;
import org.lankit.testkit.RawSocket;
import org.lankit.testkit.RunningMaster;

/**
 * A photo sent in chunks over real HTTP to a real master: a chunk cut off on the way is not
 * kept, the status says how far the master got, the rest completes it, and the master then holds
 * exactly the photo's bytes, once. Wrong offsets, oversized photos and bad names are refused with
 * JSON errors; a name sent again changes nothing.
 */
class AttachmentUploadTest {

    private static final String NAME = "0123456789abcdef0123456789abcdef.jpg";
    private static final int CHUNK = Attachments.MAX_CHUNK_BYTES;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

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
    void a_photo_cut_off_half_way_resumes_where_the_master_got_and_is_held_exactly_once() throws Exception {
        byte[] photo = photo(700_000, 1);
        assertThat(status(NAME).path("received").asLong()).isZero();

        assertThat(put(NAME, 0, photo.length, slice(photo, 0, CHUNK)).statusCode()).isEqualTo(200);
        assertThat(put(NAME, CHUNK, photo.length, slice(photo, CHUNK, 2 * CHUNK)).statusCode()).isEqualTo(200);
        // the third chunk: its head promises 256 KB, the WiFi drops after 100 KB
        String head = "PUT /api/v1/attachments/" + NAME + "?offset=" + 2 * CHUNK + "&size=" + photo.length + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\nAuthorization: Bearer " + phone.token() + "\r\n"
                + "Content-Type: application/octet-stream\r\nContent-Length: " + (photo.length - 2 * CHUNK) + "\r\n\r\n";
        byte[] cut = concat(head.getBytes(StandardCharsets.ISO_8859_1), slice(photo, 2 * CHUNK, 2 * CHUNK + 100_000));
        RawSocket.sendExactly(master.port(), cut, true);

        JsonNode after = status(NAME);
        assertThat(after.path("received").asLong()).as("only whole chunks were kept").isEqualTo(2L * CHUNK);
        assertThat(after.path("complete").asBoolean()).isFalse();
        assertThat(master.store().attachments().holds(NAME)).isFalse();

        HttpResponse<String> rest = put(NAME, 2 * CHUNK, photo.length, slice(photo, 2 * CHUNK, photo.length));
        assertThat(rest.statusCode()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(rest.body()).path("complete").asBoolean()).isTrue();
        assertThat(status(NAME).path("received").asLong()).isEqualTo(photo.length);

        assertThat(Files.readAllBytes(master.store().attachments().file(NAME).orElseThrow())).isEqualTo(photo);
        try (Stream<Path> partial = Files.list(dataDir.resolve("attachments/partial"))) {
            assertThat(partial).as("no partial copy is left").isEmpty();
        }
        assertThat(master.store().attachments().names()).containsExactly(NAME);
        HttpResponse<byte[]> read = HTTP.send(request(NAME).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(read.body()).isEqualTo(photo);
    }

    @Test
    void a_chunk_at_the_wrong_offset_is_refused_with_what_the_master_has() throws Exception {
        byte[] photo = photo(CHUNK + 1000, 2);
        put(NAME, 0, photo.length, slice(photo, 0, CHUNK));
        for (long wrong : new long[] {0, CHUNK - 1, CHUNK + 1}) {
            HttpResponse<String> refused = put(NAME, wrong, photo.length, slice(photo, CHUNK, photo.length));
            assertThat(refused.statusCode()).isEqualTo(409);
            JsonNode body = Json.MAPPER.readTree(refused.body());
            assertThat(body.path("error").asText()).isEqualTo("offset_mismatch");
            assertThat(body.path("received").asLong()).isEqualTo(CHUNK);
            assertThat(body.path("detail").asText()).contains(Integer.toString(CHUNK));
        }
        assertThat(status(NAME).path("received").asLong()).isEqualTo(CHUNK);
    }

    @Test
    void a_name_sent_again_changes_nothing() throws Exception {
        byte[] first = photo(5_000, 3);
        put(NAME, 0, first.length, first);
        byte[] other = photo(6_000, 4);
        HttpResponse<String> again = put(NAME, 0, other.length, other);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(again.body()).path("complete").asBoolean()).isTrue();
        assertThat(Json.MAPPER.readTree(again.body()).path("received").asLong()).isEqualTo(first.length);
        assertThat(Files.readAllBytes(master.store().attachments().file(NAME).orElseThrow())).isEqualTo(first);

        PairedDevice second = master.pair("Second phone");
        assertThat(status(NAME, second.token()).path("complete").asBoolean()).as("complete for every device").isTrue();
        assertThat(Files.readAllBytes(master.store().attachments().file(NAME).orElseThrow())).isEqualTo(first);
    }

    @Test
    void two_phones_sending_the_same_name_keep_their_bytes_apart_and_the_first_to_finish_wins() throws Exception {
        PairedDevice second = master.pair("Second phone");
        byte[] photo = photo(CHUNK + 10, 5);
        put(NAME, 0, photo.length, slice(photo, 0, CHUNK), phone.token());
        assertThat(status(NAME, second.token()).path("received").asLong()).isZero();
        put(NAME, 0, photo.length, slice(photo, 0, CHUNK), second.token());
        put(NAME, CHUNK, photo.length, slice(photo, CHUNK, photo.length), second.token());
        try (Stream<Path> partial = Files.list(dataDir.resolve("attachments/partial"))) {
            assertThat(partial).as("the first phone's unfinished copy goes once the photo is complete").isEmpty();
        }
        HttpResponse<String> late = put(NAME, CHUNK, photo.length, slice(photo, CHUNK, photo.length), phone.token());
        assertThat(Json.MAPPER.readTree(late.body()).path("complete").asBoolean()).isTrue();
        assertThat(Files.readAllBytes(master.store().attachments().file(NAME).orElseThrow())).isEqualTo(photo);
    }

    @Test
    void photos_past_the_limits_and_bad_names_are_refused_and_nothing_is_kept() throws Exception {
        HttpResponse<String> huge = put(NAME, 0, Attachments.MAX_BYTES + 1, new byte[10]);
        assertError(huge, 413, "attachment_too_large");
        HttpResponse<String> bigChunk = put(NAME, 0, 2L * CHUNK, new byte[CHUNK + 1]);
        assertError(bigChunk, 413, "attachment_too_large");
        HttpResponse<String> pastSize = put(NAME, 0, 10, new byte[11]);
        assertError(pastSize, 413, "attachment_too_large");
        for (String bad : new String[] {"..%2F..%2Fsecret.jpg", "0123456789ABCDEF0123456789abcdef.jpg", "0123456789abcdef0123456789abcdef.gif"}) {
            assertError(put(bad, 0, 10, new byte[10]), 400, "bad_request");
        }
        assertError(put(NAME, -1, 10, new byte[10]), 400, "bad_request");
        HttpResponse<String> noSize = HTTP.send(request(NAME + "?offset=0").PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[3])).build(),
                HttpResponse.BodyHandlers.ofString());
        assertError(noSize, 400, "bad_request");
        assertThat(status(NAME).path("received").asLong()).isZero();
        assertThat(master.store().attachments().names()).isEmpty();
    }

    @Test
    void only_paired_devices_send_and_read_photos_and_an_incomplete_one_is_not_found() throws Exception {
        byte[] photo = photo(2_000, 6);
        HttpResponse<String> anonymous = HTTP.send(HttpRequest.newBuilder(uri(NAME + "?offset=0&size=2000"))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(photo)).build(), HttpResponse.BodyHandlers.ofString());
        assertError(anonymous, 401, "unauthorized");
        assertThat(RawHttp.get(master.baseUrl() + "/api/v1/attachments/" + NAME + "/upload", null).status()).isEqualTo(401);
        put(NAME, 0, photo.length, slice(photo, 0, 1_000));
        RawHttp.Answer incomplete = RawHttp.get(master.baseUrl() + "/api/v1/attachments/" + NAME, phone.token());
        assertThat(incomplete.status()).isEqualTo(404);
        assertThat(incomplete.json().path("error").asText()).isEqualTo("not_found");
        assertThat(RawHttp.get(master.baseUrl() + "/api/v1/attachments/" + NAME, null).status()).isEqualTo(401);
    }

    private JsonNode status(String name) throws IOException, InterruptedException {
        return status(name, phone.token());
    }

    private JsonNode status(String name, String token) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(request(name + "/upload", token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.MAPPER.readTree(r.body());
    }

    private HttpResponse<String> put(String name, long offset, long size, byte[] chunk) throws IOException, InterruptedException {
        return put(name, offset, size, chunk, phone.token());
    }

    private HttpResponse<String> put(String name, long offset, long size, byte[] chunk, String token)
            throws IOException, InterruptedException {
        HttpRequest r = request(name + "?offset=" + offset + "&size=" + size, token)
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(chunk)).build();
        return HTTP.send(r, HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return request(path, phone.token());
    }

    private HttpRequest.Builder request(String path, String token) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + token);
    }

    private URI uri(String path) {
        return URI.create(master.baseUrl() + "/api/v1/attachments/" + path);
    }

    private static void assertError(HttpResponse<String> r, int status, String error) throws IOException {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        JsonNode body = Json.MAPPER.readTree(r.body());
        assertThat(body.path("error").asText()).isEqualTo(error);
        assertThat(body.path("detail").asText()).isNotBlank().doesNotContain("Exception").doesNotContain("at org.");
    }

    private static byte[] photo(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static byte[] slice(byte[] all, int from, int to) {
        return Arrays.copyOfRange(all, from, to);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
