package org.lankit.peer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.lankit.sync.Entry;
import org.lankit.sync.EntryForm;
import org.lankit.sync.HlcClock;
import org.lankit.sync.Json;
import org.lankit.sync.Protocol.PullResponse;
import org.lankit.sync.Protocol.PushResponse;
import org.lankit.sync.Protocol.PushResult;
import org.lankit.sync.PushStatus;
import org.lankit.testkit.Entries;

/**
 * An updated laptop talks to a master from before the compact entry form: its /info says no
 * {@code wire}, so the laptop pushes v1, plain, as that master reads; it reads that master's v1 pulls.
 */
class OlderMasterTest {

    record Received(String encoding, JsonNode body) {
    }

    @Test
    void a_laptop_pushes_v1_without_gzip_to_a_master_that_does_not_say_it_reads_the_compact_form() throws Exception {
        HlcClock clock = HlcClock.system("laptop1");
        Entry typed = Entries.household(clock, "Grace", 3);
        List<Received> pushes = new CopyOnWriteArrayList<>();
        HttpServer older = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        older.createContext("/api/v1/info", ex -> send(ex,
                "{\"app\":\"lankit\",\"version\":\"0.1.0\",\"role\":\"master\",\"deviceId\":\"6f8cb34db454\",\"name\":\"Team\",\"time\":1}"));
        older.createContext("/api/v1/sync/push", ex -> {
            pushes.add(new Received(ex.getRequestHeaders().getFirst("Content-Encoding"), Json.MAPPER.readTree(ex.getRequestBody())));
            send(ex, Json.MAPPER.writeValueAsString(new PushResponse(List.of(new PushResult(typed.uuid(), PushStatus.APPLIED, 1L, null)), 1)));
        });
        String v1Page = "{\"entries\":[" + EntryForm.V1.writer().writeValueAsString(typed.withSeq(1)) + "],\"lastSeq\":1,\"more\":false,\"time\":1}";
        older.createContext("/api/v1/sync/pull", ex -> send(ex, v1Page));
        older.start();
        try {
            MasterClient laptop = new MasterClient("http://127.0.0.1:" + older.getAddress().getPort(), "token");

            laptop.push(List.of(typed));
            PullResponse page = laptop.pull(0, 100);

            assertThat(pushes).singleElement().satisfies(push -> {
                assertThat(push.encoding()).isNull();
                assertThat(push.body().at("/entries/0/fields/respondent/by").asText()).isEqualTo("laptop1");
                assertThat(push.body().at("/entries/0").has("values")).isFalse();
            });
            assertThat(page.entries()).containsExactly(typed.withSeq(1));
        } finally {
            older.stop(0);
        }
    }

    private static void send(HttpExchange ex, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(200, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }
}
