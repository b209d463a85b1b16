package org.lankit.pwa;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.hub.HubConfig;
import org.lankit.testkit.Entries;
import org.lankit.testkit.PairedDevice;
import org.lankit.testkit.RunningMaster;

/**
 * The master laptop comes back at another address (another WiFi, a new lease; here another port,
 * so another origin): a phone that kept the page open is told the new address and sends there.
 */
class PhoneMasterMovedTest extends PhoneTestBase {

    private static final HubConfig QUIET = HubConfig.defaults().withAnnouncement(false);
    private static final LocatorAssertions.HasTextOptions WITHIN_10_S = new LocatorAssertions.HasTextOptions().setTimeout(10_000);

    @TempDir
    Path otherTeamDir;

    @Test
    void the_master_comes_back_at_a_new_address_and_the_phone_sends_its_waiting_entry_there_once_told() throws Exception {
        PhoneApp app = PhoneApp.openWithClock(phone, master).joinWithQr("Amina");
        app.saveHousehold("Before the move", "2");
        app.openEntries();
        assertThat(app.badge("Before the move")).hasText("Synced");
        assertThat(app.page.locator("#moved")).isHidden();

        String oldAddress = master.baseUrl();
        master.close();
        assertThat(app.banner()).containsText("Laptop out of reach");
        app.openForm();
        app.saveHousehold("While it moved", "3");
        master = RunningMaster.start(dataDir, 0, QUIET);
        assertThat(master.baseUrl()).as("another origin than the page's").isNotEqualTo(oldAddress);

        Locator address = app.page.getByLabel("The coordinator's laptop's address, as shown under its QR code");
        try (RunningMaster otherTeam = RunningMaster.start(otherTeamDir, 0, QUIET)) {
            app.askForNewAddress();
            address.fill(otherTeam.baseUrl().replace("http://", ""));
            app.page.locator("#moved-use").click();
            assertThat(app.page.locator("#moved-message")).containsText("not your team's laptop");
            assertThat(otherTeam.store().entryCount()).isZero();
            app.screenshot("master-moved");
        }
        address.fill("192.168.1.23 port 8377");
        app.page.locator("#moved-use").click();
        assertThat(app.page.locator("#moved-message")).containsText("Type the address shown under the QR code");

        address.fill(master.baseUrl().replace("http://", "") + "/");
        app.page.locator("#moved-use").click();
        app.openEntries();
        assertThat(app.badge("While it moved")).hasText("Synced", WITHIN_10_S);
        assertThat(master.store().entryCount()).isEqualTo(2);
        assertThat(app.banner()).containsText("Laptop connected");
        assertThat(app.page.locator("#moved")).isHidden();

        // the live socket follows too: another device's entry appears without a reload
        PairedDevice laptop = master.pair("Laptop");
        laptop.client().push(List.of(Entries.household(laptop.clock(), "Typed on the laptop", 4)));
        assertThat(app.entry("Typed on the laptop")).isVisible();
        assertThat(app.entries()).hasCount(3);
        app.assertNoScriptErrors();
    }
}
