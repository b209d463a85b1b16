package org.lankit.pwa;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.lankit.app.KitChoices;
import org.lankit.store.StoredEntry;
import org.lankit.sync.Entry;
import org.lankit.sync.FieldValue;
import org.lankit.sync.HlcClock;
import org.lankit.testkit.PairedDevice;

/** The outbox and the sync loop: offline saving, edits, and pulled state meeting unsent edits. */
class PhoneSyncTest extends PhoneTestBase {

    private static final LocatorAssertions.HasTextOptions WITHIN_10_S = new LocatorAssertions.HasTextOptions().setTimeout(10_000);

    @Test
    void entries_saved_offline_wait_and_reach_the_master_by_themselves_when_back_online() {
        PhoneApp app = PhoneApp.open(phone, master).joinWithQr("Amina");
        assertThat(app.banner()).containsText("Master reachable");

        phone.setOffline(true);
        assertThat(app.banner()).containsText("Master unreachable");
        for (int i = 1; i <= 3; i++) app.saveHousehold("Offline " + i, Integer.toString(i + 1));
        assertThat(app.banner()).containsText("3 waiting");
        app.openEntries();
        for (int i = 1; i <= 3; i++) assertThat(app.badge("Offline " + i)).hasText("Waiting");
        assertThat(master.store().entryCount()).isZero();

        phone.setOffline(false);
        for (int i = 1; i <= 3; i++) assertThat(app.badge("Offline " + i)).hasText("Synced", WITHIN_10_S);
        assertThat(app.banner()).containsText("Master reachable");
        assertThat(app.banner()).containsText("nothing waiting");
        assertThat(master.store().entryCount()).isEqualTo(3);
        assertThat(master.store().recent(0, 10)).extracting(s -> s.entry().fields().get("respondent").value().asText())
                .containsExactlyInAnyOrder("Offline 1", "Offline 2", "Offline 3");
        assertThat(app.entries()).hasCount(3);
        app.assertNoScriptErrors();
    }

    @Test
    void an_edit_of_an_own_entry_reaches_the_master_as_a_plain_update() {
        PhoneApp app = PhoneApp.open(phone, master).joinWithQr("Amina");
        app.field("Village").fill("Old village");
        app.saveHousehold("Edit me", "3");
        app.openEntries();
        assertThat(app.badge("Edit me")).hasText("Synced");

        app.edit("Edit me");
        assertThat(app.page.locator("#form-title")).hasText("Edit: Household visit");
        assertThat(app.field("Respondent")).hasValue("Edit me");
        app.field("Village").fill("New village");
        app.field("Village").press("Enter");

        assertThat(app.entry("Edit me").locator(".entry-summary")).containsText("Village: New village");
        assertThat(app.badge("Edit me")).hasText("Synced");
        assertThat(app.entries()).hasCount(1);
        Entry stored = master.store().recent(0, 1).get(0).entry();
        assertThat(stored.fields().get("village").value().asText()).isEqualTo("New village");
        assertThat(stored.fields().get("respondent").value().asText()).isEqualTo("Edit me");
        assertThat(stored.conflicts()).isEmpty();
        app.assertNoScriptErrors();
    }

    @Test
    void pulled_master_state_never_overwrites_an_unsent_local_edit_and_the_clash_is_kept_for_review() throws Exception {
        new KitChoices(master.store().settings()).phonesEditTeamEntries(true); // the tablet edits Amina's entry
        PhoneApp app = PhoneApp.open(phone, master).joinWithQr("Amina");
        app.field("Village").fill("First village");
        app.saveHousehold("Shared entry", "3");
        app.openEntries();
        assertThat(app.badge("Shared entry")).hasText("Synced");

        phone.route("**/api/v1/sync/push", Route::abort);
        app.edit("Shared entry");
        app.field("Village").fill("Phone village");
        app.save();
        assertThat(app.badge("Shared entry")).hasText("Waiting");

        PairedDevice tablet = master.pair("Tablet");
        tablet.client().push(List.of(editedByTablet(tablet, master.store().recent(0, 1).get(0))));
        assertThat(app.entry("Shared entry").locator(".entry-summary")).containsText("Notes: Tablet note");
        assertThat(app.entry("Shared entry").locator(".entry-summary")).containsText("Village: Phone village");
        assertThat(app.badge("Shared entry")).hasText("Waiting");

        phone.unroute("**/api/v1/sync/push");
        assertThat(app.badge("Shared entry")).hasText("Synced", WITHIN_10_S);
        Entry stored = master.store().recent(0, 1).get(0).entry();
        assertThat(stored.fields().get("village").value().asText()).isEqualTo("Tablet village");
        assertThat(stored.fields().get("notes").value().asText()).isEqualTo("Tablet note");
        assertThat(stored.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.field()).isEqualTo("village");
            assertThat(c.value().asText()).isEqualTo("Phone village");
        });
        assertThat(app.entry("Shared entry").locator(".entry-note")).containsText("clash in: Village");
        app.assertNoScriptErrors();
    }

    @Test
    void an_edit_does_not_undo_a_change_that_arrived_while_the_form_was_open() throws Exception {
        new KitChoices(master.store().settings()).phonesEditTeamEntries(true); // the tablet edits Amina's entry
        PhoneApp app = PhoneApp.open(phone, master).joinWithQr("Amina");
        app.field("Village").fill("Village A");
        app.saveHousehold("Open form", "3");
        app.openEntries();
        assertThat(app.badge("Open form")).hasText("Synced");
        app.edit("Open form");

        PairedDevice tablet = master.pair("Tablet");
        tablet.client().push(List.of(withNotes(tablet, master.store().recent(0, 1).get(0), "Tablet note")));
        assertThat(app.entry("Open form").locator(".entry-summary")).containsText("Notes: Tablet note");
        app.field("Village").fill("Village B");
        app.field("Village").press("Enter");

        assertThat(app.entry("Open form").locator(".entry-summary")).containsText("Village: Village B");
        assertThat(app.badge("Open form")).hasText("Synced");
        Entry stored = master.store().recent(0, 1).get(0).entry();
        assertThat(stored.fields().get("village").value().asText()).isEqualTo("Village B");
        assertThat(stored.fields().get("notes").value().asText()).isEqualTo("Tablet note");
        assertThat(stored.conflicts()).isEmpty();
        app.assertNoScriptErrors();
    }

    private static Entry withNotes(PairedDevice tablet, StoredEntry seen, String notes) {
        Map<String, FieldValue> fields = new TreeMap<>();
        seen.entry().fields().forEach((name, v) -> fields.put(name, v.withoutBase()));
        fields.put("notes", FieldValue.edit(TextNode.valueOf(notes), tablet.clock().now(), ""));
        return seen.entry().withFields(fields, null).forPush();
    }

    /** The tablet saw the phone's first version and changed village and notes after the phone's edit. */
    private static Entry editedByTablet(PairedDevice tablet, StoredEntry seen) {
        HlcClock clock = tablet.clock();
        Entry entry = seen.entry();
        Map<String, FieldValue> fields = new TreeMap<>();
        entry.fields().forEach((name, v) -> fields.put(name, v.withoutBase()));
        fields.put("village", FieldValue.edit(TextNode.valueOf("Tablet village"), clock.now(), entry.fields().get("village").hlc()));
        fields.put("notes", FieldValue.edit(TextNode.valueOf("Tablet note"), clock.now(), ""));
        return entry.withFields(fields, null).forPush();
    }
}
