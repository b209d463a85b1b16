package org.lankit.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.testkit.PairedDevice;
import org.lankit.testkit.RunningMaster;

/** Pages from the master's former address on the local network may call it; other origins may not. */
class CrossOriginTest {

    private static final String FORMER_ADDRESS = "http://192.168.1.10:8377";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @TempDir
    Path dataDir;

    @Test
    void a_page_from_a_local_network_address_gets_answers_it_may_read_and_its_preflight_is_allowed() throws Exception {
        try (RunningMaster master = RunningMaster.start(dataDir)) {
            PairedDevice phone = master.pair("Phone");
            HttpResponse<String> status = send(master, "GET", "/api/v1/status", FORMER_ADDRESS, phone.token());
            assertThat(status.statusCode()).isEqualTo(200);
            assertThat(status.headers().firstValue("Access-Control-Allow-Origin")).hasValue(FORMER_ADDRESS);

            HttpResponse<String> refused = send(master, "GET", "/api/v1/status", FORMER_ADDRESS, null);
            assertThat(refused.statusCode()).as("the refusal is readable too").isEqualTo(401);
            assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).hasValue(FORMER_ADDRESS);

            HttpResponse<String> preflight = send(master, "OPTIONS", "/api/v1/sync/push", FORMER_ADDRESS, null);
            assertThat(preflight.statusCode()).isEqualTo(204);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(FORMER_ADDRESS);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("")).contains("Authorization");
        }
    }

    @Test
    void a_page_from_the_internet_or_a_named_host_gets_no_permission_and_its_preflight_is_refused_as_json() throws Exception {
        try (RunningMaster master = RunningMaster.start(dataDir)) {
            PairedDevice phone = master.pair("Phone");
            for (String origin : new String[] {"http://8.8.8.8:8377", "https://evil.example", "http://printer.local:80", "null"}) {
                HttpResponse<String> status = send(master, "GET", "/api/v1/status", origin, phone.token());
                assertThat(status.statusCode()).isEqualTo(200);
                assertThat(status.headers().firstValue("Access-Control-Allow-Origin")).as(origin).isEmpty();

                HttpResponse<String> preflight = send(master, "OPTIONS", "/api/v1/sync/push", origin, null);
                assertThat(preflight.statusCode()).as(origin).isEqualTo(403);
                assertThat(preflight.body()).contains("\"error\":\"cross_origin\"");
                assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
            }
        }
    }

    private HttpResponse<String> send(RunningMaster master, String method, String path, String origin, String token)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(master.baseUrl() + path)).timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody()).header("Origin", origin);
        if (token != null) request.header("Authorization", "Bearer " + token);
        if (method.equals("OPTIONS")) {
            request.header("Access-Control-Request-Method", "POST").header("Access-Control-Request-Headers", "authorization, content-type");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
