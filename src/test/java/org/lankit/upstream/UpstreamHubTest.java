package org.lankit.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lankit.upstream.UploadTesting.await;
import static org.lankit.upstream.UploadTesting.fast;
import static org.lankit.upstream.UploadTesting.seed;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.app.KitOptions;
import org.lankit.app.MasterKit;
import org.lankit.hub.HubConfig;
import org.lankit.peer.MasterClient;
import org.lankit.store.KitStore;
import org.lankit.sync.Entry;
import org.lankit.sync.Json;
import org.lankit.sync.Protocol.PairResponse;
import org.lankit.sync.Protocol.UpstreamStatus;
import org.lankit.testkit.FakeTeamApi;

/** The uploader as part of a running master: the status endpoint, "retry failed", and the options. */
class UpstreamHubTest {

    private static final Duration LIMIT = Duration.ofSeconds(20);
    private static final String JOIN = "TEST-CODE";

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void the_status_endpoint_shows_the_uploader_and_a_paired_device_can_ask_to_retry_failed_entries() throws Exception {
        try (FakeTeamApi api = FakeTeamApi.start(); KitStore store = KitStore.open(dataDir)) {
            Entry bad = seed(store, 4).get(2);
            api.rejectEntry(bad.uuid(), "village is unknown");
            try (MasterKit kit = start(store, options(api.url(), "api-token-7", false))) {
                String base = "http://127.0.0.1:" + kit.hub().port();
                MasterClient device = new MasterClient(base, null);
                PairResponse paired = device.pair(JOIN, "Phone", "phone");
                await("settled", LIMIT, () -> kit.uploads().status().failed() == 1 && kit.uploads().status().synced() == 3
                        && kit.uploads().status().state() == UploaderStatus.State.IDLE);

                UpstreamStatus upstream = device.status().upstream();
                assertThat(upstream.state()).isEqualTo("idle");
                assertThat(upstream.pending()).isZero();
                assertThat(upstream.synced()).isEqualTo(3);
                assertThat(upstream.failed()).isEqualTo(1);
                assertThat(upstream.lastError()).contains("village is unknown");
                assertThat(upstream.until()).isNull();

                HttpResponse<String> anonymous = retryFailed(base, null);
                assertThat(anonymous.statusCode()).isEqualTo(401);
                assertThat(kit.uploads().status().failed()).isEqualTo(1);

                api.forgiveAll();
                HttpResponse<String> asked = retryFailed(base, paired.token());
                assertThat(asked.statusCode()).isEqualTo(200);
                JsonNode answer = Json.MAPPER.readTree(asked.body());
                assertThat(answer.path("requeued").asInt()).isEqualTo(1);
                await("all synced", LIMIT, () -> kit.uploads().status().synced() == 4);
                assertThat(device.status().upstream().failed()).isZero();
            }
        }
    }

    @Test
    void the_retry_failed_option_queues_failed_entries_again_at_start() throws Exception {
        try (FakeTeamApi api = FakeTeamApi.start(); KitStore store = KitStore.open(dataDir)) {
            Entry bad = seed(store, 2).get(0);
            api.rejectEntry(bad.uuid(), "try again tomorrow");
            try (MasterKit kit = start(store, options(api.url(), null, false))) {
                await("failed", LIMIT, () -> kit.uploads().status().failed() == 1);
            }
            api.forgiveAll();
            try (MasterKit kit = start(store, options(null, null, true))) {
                await("synced", LIMIT, () -> kit.uploads().status().synced() == 2);
                assertThat(api.storedUuids()).contains(bad.uuid());
            }
        }
    }

    @Test
    void a_master_without_an_api_address_reports_the_upload_as_disabled() throws Exception {
        try (KitStore store = KitStore.open(dataDir); MasterKit kit = start(store, options(null, null, false))) {
            seed(store, 1);
            MasterClient device = new MasterClient("http://127.0.0.1:" + kit.hub().port(), null);
            device.pair(JOIN, "Phone", "phone");
            UpstreamStatus upstream = device.status().upstream();
            assertThat(upstream.state()).isEqualTo("disabled");
            assertThat(upstream.pending()).isEqualTo(1);
        }
    }

    private static MasterKit start(KitStore store, KitOptions options) {
        return MasterKit.start(store, options, HubConfig.defaults().withAddress("127.0.0.1", 0).withAnnouncement(false), fast());
    }

    private KitOptions options(String apiUrl, String apiToken, boolean retryFailed) {
        return new KitOptions(true, null, 0, dataDir, "Test team", JOIN, null, apiUrl, apiToken).withBind("127.0.0.1").withRetryFailed(retryFailed);
    }

    private HttpResponse<String> retryFailed(String base, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/api/v1/upstream/retry-failed"))
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (token != null) b.header("Authorization", "Bearer " + token);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
