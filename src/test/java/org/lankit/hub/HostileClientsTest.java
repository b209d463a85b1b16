package org.lankit.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.lankit.testkit.RawSocket;
import org.lankit.testkit.RawSocket.Reply;
import org.lankit.testkit.RunningMaster;

/**
 * What a careless or hostile client on the WiFi does, and how the master copes: live sockets that
 * never say who they are, request bodies of the wrong shape, requests Jetty itself refuses.
 */
class HostileClientsTest {

    /** The master's documented time for a live socket to send its token (protocol.md). */
    private static final long TOKEN_WINDOW_MS = 5_000;

    @TempDir
    Path dataDir;
    private RunningMaster master;

    @BeforeEach
    void start() {
        master = RunningMaster.start(dataDir);
    }

    @AfterEach
    void stop() {
        master.close();
    }

    @Test
    void a_live_socket_that_never_sends_a_token_is_closed_within_a_few_seconds() throws Exception {
        try (Socket socket = openLiveSocket(InetAddress.getByName("127.0.0.2"))) {
            long opened = System.nanoTime();
            socket.setSoTimeout((int) TOKEN_WINDOW_MS + 3_000);
            InputStream in = socket.getInputStream();
            boolean ended = false;
            try {
                while (in.read() >= 0) {
                    // the close frame, then the end of the connection
                }
                ended = true;
            } catch (SocketTimeoutException stillOpen) {
                ended = false;
            } catch (IOException reset) {
                ended = true;
            }
            long seconds = (System.nanoTime() - opened) / 1_000_000_000;
            System.out.printf("a live socket without a token was closed after %d s%n", seconds);
            assertThat(ended).as("closed by the master within %d ms", TOKEN_WINDOW_MS + 3_000).isTrue();
        }
    }

    @Test
    void two_thousand_live_sockets_opened_without_a_token_are_not_held() throws Exception {
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 2_000; i++) sockets.add(openLiveSocket(InetAddress.getByName("127.0.0." + (2 + i % 32))));
            PairedDevice phone = master.pair("Phone");
            Thread.sleep(TOKEN_WINDOW_MS + 2_000);

            int held = 0;
            for (Socket s : sockets) {
                if (!closedByMaster(s)) held++;
            }
            System.out.printf("2,000 live sockets without a token: %d still held after %d s%n", held, (TOKEN_WINDOW_MS + 2_000) / 1000);
            assertThat(held).isZero();
            assertThat(RawHttp.get(master.baseUrl() + "/api/v1/status", phone.token()).status())
                    .as("the master still serves its devices").isEqualTo(200);
        } finally {
            for (Socket s : sockets) s.close();
        }
    }

    @Test
    void a_body_of_the_wrong_shape_is_explained_by_its_fields_not_by_java_classes() {
        Map<String, String> pairing = Map.of(
                "[]", "the body must be an object",
                "{\"code\": [\"TEST-CODE\"], \"name\": \"A\"}", "code must be a string",
                "{\"code\": \"TEST-CODE\", \"nmae\": \"A\"}", "unknown field \"nmae\"",
                "{\"code\": \"TEST-", "the body is not valid JSON (line 1, column 16)");
        pairing.forEach((body, detail) -> {
            Answer answer = RawHttp.post(master.baseUrl() + "/api/v1/pair", null, body);
            assertBadJson(answer, detail);
        });
        PairedDevice phone = pair();
        assertBadJson(RawHttp.post(master.baseUrl() + "/api/v1/sync/push", phone.token(), "{\"entries\": {}}"),
                "entries must be an array");
        assertBadJson(RawHttp.post(master.baseUrl() + "/api/v1/sync/push", phone.token(), "{\"entries\": [{\"uuid\": [\"x\"]}]}"),
                "entries[0].uuid must be a string");
        assertThat(master.store().entryCount()).isZero();
    }

    @Test
    void requests_jetty_refuses_itself_get_the_kits_json_error_not_an_html_page() throws Exception {
        assertJsonError(RawSocket.send(master.port(), "GARBAGE", new byte[0]), 400, "bad_request");
        assertJsonError(RawSocket.send(master.port(), "GET /" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x", new byte[0]),
                414, "uri_too_long");
        assertJsonError(RawSocket.send(master.port(), "GET /api/v1/info HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(40_000),
                new byte[0]), 431, "headers_too_large");
        assertJsonError(RawSocket.send(master.port(), "GET /api/v1/info HTTP/7.1\r\nHost: x", new byte[0]), 505, "http_version");
    }

    private PairedDevice pair() {
        try {
            return master.pair("Phone");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertBadJson(Answer answer, String detail) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.json().path("error").asText()).isEqualTo("bad_json");
        assertThat(answer.json().path("detail").asText()).isEqualTo(detail);
        assertThat(answer.body()).doesNotContain("org.").doesNotContain("java").doesNotContain("$").doesNotContain("Protocol");
    }

    private static void assertJsonError(Reply reply, int status, String error) throws IOException {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat(reply.text().toLowerCase()).contains("content-type: application/json").doesNotContain("<html");
        JsonNode body = Json.MAPPER.readTree(reply.body());
        assertThat(body.path("error").asText()).isEqualTo(error);
        assertThat(body.path("detail").asText()).isNotBlank();
    }

    /** A WebSocket handshake to the live socket, from {@code from}, sending no token. */
    private Socket openLiveSocket(InetAddress from) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(from, 0));
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), master.port()), 5_000);
        s.setSoTimeout(5_000);
        s.getOutputStream().write(("GET /api/v1/sync/live HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        StringBuilder head = new StringBuilder();
        InputStream in = s.getInputStream();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) break;
            head.append((char) b);
        }
        return s;
    }

    /** Whether the master ended the connection (a close frame may come first); reads what waits, never blocks long. */
    private static boolean closedByMaster(Socket s) {
        try {
            s.setSoTimeout(20);
            InputStream in = s.getInputStream();
            byte[] buf = new byte[256];
            while (true) {
                if (in.read(buf) < 0) return true;
            }
        } catch (SocketTimeoutException open) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }
}
