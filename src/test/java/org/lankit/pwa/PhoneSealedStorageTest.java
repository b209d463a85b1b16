package org.lankit.pwa;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lankit.store.StoredEntry;
import org.lankit.testkit.Eventually;
import org.lankit.testkit.PairedDevice;
import org.lankit.testkit.PhoneBrowser;
import org.lankit.testkit.PhoneStorage;
import org.lankit.testkit.RunningMaster;

/**
 * On a secure page (127.0.0.1 is a secure context to browsers) the phone keeps the answers sealed
 * in IndexedDB and its drafts sealed in session storage, and still shows and sends them; on plain
 * http it cannot, and says so.
 */
class PhoneSealedStorageTest extends PhoneTestBase {

    /** Earlier versions of the app left the answers plain: `count` entries the master holds, and one waiting. */
    private static final String PLAIN_VERSION_3 = """
            async ({ deviceId, token, count }) => {
              const db = await new Promise((resolve, reject) => {
                const open = indexedDB.open('lankit', 3);
                open.onupgradeneeded = () => {
                  open.result.createObjectStore('meta');
                  open.result.createObjectStore('entries', { keyPath: 'uuid' }).createIndex('status', 'status');
                  open.result.createObjectStore('attachments', { keyPath: 'name' });
                };
                open.onsuccess = () => resolve(open.result);
                open.onerror = () => reject(open.error);
              });
              const wall = String(Date.now() - 60000).padStart(13, '0');
              const hlc = (n) => `${wall}-${String(n).padStart(6, '0')}-${deviceId}`;
              const uuid = (n) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
              const tx = db.transaction(['meta', 'entries'], 'readwrite');
              tx.objectStore('meta').put({ deviceId, token, name: 'Amina', formerIds: [] }, 'device');
              for (let n = 1; n <= count; n++) {
                tx.objectStore('entries').put({
                  uuid: uuid(n), formId: 'household_visit', formVersion: 1, createdAt: Date.now() - 60000 + n,
                  createdBy: deviceId, local: {}, status: 'synced', error: null,
                  master: { fields: { respondent: { value: `Plain answer ${n}`, hlc: hlc(n), by: deviceId } },
                            deleted: null, seq: n, conflicts: [] },
                });
              }
              tx.objectStore('entries').put({
                uuid: uuid(count + 1), formId: 'household_visit', formVersion: 1, createdAt: Date.now(),
                createdBy: deviceId, master: null, status: 'waiting', error: null,
                local: {
                  respondent: { value: 'Plain answer waiting', hlc: hlc(count + 1), by: deviceId, base: '' },
                  household_size: { value: 2, hlc: hlc(count + 1), by: deviceId, base: '' },
                },
              });
              await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onerror = () => reject(tx.error); });
              db.close();
            }
            """;

    @Test
    void answers_saved_on_a_secure_page_are_sealed_in_its_storage_yet_listed_and_sent() {
        PhoneApp app = PhoneApp.open(phone, master).joinWithQr("Amina");
        assertThat((Boolean) app.page.evaluate("window.isSecureContext")).isTrue();
        app.saveHousehold("Nomvula Dube", "4");
        app.openEntries();
        assertThat(app.badge("Nomvula Dube")).hasText("Synced");
        Eventually.within(Duration.ofSeconds(10), "the master to hold the entry", () -> master.store().entryCount() == 1);
        assertThat(master.store().recent(0, 1).get(0).entry().fields().get("respondent").value().asText()).isEqualTo("Nomvula Dube");

        String raw = (String) app.page.evaluate(PhoneStorage.RAW_RECORDS);
        assertThat(raw).as("what IndexedDB and session storage hold").contains("entries: ").doesNotContain("Nomvula Dube");
        @SuppressWarnings("unchecked")
        Map<String, Object> key = (Map<String, Object>) app.page.evaluate(PhoneStorage.SEALING_KEY);
        assertThat(key).containsEntry("cryptoKey", true).containsEntry("algorithm", "AES-GCM").containsEntry("bits", 256)
                .containsEntry("extractable", false).containsEntry("exported", "InvalidAccessError");

        // reloaded, the app reads its sealed copy back
        app.page.reload();
        app.openEntries();
        assertThat(app.entry("Nomvula Dube")).isVisible();
        app.page.locator("#about summary").click();
        assertThat(app.page.locator("#about-encrypted")).isVisible();
        assertThat(app.page.locator("#about-plain")).isHidden();
        app.assertNoScriptErrors();
    }

    @Test
    void a_draft_comes_back_after_a_reload_and_is_kept_sealed_meanwhile() {
        PhoneApp app = PhoneApp.open(phone, master).joinWithQr("Amina");
        app.field("Respondent").fill("Thandiwe Khumalo");
        app.page.waitForFunction("sessionStorage.getItem('lankit-draft') !== null");
        String raw = (String) app.page.evaluate(PhoneStorage.RAW_RECORDS);
        assertThat(raw).contains("session lankit-draft").doesNotContain("Thandiwe");

        app.page.reload();
        assertThat(app.field("Respondent")).hasValue("Thandiwe Khumalo");
        app.field("Household size").fill("6");
        app.save();
        assertThat(app.page.locator("#form-message")).containsText("Saved on this phone");
        assertThat((Boolean) app.page.evaluate("sessionStorage.getItem('lankit-draft') === null")).isTrue();
        app.assertNoScriptErrors();
    }

    @Test
    void entries_an_earlier_version_kept_plain_are_sealed_at_the_first_secure_start_in_batches_and_all_still_shown() throws Exception {
        int synced = 450; // more than two of the app's sealing batches (200)
        PairedDevice paired = master.pair("Amina");
        PhoneApp app = PhoneApp.open(phone, master);
        app.page.navigate(master.baseUrl() + "/manifest.webmanifest"); // the app's origin, without the app
        app.page.evaluate(PLAIN_VERSION_3, Map.of("deviceId", paired.deviceId(), "token", paired.token(), "count", synced));
        assertThat((String) app.page.evaluate(PhoneStorage.RAW_RECORDS)).contains("Plain answer 1", "Plain answer waiting");

        app.page.navigate(master.baseUrl() + "/");
        assertThat(app.page.locator("#entry-count")).hasText(String.valueOf(synced + 1));
        app.openEntries();
        assertThat(app.badge("Plain answer waiting")).hasText("Synced", new LocatorAssertions.HasTextOptions().setTimeout(20_000));
        List<StoredEntry> stored = master.store().recent(0, 10);
        assertThat(stored).extracting(s -> s.entry().fields().get("respondent").value().asText()).containsExactly("Plain answer waiting");

        String raw = (String) app.page.evaluate(PhoneStorage.RAW_RECORDS);
        assertThat(raw).doesNotContain("Plain answer").contains("allSealed: true");
        assertThat(((Number) app.page.evaluate("""
                async () => {
                  const store = await (await import('/db.js')).LocalStore.open();
                  const all = await store.allEntries();
                  store.close();
                  return all.filter((r) => r.master?.fields?.respondent?.value?.startsWith('Plain answer ')).length;
                }""")).intValue()).as("entries the app reads back").isEqualTo(synced + 1);
        app.assertNoScriptErrors();
    }

    /** `rounds` read-modify-writes of one record through the app's store, each adding one to its count. */
    private static final String COUNT_UP = """
            async (rounds) => {
              const store = await (await import('/db.js')).LocalStore.open();
              const uuid = '00000000-0000-4000-8000-00000000c0de';
              for (let i = 0; i < rounds; i++) {
                await store.updateAll([uuid], (r) => ({ ...(r ?? { uuid, status: 'synced' }), count: (r?.count ?? 0) + 1 }));
              }
              const count = (await store.getEntry(uuid)).count;
              store.close();
              return count;
            }""";

    @Test
    void two_pages_changing_one_sealed_record_at_once_lose_no_change() {
        // two tabs of the origin, without the app (its list would not know this record)
        Page first = phone.newPage();
        Page second = phone.newPage();
        first.navigate(master.baseUrl() + "/manifest.webmanifest");
        second.navigate(master.baseUrl() + "/manifest.webmanifest");
        // started in both before either is awaited
        first.evaluate("() => { window.counting = (" + COUNT_UP + ")(100); }");
        second.evaluate("() => { window.counting = (" + COUNT_UP + ")(100); }");
        int last = Math.max(((Number) first.evaluate("window.counting")).intValue(),
                ((Number) second.evaluate("window.counting")).intValue());
        assertThat(last).as("the count after 2 x 100 read-modify-writes").isEqualTo(200);
    }

    @Test
    void on_plain_http_the_phone_says_calmly_that_its_copy_is_not_encrypted() {
        try (RunningMaster plainMaster = RunningMaster.start(dataDir.resolve("plain"));
             PhoneBrowser plainBrowser = PhoneBrowser.launch(List.of("--host-resolver-rules=MAP lankit.test 127.0.0.1"));
             BrowserContext plainPhone = plainBrowser.newPhone()) {
            Page page = plainPhone.newPage();
            page.navigate("http://lankit.test:" + plainMaster.port() + "/join#" + RunningMaster.JOIN_CODE);
            assertThat((Boolean) page.evaluate("window.isSecureContext")).isFalse();
            page.getByLabel("Your name").fill("Amina");
            page.getByLabel("Your name").press("Enter");
            assertThat(page.locator("#entry-form")).isVisible();
            assertThat(page.locator("#secure-offer")).containsText("entries on this phone are not encrypted");
            assertThat(page.locator("#about-plain")).isHidden();
            page.locator("#about summary").click();
            assertThat(page.locator("#about-plain")).isVisible();
            assertThat(page.locator("#about-plain")).containsText("not encrypted");
            assertThat(page.locator("#about-encrypted")).isHidden();

            page.getByLabel("Respondent").fill("Over plain http");
            page.getByLabel("Household size").fill("5");
            page.getByLabel("Household size").press("Enter");
            page.locator("#tab-list").click();
            assertThat(page.locator("#entries .badge")).hasText("Synced");
            assertThat((String) page.evaluate(PhoneStorage.RAW_RECORDS)).as("the plain page's copy").contains("Over plain http");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "plain-http-about.png")));
        }
    }
}
