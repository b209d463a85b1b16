package org.lankit.pwa;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lankit.testkit.Eventually;
import org.lankit.testkit.PairedDevice;
import org.lankit.testkit.PhoneStorage;
import org.lankit.testkit.RunningMaster;

/**
 * A phone whose entries an earlier version of the app stored: database version 1 (no outbox
 * index), 2 (no photos) or 3 (entries kept plain; 127.0.0.1 is a secure context, so the app
 * seals them now).
 */
class PhoneStoreUpgradeTest extends PhoneTestBase {

    /** The database as version 1, 2 or 3 of the app left it: a paired device and one entry waiting. */
    private static final String EARLIER_VERSION = """
            async ({ version, deviceId, token }) => {
              const db = await new Promise((resolve, reject) => {
                const open = indexedDB.open('lankit', version);
                open.onupgradeneeded = () => {
                  open.result.createObjectStore('meta');
                  const entries = open.result.createObjectStore('entries', { keyPath: 'uuid' });
                  if (version >= 2) entries.createIndex('status', 'status');
                  if (version >= 3) open.result.createObjectStore('attachments', { keyPath: 'name' });
                };
                open.onsuccess = () => resolve(open.result);
                open.onerror = () => reject(open.error);
              });
              const hlc = (n) => `${String(Date.now() - 60000).padStart(13, '0')}-00000${n}-${deviceId}`;
              const tx = db.transaction(['meta', 'entries'], 'readwrite');
              tx.objectStore('meta').put({ deviceId, token, name: 'Amina', formerIds: [] }, 'device');
              tx.objectStore('entries').put({
                uuid: '6a1f3c52-9d1e-4c1b-8f53-0d2b7e0c4a11', formId: 'household_visit', formVersion: 1,
                createdAt: Date.now() - 60000, createdBy: deviceId, master: null, status: 'waiting', error: null,
                local: {
                  respondent: { value: 'Saved before the update', hlc: hlc(1), by: deviceId, base: '' },
                  household_size: { value: 3, hlc: hlc(2), by: deviceId, base: '' },
                },
              });
              await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onerror = () => reject(tx.error); });
              db.close();
            }
            """;

    @Test
    void an_entry_waiting_in_the_version_1_database_is_listed_and_sent_after_the_update() throws Exception {
        anEntryWaitingInTheEarlierDatabaseIsListedAndSentAfterTheUpdate(1);
    }

    @Test
    void an_entry_waiting_in_the_version_2_database_is_listed_and_sent_after_the_update() throws Exception {
        anEntryWaitingInTheEarlierDatabaseIsListedAndSentAfterTheUpdate(2);
    }

    @Test
    void an_entry_waiting_plain_in_the_version_3_database_is_sealed_listed_and_sent_after_the_update() throws Exception {
        PhoneApp app = anEntryWaitingInTheEarlierDatabaseIsListedAndSentAfterTheUpdate(3);
        String raw = (String) app.page.evaluate(PhoneStorage.RAW_RECORDS);
        assertThat(raw).as("what IndexedDB holds").contains("6a1f3c52-9d1e-4c1b-8f53-0d2b7e0c4a11")
                .doesNotContain("Saved before the update");
    }

    private PhoneApp anEntryWaitingInTheEarlierDatabaseIsListedAndSentAfterTheUpdate(int version) throws Exception {
        PairedDevice paired = master.pair("Amina");
        PhoneApp app = PhoneApp.open(phone, master);
        app.page.navigate(master.baseUrl() + "/manifest.webmanifest"); // the app's origin, without the app
        app.page.evaluate(EARLIER_VERSION, Map.of("version", version, "deviceId", paired.deviceId(), "token", paired.token()));

        app.page.navigate(master.baseUrl() + "/");
        app.openEntries();
        assertThat(app.badge("Saved before the update"))
                .hasText("Synced", new LocatorAssertions.HasTextOptions().setTimeout(20_000));
        Eventually.within(Duration.ofSeconds(10), "the master to hold the entry", () -> master.store().entryCount() == 1);
        assertThat(master.store().recent(0, 1).get(0).entry().createdBy()).isEqualTo(paired.deviceId());
        @SuppressWarnings("unchecked")
        Map<String, Object> upgraded = (Map<String, Object>) app.page.evaluate("""
                new Promise((resolve) => {
                  const open = indexedDB.open('lankit');
                  open.onsuccess = () => {
                    const db = open.result;
                    resolve({ version: db.version, stores: [...db.objectStoreNames].join(' ') });
                    db.close();
                  };
                })""");
        assertThat(upgraded).containsEntry("version", 4).containsEntry("stores", "attachments entries keys meta");
        app.assertNoScriptErrors();
        return app;
    }

    @Test
    void a_tab_of_the_earlier_version_still_open_is_named_and_the_app_goes_on_once_it_is_closed() {
        Page earlier = phone.newPage();
        earlier.navigate(master.baseUrl() + "/manifest.webmanifest");
        // the earlier version kept its connection and did not give way to an upgrade
        earlier.evaluate("""
                new Promise((resolve, reject) => {
                  const open = indexedDB.open('lankit', 1);
                  open.onupgradeneeded = () => {
                    open.result.createObjectStore('meta');
                    open.result.createObjectStore('entries', { keyPath: 'uuid' });
                  };
                  open.onsuccess = () => { window.kept = open.result; resolve(); };
                  open.onerror = () => reject(open.error);
                })""");

        PhoneApp app = PhoneApp.open(phone, master);
        app.page.navigate(master.baseUrl() + "/join#" + RunningMaster.JOIN_CODE);
        assertThat(app.page.locator("#fatal")).containsText("open in another tab with an older version");
        assertThat(app.page.locator("#join-view")).isHidden();

        earlier.close();
        assertThat(app.page.locator("#fatal")).isHidden();
        app.page.getByLabel("Your name").fill("Amina");
        app.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join")).click();
        assertThat(app.page.locator("#entry-form")).isVisible();
        app.assertNoScriptErrors();
    }
}
