package org.lankit.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lankit.upstream.UploadTesting.KIT;
import static org.lankit.upstream.UploadTesting.await;
import static org.lankit.upstream.UploadTesting.fast;
import static org.lankit.upstream.UploadTesting.json;
import static org.lankit.upstream.UploadTesting.seed;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.FileInputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.store.KitStore;
import org.lankit.testkit.FakeTeamApi;
import org.lankit.upstream.ConnectionCheck.Outcome;

class ConnectionCheckTest {

    private static final String TOKEN = "right-token-42";

    @TempDir
    Path dataDir;

    @Test
    void test_connection_tells_reached_wrong_token_not_found_and_no_internet_apart() throws Exception {
        try (FakeTeamApi api = FakeTeamApi.start(); KitStore store = KitStore.open(dataDir);
             Uploads uploader = UploadTesting.start(store, api.url(), TOKEN, fast())) {
            api.requireToken(TOKEN);

            ConnectionCheck ok = uploader.testConnection(uploader.targets().get(0));
            assertThat(ok.outcome()).isEqualTo(Outcome.REACHED);
            assertThat(ok.isOk()).isTrue();
            assertThat(ok.message()).contains("accepted the token");

            ConnectionCheck wrong = uploader.testConnection(json(api.url(), "not-the-token"));
            assertThat(wrong.outcome()).isEqualTo(Outcome.WRONG_TOKEN);
            assertThat(wrong.httpStatus()).isEqualTo(401);
            assertThat(wrong.message()).contains("refused the token").doesNotContain("not-the-token");

            ConnectionCheck missing = uploader.testConnection(json("http://127.0.0.1:" + api.port() + "/no/such/api", TOKEN));
            assertThat(missing.outcome()).isEqualTo(Outcome.NOT_FOUND);
            assertThat(missing.message()).contains("no API at this address");

            ConnectionCheck nobody = uploader.testConnection(json("http://127.0.0.1:" + FakeTeamApi.freePort() + "/v1", TOKEN));
            assertThat(nobody.outcome()).isEqualTo(Outcome.NO_INTERNET);
            assertThat(nobody.message()).contains("Could not reach");

            api.failNext(1, 503);
            assertThat(uploader.testConnection(uploader.targets().get(0)).outcome()).isEqualTo(Outcome.API_ERROR);

            assertThatThrownBy(() -> json("ftp://example.org", TOKEN)).hasMessageContaining("must look like https://");
            // the check sends an empty batch: the API stores nothing
            assertThat(api.storedRevisions()).isZero();
            assertThat(api.requests()).allSatisfy(r -> assertThat(r.uuids()).isEmpty());
        }
    }

    @Test
    void an_api_whose_certificate_cannot_be_verified_is_reported_and_never_sent_entries() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpsServer server = selfSignedServer();
        server.createContext("/", ex -> {
            requests.incrementAndGet();
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        server.start();
        String url = "https://127.0.0.1:" + server.getAddress().getPort() + "/v1/entries";
        try (KitStore store = KitStore.open(dataDir);
             Uploads uploader = UploadTesting.start(store, url, TOKEN, fast())) {
            ConnectionCheck check = uploader.testConnection(uploader.targets().get(0));
            assertThat(check.outcome()).isEqualTo(Outcome.CERTIFICATE);
            assertThat(check.message()).contains("certificate");

            seed(store, 2);
            await("certificate refused", Duration.ofSeconds(20),
                    () -> uploader.status().lastError() != null && uploader.status().lastError().contains("certificate"));
            assertThat(uploader.status().synced()).isZero();
            assertThat(requests.get()).isZero();
        } finally {
            server.stop(0);
        }
    }

    /** An HTTPS server on 127.0.0.1 with a fresh self-signed certificate (made by the JDK's keytool). */
    private HttpsServer selfSignedServer() throws Exception {
        Path keystore = dataDir.resolve("api.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "api", "-keyalg", "RSA",
                "-keysize", "2048", "-validity", "2", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", "changeit")
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(keystore.toFile())) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        return server;
    }
}
