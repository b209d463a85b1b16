package org.lankit.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lankit.upstream.UploadTesting.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.peer.MasterClient;
import org.lankit.sync.Entry;
import org.lankit.sync.Protocol.PairResponse;
import org.lankit.testkit.Entries;
import org.lankit.testkit.FakeTeamApi;
import org.lankit.testkit.FakeTeamApi.Received;

/**
 * The real jar, killed with SIGKILL while the API holds its answer to a batch, then started
 * again on the same data folder: the batch goes again under the same Idempotency-Key and the API
 * stores no entry twice. Needs {@code target/lankit.jar} (run by {@code mvn verify}).
 */
class UploadKillIT {

    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path work;

    private final List<Process> started = new ArrayList<>();

    @Test
    void a_master_killed_during_an_upload_sends_the_same_batch_with_the_same_key_after_a_restart() throws Exception {
        try (FakeTeamApi api = FakeTeamApi.start()) {
            api.answerAfter(Duration.ofSeconds(60));
            Process first = startMaster("--api-url", api.url(), "--api-token", "kill-test-token");
            String token;
            List<Entry> entries = new ArrayList<>();
            try {
                MasterClient device = new MasterClient(baseUrl(first), null);
                PairResponse paired = device.pair("KILL-TEST", "Phone", "phone");
                token = paired.token();
                for (int i = 0; i < 30; i++) {
                    entries.add(Entries.household(org.lankit.sync.HlcClock.system(paired.deviceId()), "R" + i, 2));
                }
                device.push(entries);
                await("the API received the batch", LIMIT, () -> api.requests().size() == 1);
            } finally {
                first.descendants().forEach(ProcessHandle::destroyForcibly); // the master JVM a plain java -jar starts
                first.destroyForcibly();
                assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            api.answerAfter(Duration.ZERO);

            Process second = startMaster();
            MasterClient device = new MasterClient(baseUrl(second), token);
            await("all synced after the restart", LIMIT, () -> syncedCount(device) == 30);

            List<Received> requests = api.requests();
            assertThat(requests).hasSize(2);
            assertThat(requests.get(1).key()).isEqualTo(requests.get(0).key());
            assertThat(requests.get(1).bodyHash()).isEqualTo(requests.get(0).bodyHash());
            assertThat(requests.get(1).authorization()).isEqualTo("Bearer kill-test-token");
            assertThat(requests.get(0).uuids()).containsExactlyInAnyOrderElementsOf(entries.stream().map(Entry::uuid).toList());
            assertThat(api.mostTimesAnyRevisionWasStored()).isEqualTo(1);
            assertThat(api.storedRevisions()).isEqualTo(30);
        } finally {
            for (Process p : started) {
                p.destroy();
                if (!p.waitFor(20, TimeUnit.SECONDS)) p.destroyForcibly();
            }
        }
    }

    private Process startMaster(String... apiOptions) throws IOException {
        String jar = System.getProperty("lankit.jar", "target/lankit.jar");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar, "--headless", "--role", "master", "--port", "0", "--bind", "127.0.0.1", "--join-code", "KILL-TEST",
                "--data-dir", work.resolve("data").toString()));
        command.addAll(List.of(apiOptions));
        Process p = new ProcessBuilder(command)
                .redirectError(work.resolve("master-" + started.size() + ".err").toFile())
                .start();
        started.add(p);
        return p;
    }

    /** Reads the headless master's "Join URL: http://host:port/join#code" line; talks to it on 127.0.0.1. */
    private static String baseUrl(Process master) throws Exception {
        CompletableFuture<String> joinUrl = CompletableFuture.supplyAsync(() -> {
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(master.getInputStream(), StandardCharsets.UTF_8));
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith("Join URL: ")) return line.substring("Join URL: ".length());
                }
                throw new IllegalStateException("the master ended without printing its join URL");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        int port = URI.create(joinUrl.get(LIMIT.toSeconds(), TimeUnit.SECONDS)).getPort();
        return "http://127.0.0.1:" + port;
    }

    private static long syncedCount(MasterClient device) {
        try {
            return device.status().upstream().synced();
        } catch (IOException e) {
            return -1;
        }
    }
}
