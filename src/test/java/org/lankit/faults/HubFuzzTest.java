package org.lankit.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.hub.HubConfig;
import org.lankit.sync.Entry;
import org.lankit.sync.Json;
import org.lankit.sync.Protocol.PushRequest;
import org.lankit.sync.Protocol.PushResponse;
import org.lankit.sync.PushStatus;
import org.lankit.testkit.Entries;
import org.lankit.testkit.PairedDevice;
import org.lankit.testkit.RawSocket;
import org.lankit.testkit.RawSocket.Reply;
import org.lankit.testkit.RunningMaster;

/** Thousands of hostile requests at every endpoint, from a fixed seed; the hub must shrug them all off. */
class HubFuzzTest {

    private static final long SEED = Long.getLong("lankit.fuzz.seed", 424242L);
    private static final int REQUESTS = Integer.getInteger("lankit.fuzz.requests", 3_000);
    private static final HubConfig UNLIMITED = HubConfig.defaults().withAnnouncement(false).withRateLimit(100_000, 100_000);

    @TempDir
    Path dataDir;

    @Test
    void thousands_of_random_and_mutated_requests_get_no_5xx_no_stack_trace_and_leave_the_store_as_it_was() throws Exception {
        System.out.println("HubFuzzTest seed " + SEED + " (rerun with -Dlankit.fuzz.seed=" + SEED + "), requests " + REQUESTS);
        try (RunningMaster master = RunningMaster.start(dataDir, 0, UNLIMITED)) {
            PairedDevice phone = master.pair("Fuzzed phone");
            List<Entry> stored = new ArrayList<>();
            for (int i = 0; i < 20; i++) stored.add(Entries.household(phone.clock(), "Stored " + i, 1 + i));
            phone.client().push(stored);
            // the template is what the master already holds: sent unchanged it is a duplicate and changes nothing
            String validPush = Json.MAPPER.writeValueAsString(new PushRequest(List.of(stored.get(0), stored.get(1))));

            long entriesBefore = master.store().entryCount();
            long seqBefore = master.store().lastSeq();
            long devicesBefore = master.store().devices().all().size();
            RequestFuzzer fuzzer = new RequestFuzzer(SEED, validPush, phone.token());
            Map<String, Integer> byStatus = new TreeMap<>();
            Set<String> acknowledgedNew = new HashSet<>();
            int acknowledgedChanges = 0;
            List<String> problems = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                RequestFuzzer.Request r = fuzzer.next();
                Reply reply = send(master.port(), r);
                byStatus.merge(r.label() + " " + reply.status(), 1, Integer::sum);
                String what = "#" + i + " " + r.label() + " " + r.method() + " " + abbreviate(r.target());
                if (reply.status() >= 500) problems.add(what + " -> " + reply.status() + " " + abbreviate(reply.body()));
                if (looksLikeStackTrace(reply.text())) problems.add(what + " -> stack trace: " + abbreviate(reply.text()));
                if (reply.text().contains("root:x:0:0")) problems.add(what + " -> served /etc/passwd");
                if (reply.status() == 200 && r.target().equals("/api/v1/sync/push") && r.method().equals("POST")) {
                    // a mutation may still be a valid entry: then the store may change only by what it acknowledged
                    for (var res : Json.MAPPER.readValue(reply.body(), PushResponse.class).results()) {
                        if (res.status().changesMaster()) {
                            acknowledgedChanges++;
                            if (master.store().find(res.uuid()).isPresent() && stored.stream().noneMatch(e -> e.uuid().equals(res.uuid()))) {
                                acknowledgedNew.add(res.uuid());
                            }
                        }
                    }
                }
            }
            byStatus.forEach((k, v) -> System.out.println("  " + k + ": " + v));
            System.out.println("valid entries the fuzzer happened to make: " + acknowledgedNew.size() + ", acknowledged changes " + acknowledgedChanges);
            assertThat(problems).as("answers that break the rules").isEmpty();
            assertThat(byStatus.keySet()).as("requests with no status line at all").noneMatch(k -> k.endsWith(" 0") && !k.startsWith("odd method"));

            assertThat(master.store().entryCount()).as("entries").isEqualTo(entriesBefore + acknowledgedNew.size());
            assertThat(master.store().lastSeq()).as("last seq").isEqualTo(seqBefore + acknowledgedChanges);
            assertThat(master.store().devices().all()).as("devices").hasSize((int) devicesBefore);

            PairedDevice real = master.pair("Real phone afterwards");
            Entry fresh = Entries.household(real.clock(), "After the storm", 5);
            PushResponse answer = real.client().push(List.of(fresh));
            assertThat(answer.results()).extracting(x -> x.status()).containsExactly(PushStatus.APPLIED);
            assertThat(CutOffMidBatchTest.pullAll(real.client())).contains(fresh.uuid()).doesNotHaveDuplicates();
            Reply app = RawSocket.send(master.port(), "GET / HTTP/1.1\r\nHost: 127.0.0.1", new byte[0]);
            assertThat(app.status()).isEqualTo(200);
            assertThat(app.body()).contains("<form");
        }
    }

    private static Reply send(int port, RequestFuzzer.Request r) throws Exception {
        StringBuilder head = new StringBuilder(r.method() + " " + r.target() + " HTTP/1.1\r\nHost: 127.0.0.1");
        if (r.token() != null) head.append("\r\nAuthorization: Bearer ").append(r.token());
        if (!r.contentType().isEmpty()) head.append("\r\nContent-Type: ").append(r.contentType());
        if (r.target().endsWith("/live") && r.method().equals("GET")) {
            head.append("\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: bm90LWEta2V5");
        }
        return RawSocket.send(port, head.toString(), r.body());
    }

    private static boolean looksLikeStackTrace(String text) {
        return text.contains("\tat ") || text.contains(".java:") || text.matches("(?s).*\\b[a-z]+(\\.[a-z]+)+\\.[A-Z]\\w*Exception\\b.*");
    }

    private static String abbreviate(String s) {
        String flat = new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).replace("\r\n", " | ");
        return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
    }
}
