package org.lankit.secure;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.store.KitStore;
import org.lankit.sync.Entry;
import org.lankit.sync.Json;
import org.lankit.testkit.LanNamespaces;
import org.lankit.testkit.NamespacedMaster;
import org.lankit.testkit.NamespacedPhone;
import org.lankit.testkit.ServedCertificate;
import org.lankit.testkit.StoreDump;

/** The master's computer comes back on the WiFi with another address: phones set up once keep working over https. */
class SecureAddressChangeIT {

    @TempDir
    Path dataDir;
    @TempDir
    Path workDir;
    @TempDir
    Path phoneDir;

    @Test
    void after_a_restart_on_another_address_the_phone_reaches_the_new_secure_url_without_installing_anything_again() throws Exception {
        try (LanNamespaces lan = LanNamespaces.create(); NamespacedPhone phone = NamespacedPhone.create(lan, phoneDir)) {
            String firstAddress = lan.masterAddress();
            byte[] kitCa;
            String laptopJoinCode;
            try (NamespacedMaster master = NamespacedMaster.start(lan, firstAddress, dataDir, workDir)) {
                laptopJoinCode = master.laptopJoinCode();
                kitCa = phone.installKitCertificate(master.certificateUrl());
                PhoneScreen screen = PhoneScreen.open(phone.openTab(), master.secureJoinUrl());
                screen.join("Amina");
                screen.saveHousehold("At the first address", "3");
                screen.openEntries();
                assertThat(screen.badge("At the first address")).hasText("Synced");
                assertThat(ServedCertificate.ipAddresses(ServedCertificate.at(lan, firstAddress, NamespacedMaster.HTTPS_PORT)))
                        .contains(firstAddress);
                phone.closeBrowser();
                assertThat(master.stop()).as("exit code after SIGTERM").isIn(0, 143);
            }

            String newAddress = lan.moveMasterAddress();
            try (NamespacedMaster master = NamespacedMaster.start(lan, newAddress, dataDir, workDir)) {
                assertThat(master.secureJoinUrl()).isEqualTo("https://" + newAddress + ":8378/join#" + NamespacedMaster.JOIN_CODE);
                assertThat(master.laptopJoinCode()).as("the join code with the CA pin").isEqualTo(laptopJoinCode);
                X509Certificate served = ServedCertificate.at(lan, newAddress, NamespacedMaster.HTTPS_PORT);
                assertThat(ServedCertificate.ipAddresses(served)).contains(newAddress).doesNotContain(firstAddress);
                served.verify(ServedCertificate.fromDer(kitCa).getPublicKey());

                PhoneScreen screen = PhoneScreen.open(phone.openTab(), master.secureJoinUrl());
                assertThat(screen.isSecureContext()).as("window.isSecureContext on " + master.secureJoinUrl()).isTrue();
                JsonNode info = Json.MAPPER.readTree((String) screen.page.evaluate(
                        "async () => JSON.stringify(await (await fetch('/api/v1/info')).json())"));
                assertThat(info.path("secure").path("fingerprint").asText())
                        .as("the kit CA fingerprint the new master tells")
                        .isEqualToIgnoringCase(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(kitCa)));
                screen.join("Amina");
                screen.saveHousehold("At the new address", "4");
                screen.openEntries();
                assertThat(screen.badge("At the new address")).hasText("Synced");
                assertThat(screen.pageErrors).as("uncaught errors in the page").isEmpty();
                phone.closeBrowser();
                assertThat(master.stop()).as("exit code after SIGTERM").isIn(0, 143);
            }
        }
        try (KitStore store = KitStore.open(dataDir)) {
            List<Entry> entries = StoreDump.entries(store);
            assertThat(entries).extracting(e -> e.fields().get("respondent").value().asText())
                    .containsExactlyInAnyOrder("At the first address", "At the new address");
        }
    }
}
