package org.lankit.secure;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.store.KitStore;
import org.lankit.sync.Entry;
import org.lankit.testkit.LanNamespaces;
import org.lankit.testkit.NamespacedMaster;
import org.lankit.testkit.NamespacedPhone;
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
}
