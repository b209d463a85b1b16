package org.lankit.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.pairing.JoinCodes;
import org.lankit.peer.MasterClient;
import org.lankit.store.KitStore;
import org.lankit.sync.HlcClock;
import org.lankit.sync.Protocol.PairResponse;
import org.lankit.sync.Protocol.UpstreamStatus;
import org.lankit.testkit.Eventually;
import org.lankit.testkit.PairedDevice;
import org.lankit.testkit.RawHttp;
import org.lankit.upstream.UploadReceipts;

/**
 * The second receipt on the wire: {@code /status} carries the receipts the hub is given, and
 * connected devices hear that they moved, coalesced so a fast uploader does not flood them.
 */
class ReceiptsHubTest {

    private static final String CODE = "TEST-CODE";
    private static final String UUID_A = "0b6f7c9e-3f0e-4a57-9b1b-5d0c7c0c2d11";

    @TempDir
    Path dataDir;

    private final AtomicReference<UploadReceipts> receipts = new AtomicReference<>(UploadReceipts.NONE);

    private Hub start(KitStore store) {
        String id = "6f8cb34db454";
        UpstreamView upstream = new UpstreamView(() -> new UpstreamStatus("idle", 0, 0, 0, null), receipts::get, () -> 0);
        return Hub.start(store, new MasterIdentity(id, "Test team", "0.1.0", HlcClock.system(id)),
                HubConfig.defaults().withAddress("127.0.0.1", 0).withAnnouncement(false), () -> new JoinCodes(CODE, "LAPTOP-CODE"),
                upstream, Optional.empty());
    }

    private static PairedDevice paired(Hub hub) throws Exception {
        MasterClient client = new MasterClient("http://127.0.0.1:" + hub.port(), null);
        PairResponse paired = client.pair(CODE, "Phone", "phone");
        return new PairedDevice(paired.deviceId(), paired.token(), client);
    }

    @Test
    void status_says_through_and_refused_as_the_uploader_holds_them_and_zero_before_any_server_took_anything() throws Exception {
        try (KitStore store = KitStore.open(dataDir); Hub hub = start(store)) {
            PairedDevice phone = paired(hub);
            assertThat(RawHttp.get("http://127.0.0.1:" + hub.port() + "/api/v1/status", phone.token()).json().path("upstream").toString())
                    .contains("\"through\":0", "\"refused\":[]");

            receipts.set(new UploadReceipts(41, List.of(UUID_A)));

            UpstreamStatus upstream = phone.client().status().upstream();
            assertThat(upstream.through()).isEqualTo(41);
            assertThat(upstream.refused()).containsExactly(UUID_A);
            assertThat(upstream.state()).as("the uploader's own state is still there").isEqualTo("idle");
        }
    }

    @Test
    void a_refused_list_longer_than_devices_are_sent_gives_no_second_receipt_rather_than_a_wrong_one() throws Exception {
        try (KitStore store = KitStore.open(dataDir); Hub hub = start(store)) {
            MasterClient phone = paired(hub).client();
            List<String> many = IntStream.rangeClosed(0, UploadReceipts.MAX_REFUSED)
                    .mapToObj(i -> String.format("00000000-0000-4000-8000-%012d", i)).toList();
            receipts.set(new UploadReceipts(500, many));

            UpstreamStatus upstream = phone.status().upstream();
            assertThat(upstream.through()).isZero();
            assertThat(upstream.refused()).isEmpty();

            receipts.set(new UploadReceipts(500, many.subList(0, UploadReceipts.MAX_REFUSED)));
            assertThat(phone.status().upstream().refused()).hasSize(UploadReceipts.MAX_REFUSED);
        }
    }

    @Test
    void connected_devices_hear_each_move_of_the_receipts_with_through_and_a_burst_of_moves_comes_coalesced() throws Exception {
        try (KitStore store = KitStore.open(dataDir); Hub hub = start(store)) {
            MasterClient phone = paired(hub).client();
            List<Long> seqs = new CopyOnWriteArrayList<>();
            List<Long> heard = new CopyOnWriteArrayList<>();
            WebSocket socket = phone.live(seqs::add, () -> { }, heard::add, () -> { }).get(20, TimeUnit.SECONDS);
            try {
                Eventually.within(Duration.ofSeconds(20), "the hub to admit the socket", () -> !seqs.isEmpty());
                assertThat(heard).as("receipts are announced only when they move").isEmpty();

                receipts.set(new UploadReceipts(3, List.of()));
                hub.receiptsChanged();
                Eventually.within(Duration.ofSeconds(20), "the first receipts message", () -> heard.contains(3L));

                // an uploader storing one entry after another, as fast as this thread can tell the hub
                int moves = 5000;
                long started = System.nanoTime();
                for (int through = 4; through < 4 + moves; through++) {
                    receipts.set(new UploadReceipts(through, List.of()));
                    hub.receiptsChanged();
                }
                long spentMs = (System.nanoTime() - started) / 1_000_000;
                long last = 3 + moves;
                Eventually.within(Duration.ofSeconds(20), "the last move to be announced", () -> heard.contains(last));

                List<Long> burst = new ArrayList<>(heard.subList(1, heard.size()));
                long allowed = 2 + spentMs / LiveSocket.RECEIPTS_GAP.toMillis();
                assertThat((long) burst.size()).as("messages for %d moves in %d ms", moves, spentMs).isLessThanOrEqualTo(allowed);
                assertThat(burst).as("through only grows").isSorted();
                assertThat(burst.get(burst.size() - 1)).isEqualTo(last);
            } finally {
                socket.abort();
            }
        }
    }
}
