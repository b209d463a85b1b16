package org.lankit.secure;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.PlaywrightException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.store.KitStore;
import org.lankit.sync.Entry;
import org.lankit.testkit.LanNamespaces;
import org.lankit.testkit.NamespacedMaster;
import org.lankit.testkit.NamespacedPhone;
import org.lankit.testkit.PhoneStorage;
import org.lankit.testkit.StoreDump;

/**
 * A field worker's phone on the master's WiFi (network namespaces joined by a veth pair, so the
 * page is on a LAN address, not loopback), before and after the kit's certificate is trusted.
 */
class SecurePhoneOfflineIT {

    @TempDir
    Path dataDir;
    @TempDir
    Path workDir;
    @TempDir
    Path phoneDir;

    @Test
    void over_plain_http_on_a_lan_address_the_phone_page_is_no_secure_context_yet_entries_still_reach_the_master() {
        try (LanNamespaces lan = LanNamespaces.create();
             NamespacedMaster master = NamespacedMaster.start(lan, lan.masterAddress(), dataDir, workDir);
             NamespacedPhone phone = NamespacedPhone.create(lan, phoneDir)) {
            assertThat(master.joinUrl()).isEqualTo("http://" + lan.masterAddress() + ":8377/join#" + NamespacedMaster.JOIN_CODE);

            PhoneScreen screen = PhoneScreen.open(phone.openTab(), master.joinUrl());
            assertThat(screen.isSecureContext()).as("window.isSecureContext on " + master.joinUrl()).isFalse();
            assertThat((Boolean) screen.page.evaluate("'serviceWorker' in navigator")).isFalse();
            screen.join("Amina");
            // the master offers its secure page: the offer also says what the plain page lacks
            assertThat(screen.page.locator("#secure-offer")).containsText("entries on this phone are not encrypted");
            screen.saveHousehold("Over plain http", "5");
            screen.openEntries();
            assertThat(screen.badge("Over plain http")).hasText("Synced");
            phone.closeBrowser();
            assertThat(master.stop()).as("exit code after SIGTERM").isIn(0, 143);
        }
        try (KitStore store = KitStore.open(dataDir)) {
            List<Entry> entries = StoreDump.entries(store);
            assertThat(entries).hasSize(1);
            assertThat(entries.get(0).createdBy()).isEqualTo(store.devices().all().get(0).deviceId());
        }
    }

    @Test
    void with_the_kit_certificate_trusted_the_phone_joins_over_https_reopens_offline_and_every_entry_reaches_the_master_once() {
        String deviceId;
        try (LanNamespaces lan = LanNamespaces.create();
             NamespacedMaster master = NamespacedMaster.start(lan, lan.masterAddress(), dataDir, workDir);
             NamespacedPhone phone = NamespacedPhone.create(lan, phoneDir)) {
            assertThat(master.secureJoinUrl()).isEqualTo("https://" + lan.masterAddress() + ":8378/join#" + NamespacedMaster.JOIN_CODE);
            assertThatThrownBy(() -> phone.openTab().navigate(master.secureJoinUrl()))
                    .as("the secure URL before the phone trusts the kit")
                    .isInstanceOf(PlaywrightException.class).hasMessageContaining("ERR_CERT_AUTHORITY_INVALID");

            phone.installKitCertificate(master.certificateUrl());
            PhoneScreen screen = PhoneScreen.open(phone.openTab(), master.secureJoinUrl());
            assertThat(screen.isSecureContext()).as("window.isSecureContext on " + master.secureJoinUrl()).isTrue();
            screen.join("Amina");
            deviceId = screen.deviceId();
            screen.saveHousehold("Saved on the WiFi", "3");
            screen.openEntries();
            assertThat(screen.badge("Saved on the WiFi")).hasText("Synced");
            assertThat((String) screen.page.evaluate(PhoneStorage.RAW_RECORDS)).as("the phone's storage, read raw")
                    .contains("entries: {").doesNotContain("Saved on the WiFi");
            screen.awaitServiceWorkerControl();

            BrowserContext browser = phone.browser();
            browser.setOffline(true);
            screen.page.reload();
            assertThat(screen.page.locator("#app-view")).isVisible();
            assertThat(screen.page.locator("#banner")).containsText("Laptop out of reach");
            screen.openForm();
            screen.saveHousehold("Saved offline first", "4");
            screen.saveHousehold("Saved offline second", "2");
            screen.openEntries();
            assertThat(screen.badge("Saved offline first")).hasText("Waiting");
            assertThat(screen.badge("Saved offline second")).hasText("Waiting");
            screen.page.close();

            browser.setOffline(false);
            PhoneScreen reopened = PhoneScreen.open(phone.openTab(), "https://" + lan.masterAddress() + ":8378/");
            reopened.openEntries();
            for (String respondent : List.of("Saved on the WiFi", "Saved offline first", "Saved offline second")) {
                assertThat(reopened.badge(respondent)).hasText("Synced");
            }
            assertThat(screen.pageErrors).as("uncaught errors in the page").isEmpty();
            assertThat(reopened.pageErrors).as("uncaught errors in the reopened page").isEmpty();
            phone.closeBrowser();
            assertThat(master.stop()).as("exit code after SIGTERM").isIn(0, 143);
        }
        try (KitStore store = KitStore.open(dataDir)) {
            List<Entry> entries = StoreDump.entries(store);
            assertThat(entries).as("entries on the master").hasSize(3);
            assertThat(entries).extracting(Entry::uuid).doesNotHaveDuplicates();
            assertThat(entries).extracting(Entry::createdBy).containsOnly(deviceId);
            assertThat(entries).extracting(e -> e.fields().get("respondent").value().asText())
                    .containsExactlyInAnyOrder("Saved on the WiFi", "Saved offline first", "Saved offline second");
        }
    }
}
