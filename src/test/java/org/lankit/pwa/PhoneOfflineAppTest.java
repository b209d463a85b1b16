package org.lankit.pwa;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lankit.hub.HubConfig;
import org.lankit.testkit.Eventually;
import org.lankit.testkit.RunningMaster;

/**
 * The app as a secure context runs it (here http://127.0.0.1, which browsers treat as secure):
 * the service worker keeps every file of the app, sends waiting entries in the background with
 * the page closed, and what is typed survives a reload.
 */
class PhoneOfflineAppTest extends PhoneTestBase {

    private static final HubConfig QUIET = HubConfig.defaults().withAnnouncement(false);

    private static void awaitServiceWorker(PhoneApp app) {
        app.page.waitForFunction("navigator.serviceWorker.controller !== null", null,
                new Page.WaitForFunctionOptions().setTimeout(10_000));
    }

    @Test
    void the_service_worker_keeps_the_set_up_page_and_every_file_of_the_app_for_offline_use() {
        try (BrowserContext withWorker = browser.newPhoneWithServiceWorker()) {
            PhoneApp app = PhoneApp.open(withWorker, master).joinWithQr("Amina");
            awaitServiceWorker(app);
            @SuppressWarnings("unchecked")
            List<String> kept = (List<String>) app.page.evaluate("""
                    async () => {
                      const names = await caches.keys();
                      const cache = await caches.open(names.find((n) => n.startsWith('lankit-shell')));
                      return (await cache.keys()).map((r) => new URL(r.url).pathname);
                    }""");
            assertThat(kept).contains("/index.html", "/setup.html", "/setup.js", "/handover.js", "/push.js", "/photo.js", "/upload.js",
                    "/shell.js", "/draft.js", "/sync.js", "/icons/maskable-512.png");
            assertThat((String) app.page.evaluate("navigator.serviceWorker.controller.scriptURL"))
                    .isEqualTo(master.baseUrl() + "/sw.js");
            app.assertNoScriptErrors();
        }
    }

    @Test
    void entries_saved_with_the_master_off_are_sent_by_the_service_worker_after_the_page_was_closed() {
        try (BrowserContext withWorker = browser.newPhoneWithServiceWorker()) {
            PhoneApp app = PhoneApp.open(withWorker, master).joinWithQr("Amina");
            awaitServiceWorker(app);
            int port = master.port();
            master.close();
            assertThat(app.banner()).containsText("Laptop out of reach");
            app.saveHousehold("Saved with the master off 1", "2");
            app.saveHousehold("Saved with the master off 2", "3");
            app.page.waitForFunction("""
                    async () => (await (await navigator.serviceWorker.ready).sync.getTags()).includes('lankit-push')""",
                    null, new Page.WaitForFunctionOptions().setTimeout(10_000));
            app.page.close();

            master = RunningMaster.start(dataDir, port, QUIET);
            assertThat(master.store().entryCount()).isZero();
            BackgroundSync.fire(withWorker, master);

            Eventually.within(Duration.ofSeconds(20), "the worker to push both entries", () -> master.store().entryCount() == 2);
            assertThat(master.store().recent(0, 10)).extracting(s -> s.entry().fields().get("respondent").value().asText())
                    .containsExactlyInAnyOrder("Saved with the master off 1", "Saved with the master off 2");
            PhoneApp reopened = PhoneApp.open(withWorker, master);
            reopened.page.navigate(master.baseUrl() + "/");
            reopened.openEntries();
            assertThat(reopened.badge("Saved with the master off 1")).hasText("Synced");
            assertThat(reopened.entries()).hasCount(2);
            assertThat(master.store().entryCount()).isEqualTo(2);
            reopened.assertNoScriptErrors();
        }
    }

    @Test
    void what_is_typed_into_a_new_entry_comes_back_after_the_page_reloads_and_is_gone_once_saved() {
        PhoneApp app = PhoneApp.open(phone, master).joinWithQr("Amina");
        app.field("Respondent").fill("Typed before a reload");
        app.field("Village").fill("Kisumu");

        app.page.reload();
        assertThat(app.field("Respondent")).hasValue("Typed before a reload");
        assertThat(app.field("Village")).hasValue("Kisumu");
        app.field("Household size").fill("4");
        app.save();
        assertThat(app.page.locator("#form-message")).containsText("Saved on this phone");

        app.page.reload();
        assertThat(app.page.locator("#entry-form")).isVisible();
        assertThat(app.field("Respondent")).hasValue("");
        app.openEntries();
        assertThat(app.badge("Typed before a reload")).hasText("Synced");
        app.assertNoScriptErrors();
    }
}
