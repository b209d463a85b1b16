package org.lankit.pwa;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.lankit.store.Device;
import org.lankit.sync.Entry;
import org.lankit.testkit.RunningMaster;

class PhoneJoinTest extends PhoneTestBase {

    @Test
    void phone_joins_from_the_qr_url_and_its_saved_entry_reaches_the_master_with_the_typed_values() {
        PhoneApp app = PhoneApp.open(phone, master).joinWithQr("Amina");

        assertThat(app.page.url()).doesNotContain(RunningMaster.JOIN_CODE).doesNotContain("#");
        assertThat(app.page.locator("#form-title")).hasText("Household visit");
        app.field("Respondent").fill("Joseph Banda");
        app.field("Household size").fill("6");
        app.field("Visit date").fill("2026-11-20");
        app.field("Water source").selectOption("well");
        app.field("Notes").fill("Two wells nearby\nbut one is dry");
        app.field("Village").fill("Chikwawa");
        app.field("Village").press("Enter");

        app.openEntries();
        assertThat(app.badge("Joseph Banda")).hasText("Synced");
        assertThat(master.store().entryCount()).isEqualTo(1);
        Entry stored = master.store().recent(0, 1).get(0).entry();
        Map<String, JsonNode> values = stored.fields().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().value()));
        assertThat(values.get("respondent").asText()).isEqualTo("Joseph Banda");
        assertThat(values.get("village").asText()).isEqualTo("Chikwawa");
        assertThat(values.get("household_size").isIntegralNumber()).isTrue();
        assertThat(values.get("household_size").asInt()).isEqualTo(6);
        assertThat(values.get("visit_date").asText()).isEqualTo("2026-11-20");
        assertThat(values.get("water_source").asText()).isEqualTo("well");
        assertThat(values.get("notes").asText()).isEqualTo("Two wells nearby\nbut one is dry");

        Device device = master.store().devices().all().get(0);
        assertThat(device.name()).isEqualTo("Amina");
        assertThat(device.kind()).isEqualTo("phone");
        assertThat(stored.createdBy()).isEqualTo(device.deviceId());
        stored.fields().values().forEach(v -> assertThat(v.by()).isEqualTo(device.deviceId()));
        app.assertNoScriptErrors();
    }

    @Test
    void a_wrong_join_code_tells_the_worker_to_ask_for_the_qr_code_again_and_pairs_nothing() {
        PhoneApp app = PhoneApp.open(phone, master);
        app.page.navigate(app.joinUrl("WRONG-CODE"));
        app.page.getByLabel("Your name").fill("Amina");
        app.page.getByLabel("Your name").press("Enter");

        assertThat(app.page.locator("#join-message")).containsText("Ask the coordinator to show the QR code again");
        assertThat(app.page.locator("#app-view")).isHidden();
        assertThat(master.store().devices().count()).isZero();
        app.assertNoScriptErrors();
    }

    @Test
    void a_join_without_a_name_is_refused_with_a_message_and_pairs_nothing() {
        PhoneApp app = PhoneApp.open(phone, master);
        app.page.navigate(app.joinUrl(RunningMaster.JOIN_CODE));
        app.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join")).click();

        assertThat(app.page.locator("#join-message")).containsText("Type your name");
        assertThat(master.store().devices().count()).isZero();
    }

    @Test
    void reload_keeps_the_pairing_and_the_local_entries_including_unsent_ones() {
        PhoneApp app = PhoneApp.open(phone, master).joinWithQr("Amina");
        app.saveHousehold("Sent before reload", "3");
        app.openEntries();
        assertThat(app.badge("Sent before reload")).hasText("Synced");

        phone.route("**/api/v1/sync/push", Route::abort);
        app.openForm();
        app.saveHousehold("Unsent at reload", "4");
        app.openEntries();
        assertThat(app.badge("Unsent at reload")).hasText("Waiting");

        app.page.reload();
        assertThat(app.page.locator("#app-view")).isVisible();
        assertThat(app.page.locator("#join-view")).isHidden();
        app.openEntries();
        assertThat(app.badge("Sent before reload")).hasText("Synced");
        assertThat(app.badge("Unsent at reload")).hasText("Waiting");
        assertThat(master.store().entryCount()).isEqualTo(1);

        phone.unroute("**/api/v1/sync/push");
        app.page.locator("#tab-form").click();
        app.saveHousehold("Saved after reload", "5");
        app.openEntries();
        assertThat(app.badge("Unsent at reload")).hasText("Synced");
        assertThat(app.badge("Saved after reload")).hasText("Synced");
        assertThat(master.store().entryCount()).isEqualTo(3);
        assertThat(master.store().devices().count()).isEqualTo(1);
        app.assertNoScriptErrors();
    }

    @Test
    void a_phone_the_coordinator_removed_is_asked_to_join_again_and_its_unsent_entry_still_arrives() {
        PhoneApp app = PhoneApp.open(phone, master).joinWithQr("Amina");
        String firstId = master.store().devices().all().get(0).deviceId();
        phone.route("**/api/v1/sync/push", Route::abort);
        app.saveHousehold("Saved before removal", "3");
        master.store().devices().revoke(firstId);
        phone.unroute("**/api/v1/sync/push");

        assertThat(app.page.locator("#join-view")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(15_000));
        assertThat(app.page.locator("#join-intro")).containsText("The coordinator's laptop no longer knows this phone");
        assertThat(app.page.getByLabel("Your name")).hasValue("Amina");
        app.page.getByLabel("Join code").fill(RunningMaster.JOIN_CODE);
        app.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join")).click();

        assertThat(app.page.locator("#app-view")).isVisible();
        app.openEntries();
        assertThat(app.badge("Saved before removal")).hasText("Synced");
        assertThat(app.entry("Saved before removal").locator(".entry-meta")).containsText("by you");
        String secondId = master.store().devices().all().stream().filter(d -> !d.revoked()).findFirst().orElseThrow().deviceId();
        Entry stored = master.store().recent(0, 1).get(0).entry();
        stored.fields().values().forEach(v -> assertThat(v.by()).isEqualTo(secondId));
        assertThat(master.store().entryCount()).isEqualTo(1);
        app.assertNoScriptErrors();
    }
}
