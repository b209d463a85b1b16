package org.lankit.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lankit.upstream.UploadTesting.await;
import static org.lankit.upstream.UploadTesting.fast;
import static org.lankit.upstream.UploadTesting.json;
import static org.lankit.upstream.UploadTesting.refusalOf;
import static org.lankit.upstream.UploadTesting.seed;

import ch.qos.logback.classic.Level;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.app.KitOptions;
import org.lankit.app.MasterKit;
import org.lankit.hub.HubConfig;
import org.lankit.peer.MasterClient;
import org.lankit.store.KitStore;
import org.lankit.sync.Entry;
import org.lankit.testkit.CapturedLog;
import org.lankit.testkit.FakeTeamApi;

/**
 * A team API that repeats the credentials it was sent in its errors: every phone can read the
 * master's status, so neither the token nor a key in the API address may reach it, nor the
 * entries' upload errors the panel shows.
 */
class ApiSecretsTest {

    private static final Duration LIMIT = Duration.ofSeconds(20);
    private static final String JOIN = "TEST-CODE";
    private static final String TOKEN = "team-token-0123456789-abcdef";
    private static final String KEY = "QUERYKEY-55-secret";

    @TempDir
    Path dataDir;

    /** The uploader logs the refusal; kept here and checked for the secrets, not printed. */
    private final CapturedLog log = CapturedLog.of("org.lankit.upstream.Uploader");

    @AfterEach
    void putTheLogBack() {
        log.close();
    }

    @Test
    void an_api_that_echoes_the_token_and_the_address_key_shows_neither_in_the_status_phones_read() throws Exception {
        try (FakeTeamApi api = FakeTeamApi.start(); KitStore store = KitStore.open(dataDir)) {
            api.echoCredentialsWith(503);
            Entry entry = seed(store, 1).get(0);
            KitOptions options = new KitOptions(true, null, 0, dataDir, "Test team", JOIN, null, api.url() + "?key=" + KEY, TOKEN)
                    .withBind("127.0.0.1");
            try (MasterKit kit = MasterKit.start(store, options, HubConfig.defaults().withAddress("127.0.0.1", 0).withAnnouncement(false),
                    fast())) {
                MasterClient phone = new MasterClient("http://127.0.0.1:" + kit.hub().port(), null);
                phone.pair(JOIN, "Phone", "phone");

                await("the API's failure is shown", LIMIT, () -> kit.uploads().status().lastError() != null);
                String failing = phone.status().upstream().lastError();
                assertThat(failing).contains("HTTP 503").contains("•••cdef").doesNotContain(TOKEN).doesNotContain(KEY);

                api.echoCredentialsWith(401);
                await("the entry is refused", LIMIT, () -> kit.uploads().status().failed() == 1);
                String refused = phone.status().upstream().lastError();
                assertThat(refused).contains("HTTP 401").doesNotContain(TOKEN).doesNotContain(KEY);
                assertThat(refusalOf(kit.uploads(), store, entry.uuid())).contains("HTTP 401")
                        .doesNotContain(TOKEN).doesNotContain(KEY);
                assertThat(kit.uploads().targets().get(0).toString()).doesNotContain(TOKEN).doesNotContain(KEY);
                assertThat(log.lines(Level.WARN)).as("the uploader's log").anyMatch(line -> line.contains("refused for good: HTTP 401"))
                        .noneMatch(line -> line.contains(TOKEN) || line.contains(KEY));
            }
            assertThat(api.requests()).isNotEmpty().allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer " + TOKEN));
        }
    }

    @Test
    void a_test_of_the_connection_to_such_an_api_names_neither_secret() throws Exception {
        try (FakeTeamApi api = FakeTeamApi.start(); KitStore store = KitStore.open(dataDir);
             Uploads uploader = UploadTesting.start(store, null, null, fast())) {
            api.echoCredentialsWith(500);
            ConnectionCheck check = uploader.testConnection(json(api.url() + "?api_key=" + KEY, TOKEN));
            assertThat(check.outcome()).isEqualTo(ConnectionCheck.Outcome.API_ERROR);
            assertThat(check.message()).contains("HTTP 500").doesNotContain(TOKEN).doesNotContain(KEY);
        }
    }
}
