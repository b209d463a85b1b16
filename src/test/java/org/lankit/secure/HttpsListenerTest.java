package org.lankit.secure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.peer.MasterClient;
import org.lankit.sync.Protocol.Info;
import org.lankit.testkit.Entries;
import org.lankit.testkit.RunningMaster;

/** The master's HTTPS listener: the same routes as plain HTTP, signed by the team's own authority. */
class HttpsListenerTest {

    @TempDir
    Path dataDir;
    @TempDir
    Path otherKit;

    @Test
    void a_device_that_trusts_the_kit_pairs_and_pushes_over_https_and_the_entry_is_stored() throws Exception {
        try (RunningMaster master = RunningMaster.start(dataDir)) {
            CaPin pin = master.kit().authorityPin();
            MasterClient device = new MasterClient(master.secureBaseUrl(), null, pin.pin());

            Info info = device.info();
            var paired = device.pair(RunningMaster.JOIN_CODE, "Phone 1", "phone");
            var entry = Entries.household(org.lankit.sync.HlcClock.system(paired.deviceId()), "Grace", 4);
            device.push(List.of(entry));

            assertThat(info.secure().port()).isEqualTo(master.kit().hub().httpsPort().orElseThrow());
            assertThat(info.secure().pin()).isEqualTo(pin.pin());
            assertThat(info.secure().fingerprint()).isEqualTo(pin.fingerprint());
            assertThat(master.store().find(entry.uuid())).isPresent();
        }
    }

    @Test
    void the_plain_http_listener_says_where_the_secure_one_is_and_hands_out_the_kit_certificate() throws Exception {
        try (RunningMaster master = RunningMaster.start(dataDir)) {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<byte[]> der = http.send(HttpRequest.newBuilder(URI.create(master.baseUrl() + "/ca.crt")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            HttpResponse<String> profile = http.send(HttpRequest.newBuilder(URI.create(master.baseUrl() + "/ca.mobileconfig")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Info info = new MasterClient(master.baseUrl(), null).info();

            X509Certificate ca = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der.body()));
            assertThat(der.headers().firstValue("Content-Type")).hasValue("application/x-x509-ca-cert");
            assertThat(CaPin.of(ca)).isEqualTo(master.kit().authorityPin());
            assertThat(info.secure().pin()).isEqualTo(CaPin.of(ca).pin());
            assertThat(profile.headers().firstValue("Content-Type")).hasValue("application/x-apple-aspen-config");
            assertThat(profile.body()).contains("com.apple.security.root", "Test team")
                    .contains(Base64.getEncoder().encodeToString(ca.getEncoded()).substring(0, 40));
        }
    }

    @Test
    void a_device_trusting_another_kit_is_refused_before_anything_is_sent() throws Exception {
        CaPin strangers = KitAuthority.openOrCreate(otherKit, "Other team").pin();
        try (RunningMaster master = RunningMaster.start(dataDir)) {
            MasterClient device = new MasterClient(master.secureBaseUrl(), null, strangers.pin());

            assertThatThrownBy(() -> device.pair(RunningMaster.JOIN_CODE, "Laptop", "client"))
                    .isInstanceOf(org.lankit.peer.UntrustedMasterException.class)
                    .hasMessageContaining("not your team's master");
            assertThat(master.store().devices().count()).isZero();
        }
    }

    @Test
    void a_new_certificate_reaches_new_connections_without_a_restart() throws Exception {
        try (RunningMaster master = RunningMaster.start(dataDir)) {
            X509Certificate before = presented(master);
            KitAuthority authority = KitAuthority.openOrCreate(dataDir, "Test team");
            ServerIdentity moved = authority.serverIdentity(ServerNames.of(Set.of("127.0.0.1", "10.9.8.7"), "laptop"));

            master.kit().hub().useServerIdentity(moved);

            X509Certificate after = presented(master);
            assertThat(after).isNotEqualTo(before).isEqualTo(moved.certificate());
            assertThat(new MasterClient(master.secureBaseUrl(), null, master.kit().authorityPin().pin()).info().role())
                    .isEqualTo("master");
        }
    }

    @Test
    void tls_1_2_and_1_3_are_spoken() throws Exception {
        try (RunningMaster master = RunningMaster.start(dataDir)) {
            for (String version : List.of("TLSv1.2", "TLSv1.3")) {
                try (SSLSocket socket = (SSLSocket) PinnedTrust.context(master.kit().authorityPin().pin()).getSocketFactory()
                        .createSocket("127.0.0.1", master.kit().hub().httpsPort().orElseThrow())) {
                    socket.setEnabledProtocols(new String[] {version});
                    socket.startHandshake();
                    assertThat(socket.getSession().getProtocol()).isEqualTo(version);
                }
            }
        }
    }

    private static X509Certificate presented(RunningMaster master) throws Exception {
        try (SSLSocket socket = (SSLSocket) PinnedTrust.context(master.kit().authorityPin().pin()).getSocketFactory()
                .createSocket("127.0.0.1", master.kit().hub().httpsPort().orElseThrow())) {
            socket.startHandshake();
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        }
    }
}
