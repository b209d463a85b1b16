package org.lankit.pwa;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lankit.app.KitChoices;
import org.lankit.store.Device;
import org.lankit.sync.Entry;
import org.lankit.testkit.Entries;
import org.lankit.testkit.PairedDevice;

/** The coordinator's switch "phones may edit the team's entries", as a field worker meets it. */
class PhoneTeamEditsTest extends PhoneTestBase {

    private static final LocatorAssertions.HasTextOptions WITHIN_10_S = new LocatorAssertions.HasTextOptions().setTimeout(10_000);

    @Test
    void once_the_coordinator_allows_it_a_phone_edits_another_devices_entry_and_the_master_gets_the_new_value() throws Exception {
        PhoneApp app = PhoneApp.open(phone, master).joinWithQr("Amina");
        app.openEntries();
        PairedDevice tablet = master.pair("Tablet");
        Entry tablets = Entries.household(tablet.clock(), "From the tablet", 4);
        tablet.client().push(List.of(tablets));
        assertThat(app.badge("From the tablet")).hasText("Synced");
        assertThat(editButton(app, "From the tablet")).hasCount(0);
        // the tablet's entry may have come with the phone's first sync, before its live socket was in
        app.awaitLiveSocket();

        choices().phonesEditTeamEntries(true);
        // the master tells the phone over the live socket: no new entry, no reload
        assertThat(editButton(app, "From the tablet")).hasCount(1);

        app.edit("From the tablet");
        assertThat(app.field("Respondent")).hasValue("From the tablet");
        app.field("Village").fill("Edited by Amina");
        app.save();

        assertThat(app.entry("From the tablet").locator(".entry-summary")).containsText("Village: Edited by Amina");
        assertThat(app.badge("From the tablet")).hasText("Synced", WITHIN_10_S);
        assertThat(app.entry("From the tablet").locator(".entry-meta")).containsText("by Tablet");
        Entry stored = master.store().find(tablets.uuid()).orElseThrow().entry();
        assertThat(stored.fields().get("village").value().asText()).isEqualTo("Edited by Amina");
        assertThat(stored.fields().get("village").by()).isEqualTo(aminasDeviceId());
        assertThat(stored.fields().get("household_size").value().asInt()).isEqualTo(4);
        assertThat(stored.createdBy()).isEqualTo(tablet.deviceId());
        assertThat(stored.conflicts()).isEmpty();
        app.assertNoScriptErrors();
    }

    @Test
    void an_edit_the_coordinator_no_longer_allows_is_refused_with_the_reason_and_can_be_undone() throws Exception {
        choices().phonesEditTeamEntries(true);
        PhoneApp app = PhoneApp.open(phone, master).joinWithQr("Amina");
        app.openEntries();
        PairedDevice tablet = master.pair("Tablet");
        Entry tablets = Entries.household(tablet.clock(), "Tablet entry", 3);
        tablet.client().push(List.of(tablets));
        assertThat(editButton(app, "Tablet entry")).hasCount(1);
        app.edit("Tablet entry");

        choices().phonesEditTeamEntries(false);
        app.field("Village").fill("Not allowed any more");
        app.save();

        assertThat(app.entry("Tablet entry").locator(".entry-summary")).containsText("Village: Not allowed any more");
        assertThat(app.badge("Tablet entry")).hasText("Failed", WITHIN_10_S);
        assertThat(app.entry("Tablet entry").locator(".entry-error"))
                .hasText("Not accepted by the coordinator's laptop: the coordinator has not allowed editing other people's entries.");
        assertThat(editButton(app, "Tablet entry")).hasCount(0);
        assertThat(master.store().find(tablets.uuid()).orElseThrow().entry().fields()).doesNotContainKey("village");
        app.screenshot("entries-team-edit-refused");

        app.entry("Tablet entry").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Undo my change")).click();
        assertThat(app.badge("Tablet entry")).hasText("Synced");
        assertThat(app.entry("Tablet entry").locator(".entry-summary")).not().containsText("Village");
        assertThat(app.entry("Tablet entry").locator(".entry-error")).hasCount(0);
        app.assertNoScriptErrors();
    }

    private KitChoices choices() {
        return new KitChoices(master.store());
    }

    private static Locator editButton(PhoneApp app, String title) {
        return app.entry(title).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Edit"));
    }

    private String aminasDeviceId() {
        return master.store().devices().all().stream().filter(d -> d.name().equals("Amina")).map(Device::deviceId)
                .findFirst().orElseThrow();
    }
}
