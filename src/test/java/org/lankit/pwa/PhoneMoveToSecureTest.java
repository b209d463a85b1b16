package org.lankit.pwa;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.lankit.store.StoredEntry;

/**
 * A phone paired over plain http moves to the master's secure page (another origin, with its own
 * storage) without losing anything: same device, every entry the master had not acknowledged.
 * The https side runs on 127.0.0.1 with a browser told to accept the kit's certificate.
 */
class PhoneMoveToSecureTest extends PhoneTestBase {

    /** Longer than the phone's longest wait between tries (30 s). */
    private static final LocatorAssertions.HasTextOptions WITHIN_45_S = new LocatorAssertions.HasTextOptions().setTimeout(45_000);

    /** The device this page's origin holds in IndexedDB (null when none). */
    static String deviceIdIn(Page page) {
        return (String) page.evaluate("""
                () => new Promise((resolve, reject) => {
                  const open = indexedDB.open('lankit');
                  open.onerror = () => reject(open.error);
                  open.onsuccess = () => {
                    const read = open.result.transaction('meta').objectStore('meta').get('device');
                    read.onerror = () => reject(read.error);
                    read.onsuccess = () => { resolve(read.result?.deviceId ?? null); open.result.close(); };
                  };
                })""");
    }

    @Test
    void a_phone_with_three_entries_waiting_and_the_master_out_of_reach_moves_and_each_entry_arrives_once_under_its_id() {
        try (BrowserContext trusting = browser.newPhone(o -> o.setIgnoreHTTPSErrors(true))) {
            PhoneApp app = PhoneApp.open(trusting, master).joinWithQr("Amina");
            String deviceId = deviceIdIn(app.page);
            assertThat(deviceId).isNotBlank();

            // the WiFi drops for the plain page: none of its sync calls reach the master
            trusting.route(master.baseUrl() + "/api/v1/sync/**", Route::abort);
            for (int i = 1; i <= 3; i++) app.saveHousehold("Waiting " + i, Integer.toString(i + 1));
            app.openEntries();
            for (int i = 1; i <= 3; i++) assertThat(app.badge("Waiting " + i)).hasText("Waiting");
            assertThat(master.store().entryCount()).isZero();

            // the secure page's pushes wait too at first, so that what it carried can be seen there
            String securePush = master.secureBaseUrl() + "/api/v1/sync/push";
            trusting.route(securePush, Route::abort);
            app.page.navigate(master.baseUrl() + "/setup");
            app.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check")).click();

            app.page.waitForURL(master.secureBaseUrl() + "/");
            assertThat(app.page.url()).as("the handover left the address bar").doesNotContain("#");
            // the app starts once the handed-over phone is stored
            assertThat(app.page.locator("#device-name")).hasText("This phone: Amina");
            assertThat(deviceIdIn(app.page)).isEqualTo(deviceId);
            app.openEntries();
            for (int i = 1; i <= 3; i++) assertThat(app.badge("Waiting " + i)).hasText("Waiting");

            trusting.unroute(securePush);
            for (int i = 1; i <= 3; i++) assertThat(app.badge("Waiting " + i)).hasText("Synced", WITHIN_45_S);
            List<StoredEntry> stored = master.store().recent(0, 10);
            assertThat(stored).extracting(s -> s.entry().fields().get("respondent").value().asText())
                    .containsExactlyInAnyOrder("Waiting 1", "Waiting 2", "Waiting 3");
            assertThat(stored).extracting(s -> s.entry().createdBy()).containsOnly(deviceId);
            assertThat(master.store().devices().all()).as("no second pairing").hasSize(1);
            app.assertNoScriptErrors();

            Page plainAgain = trusting.newPage();
            List<String> plainCalls = new CopyOnWriteArrayList<>();
            plainAgain.onRequest(r -> {
                if (r.url().startsWith(master.baseUrl() + "/api/")) plainCalls.add(r.url());
            });
            plainAgain.navigate(master.baseUrl() + "/");
            assertThat(plainAgain.locator("#moved-away")).containsText("This phone now uses the secure page");
            assertThat(plainAgain.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open the secure page")))
                    .hasAttribute("href", master.secureBaseUrl() + "/");
            assertThat(plainAgain.locator("#app-view")).isHidden();
            plainAgain.waitForTimeout(1_500);
            assertThat(plainCalls).as("calls the moved plain page made").isEmpty();
            assertThat(master.store().entryCount()).isEqualTo(3);
        }
    }

    @Test
    void after_the_move_the_secure_page_shows_what_the_master_already_had_and_nothing_arrives_twice() {
        try (BrowserContext trusting = browser.newPhone(o -> o.setIgnoreHTTPSErrors(true))) {
            PhoneApp app = PhoneApp.open(trusting, master).joinWithQr("Amina");
            String deviceId = deviceIdIn(app.page);
            app.saveHousehold("Sent before", "2");
            app.openEntries();
            assertThat(app.badge("Sent before")).hasText("Synced");

            // saved while the page could not push; its retry or the move's last push sends it, or it travels
            trusting.route(master.baseUrl() + "/api/v1/sync/push", Route::abort);
            app.openForm();
            app.saveHousehold("Saved just before the move", "3");
            trusting.unroute(master.baseUrl() + "/api/v1/sync/push");
            app.page.navigate(master.baseUrl() + "/setup");
            app.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check")).click();

            app.page.waitForURL(master.secureBaseUrl() + "/");
            assertThat(app.page.locator("#entry-form")).isVisible();
            app.openEntries();
            assertThat(app.badge("Saved just before the move")).hasText("Synced", WITHIN_45_S);
            assertThat(app.badge("Sent before")).hasText("Synced", WITHIN_45_S);
            assertThat(app.entries()).hasCount(2);
            assertThat(master.store().entryCount()).isEqualTo(2);
            assertThat(master.store().recent(0, 10)).extracting(s -> s.entry().createdBy()).containsOnly(deviceId);
            app.assertNoScriptErrors();
        }
    }
}
