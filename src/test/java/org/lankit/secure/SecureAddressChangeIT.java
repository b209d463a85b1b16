package org.lankit.secure;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
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

/**
 * The master's computer comes back on the WiFi with another address: the certificate is signed
 * anew by the same kit authority, so a phone set up once reopens its secure page from its service
 * worker, is told the new address, and sends there as the same device, installing nothing again.
 */
class SecureAddressChangeIT {

    @TempDir
    Path dataDir;
    @TempDir
    Path workDir;
    @TempDir
    Path phoneDir;

    @Test
    void after_a_restart_on_another_address_the_phone_keeps_working_securely_as_the_same_device_without_installing_anything_again() throws Exception {
        String deviceId;
        try (LanNamespaces lan = LanNamespaces.create(); NamespacedPhone phone = NamespacedPhone.create(lan, phoneDir)) {
            String firstAddress = lan.masterAddress();
            byte[] kitCa;
            String laptopJoinCode;
            try (NamespacedMaster master = NamespacedMaster.start(lan, firstAddress, dataDir, workDir)) {
                laptopJoinCode = master.laptopJoinCode();
                kitCa = phone.installKitCertificate(master.certificateUrl());
                PhoneScreen screen = PhoneScreen.open(phone.openTab(), master.secureJoinUrl());
                screen.join("Amina");
                screen.awaitServiceWorkerControl();
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

                // the phone's page from the old address reopens from its service worker, with its entries
                Page tab = phone.openTab();
                tab.clock().install(); // the phone asks for a new address after a minute out of reach: the test moves time on
                PhoneScreen screen = PhoneScreen.open(tab, "https://" + firstAddress + ":8378/");
                assertThat(screen.page.locator("#entry-form")).isVisible();
                screen.saveHousehold("Saved while the master moved", "4");
                assertThat(screen.page.locator("#banner")).hasAttribute("data-state", "unreachable");
                assertThat(screen.page.locator("#moved")).isHidden();
                tab.clock().fastForward(61_000);
                assertThat(screen.page.locator("#moved")).isVisible();
                screen.page.locator("#moved summary").click();
                // the worker types what the home screen shows under the QR code: the plain address
                screen.page.locator("#moved-address").fill(newAddress + ":8377");
                screen.page.locator("#moved-use").click();
                assertThat(screen.page.locator("#moved-message")).containsText("The laptop answers at https://" + newAddress + ":8378");
                screen.openEntries();
                assertThat(screen.badge("Saved while the master moved")).hasText("Synced");

                JsonNode info = Json.MAPPER.readTree((String) screen.page.evaluate("async (url) => "
                        + "JSON.stringify(await (await fetch(url)).json())", "https://" + newAddress + ":8378/api/v1/info"));
                assertThat(info.path("secure").path("fingerprint").asText())
                        .as("the kit CA fingerprint the new master tells")
                        .isEqualToIgnoringCase(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(kitCa)));
                deviceId = screen.deviceId();
                assertThat(screen.pageErrors).as("uncaught errors in the page").isEmpty();
                phone.closeBrowser();
                assertThat(master.stop()).as("exit code after SIGTERM").isIn(0, 143);
            }
        }
        try (KitStore store = KitStore.open(dataDir)) {
            List<Entry> entries = StoreDump.entries(store);
            assertThat(entries).extracting(e -> e.fields().get("respondent").value().asText())
                    .containsExactlyInAnyOrder("At the first address", "Saved while the master moved");
            assertThat(entries).extracting(Entry::createdBy).containsOnly(deviceId);
            assertThat(store.devices().count()).as("the phone kept its place in the team").isEqualTo(1);
        }
    }
}
