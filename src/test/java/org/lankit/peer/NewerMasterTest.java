package org.lankit.peer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.sync.Entry;
import org.lankit.sync.Json;
import org.lankit.sync.Protocol.PullResponse;
import org.lankit.testkit.Entries;
import org.lankit.testkit.PairedDevice;
import org.lankit.testkit.RawHttp;
import org.lankit.testkit.RunningMaster;

/**
 * A laptop not yet updated talks to a master of a later version that adds properties to its
 * answers: the laptop reads what it knows and keeps working (the master stays strict about what
 * devices send it).
 */
class NewerMasterTest {

    @TempDir
    Path dataDir;

    @Test
    void a_client_reads_a_newer_masters_answers_that_carry_properties_it_does_not_know() throws Exception {
        String pulled;
        String status;
        try (RunningMaster today = RunningMaster.start(dataDir)) {
            PairedDevice phone = today.pair("Phone");
            Entry typed = Entries.household(phone.clock(), "Grace", 3);
            phone.client().push(List.of(typed));
            pulled = RawAnswer.get(today.baseUrl() + "/api/v1/sync/pull?since=0", phone.token());
            status = RawAnswer.get(today.baseUrl() + "/api/v1/status", phone.token());
        }
        String laterPull = withExtra(pulled);
        String laterStatus = withExtra(status);
        HttpServer later = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        later.createContext("/api/v1/sync/pull", ex -> RawAnswer.send(ex, laterPull));
        later.createContext("/api/v1/status", ex -> RawAnswer.send(ex, laterStatus));
        later.start();
        try {
            MasterClient laptop = new MasterClient("http://127.0.0.1:" + later.getAddress().getPort(), "token");
            PullResponse page = laptop.pull(0, 100);
            assertThat(page.entries()).singleElement().satisfies(e -> {
                assertThat(e.fields().get("respondent").value().asText()).isEqualTo("Grace");
            });
            assertThat(laptop.status().entries()).isEqualTo(1);
        } finally {
            later.stop(0);
        }
    }

    /** Adds a property at the top and inside every entry, as a later protocol version might. */
    private static String withExtra(String json) throws Exception {
        var tree = (ObjectNode) Json.MAPPER.readTree(json);
        tree.put("addedLater", "something new");
        tree.path("entries").forEach(e -> ((ObjectNode) e).put("region", "North"));
        return Json.MAPPER.writeValueAsString(tree);
    }

    /** Plain HTTP on both sides of the test: fetch a real master's answer, serve it again. */
    private static final class RawAnswer {
        static String get(String url, String token) {
            var answer = RawHttp.get(url, token);
            assertThat(answer.status()).isEqualTo(200);
            return answer.body();
        }

        static void send(HttpExchange ex, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, bytes.length);
            ex.getResponseBody().write(bytes);
            ex.close();
        }
    }
}
