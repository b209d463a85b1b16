package org.lankit.pwa;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.app.KitOptions;
import org.lankit.app.MasterKit;
import org.lankit.app.Promotion;
import org.lankit.hub.HubConfig;
import org.lankit.store.KitStore;
import org.lankit.sync.Entry;
import org.lankit.testkit.Eventually;
import org.lankit.testkit.FakeTeamApi;
import org.lankit.testkit.RunningClient;
import org.lankit.testkit.RunningMaster;
import org.lankit.upstream.UploaderConfig;

/**
 * The acceptance test of a take-over: a master with three phones (Chromium) and two client
 * laptops uploads to the team's JSON API; some entries are uploaded, some wait on phones; the
 * master is lost for good; laptop one takes over; the phones (same tokens, by "new address") and
 * laptop two carry on; the API ends with every entry exactly once.
 */
class TakeOverPhonesTest extends PhoneTestBase {

    private static final String API_TOKEN = "team-api-token-for-take-over";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final LocatorAssertions.HasTextOptions WITHIN_20_S = new LocatorAssertions.HasTextOptions().setTimeout(20_000);

    @TempDir
    Path teamDir;
    @TempDir
    Path laptopDir;
    @TempDir
    Path otherLaptopDir;

    @Test
    void the_team_carries_on_after_a_laptop_takes_over_and_the_api_gets_every_entry_once() throws Exception {
        try (FakeTeamApi api = FakeTeamApi.start().requireToken(API_TOKEN);
             BrowserContext phone2 = browser.newPhone(); BrowserContext phone3 = browser.newPhone()) {
            master.close(); // the base class's master has no team server: this test's has
            KitStore oldStore = KitStore.open(teamDir);
            RunningMaster old = RunningMaster.of(oldStore, startMaster(oldStore, api.url()));
            master = old;
            PhoneApp amina = PhoneApp.openWithClock(phone, old).joinWithQr("Amina");
            PhoneApp bakari = PhoneApp.openWithClock(phone2, old).joinWithQr("Bakari");
            PhoneApp chidi = PhoneApp.openWithClock(phone3, old).joinWithQr("Chidi");
            RunningClient laptop = RunningClient.start(laptopDir, old, "Laptop one");
            RunningClient other = RunningClient.start(otherLaptopDir, old.baseUrl(), "Laptop two", old.kit().laptopJoinCode());

            amina.saveHousehold("Uploaded from Amina 1", "2");
            amina.saveHousehold("Uploaded from Amina 2", "3");
            bakari.saveHousehold("Uploaded from Bakari", "4");
            Entry typedOnLaptop = laptop.saveHousehold("Uploaded from laptop one", 5);
            Eventually.within(WAIT, "the API holds the first four entries", () -> api.storedUuids().size() == 4);
            Eventually.within(WAIT, "laptop one holds them with what the API holds, and every device",
                    () -> laptop.store().entryCount() == 4 && bundleShows(laptop, 4, 6));
            assertThat(laptop.store().find(typedOnLaptop.uuid())).isPresent();

            old.close(); // lost for good
            master = null;
            bakari.openForm();
            bakari.saveHousehold("Waiting on Bakari", "6");
            chidi.saveHousehold("Waiting on Chidi 1", "7");
            chidi.saveHousehold("Waiting on Chidi 2", "8");
            Entry typedMeanwhile = other.saveHousehold("Typed on laptop two while the master was gone", 9);

            laptop.close();
            KitStore newStore = KitStore.open(laptopDir);
            Promotion.Promoted promoted = Promotion.promote(newStore);
            assertThat(promoted.alreadyUploaded()).isEqualTo(4);
            RunningMaster successor = RunningMaster.of(newStore, startMaster(newStore, null));
            master = successor;

            other.close();
            try (RunningClient follows = RunningClient.start(otherLaptopDir, successor.baseUrl(), "Laptop two", null)) {
                Eventually.within(WAIT, "laptop two's entry reaches the new master",
                        () -> successor.store().find(typedMeanwhile.uuid()).isPresent());
            }
            Eventually.within(WAIT, "the API holds laptop two's entry", () -> api.storedUuids().size() == 5);

            for (PhoneApp phoneApp : List.of(amina, bakari, chidi)) moveTo(phoneApp, successor);
            chidi.openEntries();
            assertThat(chidi.badge("Waiting on Chidi 1")).hasText("Synced", WITHIN_20_S);
            assertThat(chidi.badge("Waiting on Chidi 2")).hasText("Synced", WITHIN_20_S);
            bakari.openEntries();
            assertThat(bakari.badge("Waiting on Bakari")).hasText("Synced", WITHIN_20_S);
            amina.openEntries();
            assertThat(amina.entry("Waiting on Chidi 1")).isVisible();

            Eventually.within(WAIT, () -> "every entry at the API: " + api.storedUuids().size() + " of 8",
                    () -> api.storedUuids().size() == 8);
            assertThat(api.storedRevisions()).as("no entry sent twice").isEqualTo(8);
            assertThat(successor.store().entryCount()).isEqualTo(8);
            for (PhoneApp phoneApp : List.of(amina, bakari, chidi)) phoneApp.assertNoScriptErrors();
        }
    }

    /** The worker types the new master's address under "new address"; the phone keeps its token. */
    private static void moveTo(PhoneApp app, RunningMaster successor) {
        app.askForNewAddress();
        app.page.getByLabel("The coordinator's laptop's address, as shown under its QR code").fill(successor.baseUrl().replace("http://", ""));
        app.page.locator("#moved-use").click();
        assertThat(app.page.locator("#moved-message")).containsText("waiting entries go there now");
    }

    private static boolean bundleShows(RunningClient laptop, int receipts, int devices) {
        try {
            laptop.kit().sync().refreshSuccession();
        } catch (IOException | RuntimeException notYet) {
            return false;
        }
        return laptop.kit().sync().succession().bundle()
                .map(b -> b.receipts().size() == receipts && b.devices().size() == devices).orElse(false);
    }

    private static MasterKit startMaster(KitStore store, String apiUrl) {
        KitOptions options = new KitOptions(true, null, 0, store.dataDir(), "Test team", RunningMaster.JOIN_CODE, null, apiUrl,
                apiUrl == null ? null : API_TOKEN).withBind("127.0.0.1");
        return MasterKit.start(store, options, HubConfig.defaults().withAddress("127.0.0.1", 0).withAnnouncement(false),
                UploaderConfig.defaults().withRetryDelays(Duration.ofMillis(20), Duration.ofMillis(200), 0.1)
                        .withRequestTimeout(Duration.ofSeconds(10)).withProbeInterval(Duration.ofMillis(100)));
    }
}
