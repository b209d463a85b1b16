package org.lankit.pwa;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lankit.app.KitChoices;
import org.lankit.store.StoredEntry;
import org.lankit.sync.DeviceRetention;
import org.lankit.sync.Entry;
import org.lankit.sync.HlcClock;
import org.lankit.testkit.Entries;
import org.lankit.testkit.Eventually;
import org.lankit.testkit.PairedDevice;
import org.lankit.testkit.PastClocks;

/** The team's retention on a phone: old entries the master holds leave it; its own unsent work never does. */
class PhoneRetentionTest extends PhoneTestBase {

    private static final LocatorAssertions.HasCountOptions WITHIN_40_S = new LocatorAssertions.HasCountOptions().setTimeout(40_000);

    @Test
    void entries_nobody_changed_for_the_teams_days_leave_the_phone_while_an_as_old_one_still_waiting_stays_until_it_is_synced() throws Exception {
        // the phone's clock can be moved, as if Amina had worked days ago
        phone.addInitScript("(() => { const real = Date.now; window.clockShift = 0;"
                + " Date.now = () => real.call(Date) + window.clockShift; })()");
        PhoneApp app = PhoneApp.open(phone, master).joinWithQr("Amina");
        assertThat(app.banner()).containsText("Laptop connected");

        // three days ago, away from the master's WiFi, Amina saved a visit
        phone.setOffline(true);
        assertThat(app.banner()).containsText("Laptop out of reach");
        app.page.evaluate("window.clockShift = -3 * " + DeviceRetention.DAY_MS);
        app.saveHousehold("Saved far away", "3");
        app.page.evaluate("window.clockShift = 0");
        // back in range, her uploads do not get through (a weak signal), the rest of sync does
        phone.route("**/api/v1/sync/push", Route::abort);
        phone.setOffline(false);

        PairedDevice tablet = master.pair("Tablet");
        HlcClock threeDaysAgo = PastClocks.behind(tablet.deviceId(), Duration.ofDays(3));
        tablet.client().push(List.of(Entries.household(threeDaysAgo, "Old visit 1", 2),
                Entries.household(threeDaysAgo, "Old visit 2", 5), Entries.household(tablet.clock(), "Visit today", 4)));
        app.openEntries();
        assertThat(app.badge("Old visit 1")).hasText("Synced");
        assertThat(app.badge("Old visit 2")).hasText("Synced");
        assertThat(app.badge("Visit today")).hasText("Synced");
        assertThat(app.badge("Saved far away")).hasText("Waiting");
        assertThat(app.page.locator("#entry-count")).hasText("4");
        assertThat(app.page.locator("#retention-note")).isHidden();
        app.awaitLiveSocket();

        new KitChoices(master.store()).retentionDays(1);

        // the master tells the phone over the live socket: no reload, no new entry needed
        assertThat(app.entry("Old visit 1")).hasCount(0);
        assertThat(app.entry("Old visit 2")).hasCount(0);
        assertThat(app.badge("Visit today")).hasText("Synced");
        assertThat(app.badge("Saved far away")).hasText("Waiting");
        assertThat(app.page.locator("#entry-count")).hasText("2");
        assertThat(app.page.locator("#retention-note"))
                .hasText("Older entries the coordinator's laptop holds were removed from this phone after 1 day.");
        assertThat(app.banner()).containsText("1 waiting");
        assertThat(master.store().entryCount()).as("the master keeps them").isEqualTo(3);
        app.screenshot("entries-after-retention");

        // once her visit reaches the master it is as settled and as old as the others: it leaves the phone too
        phone.unroute("**/api/v1/sync/push");
        assertThat(app.entry("Saved far away")).hasCount(0, WITHIN_40_S);
        Eventually.within(Duration.ofSeconds(20), "the master has her visit", () -> master.store().entryCount() == 4);
        Entry hers = master.store().recent(0, 10).stream().map(StoredEntry::entry)
                .filter(e -> e.fields().get("respondent").value().asText().equals("Saved far away")).findFirst().orElseThrow();
        assertThat(hers.createdAt()).isCloseTo(System.currentTimeMillis() - 3 * DeviceRetention.DAY_MS, within(120_000L));
        assertThat(hers.fields().get("household_size").value().asInt()).isEqualTo(3);
        assertThat(app.entry("Visit today")).hasCount(1);
        app.assertNoScriptErrors();
    }
}
