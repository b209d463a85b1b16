package org.lankit.secure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.testkit.RunningMaster;

/** What a technician sees checking the master's HTTPS port with openssl (installed by .ci/run). */
class OpensslTest {

    @TempDir
    Path dataDir;
    @TempDir
    Path work;

    @BeforeEach
    void needsOpenssl() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is not installed: apt-get install openssl");
    }

    @Test
    void s_client_shows_tls_1_2_or_newer_and_the_chain_to_the_kit_authority() throws Exception {
        try (RunningMaster master = RunningMaster.start(dataDir)) {
            Path ca = work.resolve("kit-ca.pem");
            Files.writeString(ca, Pem.certificate(KitAuthority.openOrCreate(dataDir, "Test team").certificate()));
            String connect = "127.0.0.1:" + master.kit().hub().httpsPort().orElseThrow();

            String modern = openssl("s_client", "-connect", connect, "-CAfile", ca.toString(), "-showcerts", "-verify_return_error");
            String tls12 = openssl("s_client", "-connect", connect, "-CAfile", ca.toString(), "-tls1_2");
            String tls11 = openssl("s_client", "-connect", connect, "-tls1_1", "-cipher", "DEFAULT@SECLEVEL=0");
            String tls10 = openssl("s_client", "-connect", connect, "-tls1", "-cipher", "DEFAULT@SECLEVEL=0");

            assertThat(modern).contains("Verification: OK", "New, TLSv1.3")
                    .contains("depth=1 CN = Lankit Test team").contains("depth=0 CN = 127.0.0.1");
            assertThat(tls12).contains("Verification: OK", "New, TLSv1.2");
            assertThat(tls11).contains("alert protocol version", "no peer certificate available");
            assertThat(tls10).contains("alert protocol version", "no peer certificate available");

            Path leaf = work.resolve("server.pem");
            Files.writeString(leaf, modern.substring(modern.indexOf("-----BEGIN CERTIFICATE-----"),
                    modern.indexOf("-----END CERTIFICATE-----") + 25) + "\n");
            String fields = openssl("x509", "-in", leaf.toString(), "-noout", "-text");
            assertThat(fields).contains("ecdsa-with-SHA256", "NIST CURVE: P-256", "TLS Web Server Authentication",
                    "IP Address:127.0.0.1", ".local", "CA:FALSE");
        }
    }

    /** Runs openssl with no input and gives back all it printed; it always stops within 20 s. */
    private String openssl(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/usr/bin/openssl"));
        command.addAll(List.of(args));
        Path output = Files.createTempFile(work, "openssl", ".txt");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        if (!p.waitFor(20, TimeUnit.SECONDS)) p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        return Files.readString(output, StandardCharsets.UTF_8);
    }
}
