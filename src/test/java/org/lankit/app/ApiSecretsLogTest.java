package org.lankit.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.peer.MasterClient;
import org.lankit.sync.HlcClock;
import org.lankit.sync.Protocol.PairResponse;
import org.lankit.testkit.Entries;
import org.lankit.testkit.Eventually;
import org.lankit.testkit.FakeTeamApi;

/**
 * A master started as a technician would, with a key in its API address and a token, uploading
 * to an API that repeats both in its errors: {@code logs/lankit.log} in the data folder holds
 * neither, only their masked forms. Runs {@link Main} in its own JVM with the jar's logback.xml.
 */
class ApiSecretsLogTest {

    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final Pattern JOIN_URL = Pattern.compile("Join URL: http://[^:]+:(\\d+)/join");
    private static final String TOKEN = "log-token-0123456789-wxyz";
    private static final String KEY = "SECRETKEY-in-the-address-77";
    private static final String JOIN = "LOG-SECRET-TEST-7K";

    @TempDir
    Path work;

    @Test
    void a_token_and_an_address_key_echoed_by_the_api_never_reach_the_log_file() throws Exception {
        Path dataDir = work.resolve("data");
        try (FakeTeamApi api = FakeTeamApi.start()) {
            api.echoCredentialsWith(401);
            Process master = start(dataDir, api.url() + "?key=" + KEY);
            try {
                MasterClient phone = new MasterClient("http://127.0.0.1:" + port(master), null);
                PairResponse paired = phone.pair(JOIN, "Phone", "phone");
                phone.push(List.of(Entries.household(HlcClock.system(paired.deviceId()), "Asha", 3)));
                Path log = dataDir.resolve("logs").resolve("lankit.log");
                Eventually.within(LIMIT, "the refusal is logged", () -> read(log).contains("refused for good"));
                assertThat(phone.status().upstream().lastError()).contains("HTTP 401").doesNotContain(TOKEN).doesNotContain(KEY);

                String written = read(log);
                assertThat(written).contains("uploads go to", "•••wxyz").doesNotContain(TOKEN).doesNotContain(KEY);
            } finally {
                master.destroy();
                if (!master.waitFor(20, TimeUnit.SECONDS)) master.destroyForcibly();
            }
            assertThat(api.requests()).isNotEmpty().allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer " + TOKEN));
        }
    }

    private Process start(Path dataDir, String apiUrl) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dlogback.configurationFile=logback.xml", "-cp", System.getProperty("java.class.path")));
        String runtime = System.getProperty("lankit.runtimeDir");
        if (runtime != null) command.add("-Dlankit.runtimeDir=" + runtime);
        command.addAll(List.of(Main.class.getName(), "--headless", "--role", "master", "--bind", "127.0.0.1", "--port", "0",
                "--https-port", "0", "--join-code", JOIN, "--data-dir", dataDir.toString(), "--api-url", apiUrl, "--api-token", TOKEN));
        return new ProcessBuilder(command).redirectError(work.resolve("master.err").toFile()).start();
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** Reads the headless master's "Join URL: http://host:port/join#code" line. */
    private static int port(Process master) throws Exception {
        CompletableFuture<Integer> port = CompletableFuture.supplyAsync(() -> {
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(master.getInputStream(), StandardCharsets.UTF_8));
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    Matcher m = JOIN_URL.matcher(line);
                    if (m.find()) return Integer.parseInt(m.group(1));
                }
                throw new IllegalStateException("the master ended without printing its join URL");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        return port.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
    }
}
