package org.lankit.pwa;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.node.TextNode;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.lankit.app.KitChoices;
import org.lankit.hub.HubConfig;
import org.lankit.peer.MasterError;
import org.lankit.store.StoredEntry;
import org.lankit.sync.Entry;
import org.lankit.sync.FieldValue;
import org.lankit.sync.HlcClock;
import org.lankit.testkit.CapturedLog;
import org.lankit.testkit.Entries;
import org.lankit.testkit.PairedDevice;
import org.lankit.testkit.RunningMaster;

/** The outbox and the sync loop: offline saving, edits, and pulled state meeting unsent edits. */
class PhoneSyncTest extends PhoneTestBase {

    private static final HubConfig UNLIMITED = HubConfig.defaults().withAnnouncement(false).withRateLimit(10_000, 10_000);
    private static final LocatorAssertions.HasTextOptions WITHIN_10_S = new LocatorAssertions.HasTextOptions().setTimeout(10_000);
    /** Longer than the phone's longest wait between tries (30 s). */
    private static final LocatorAssertions.HasTextOptions WITHIN_45_S = new LocatorAssertions.HasTextOptions().setTimeout(45_000);

    @Test
    void entries_saved_offline_wait_and_reach_the_master_by_themselves_when_back_online() {
        PhoneApp app = PhoneApp.open(phone, master).joinWithQr("Amina");
        assertThat(app.banner()).containsText("Laptop connected");

        phone.setOffline(true);
        assertThat(app.banner()).containsText("Laptop out of reach");
        for (int i = 1; i <= 3; i++) app.saveHousehold("Offline " + i, Integer.toString(i + 1));
        assertThat(app.banner()).containsText("3 waiting");
        app.openEntries();
        for (int i = 1; i <= 3; i++) assertThat(app.badge("Offline " + i)).hasText("Waiting");
        assertThat(master.store().entryCount()).isZero();

        phone.setOffline(false);
        for (int i = 1; i <= 3; i++) assertThat(app.badge("Offline " + i)).hasText("Synced", WITHIN_10_S);
        assertThat(app.banner()).containsText("Laptop connected");
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
        new KitChoices(master.store()).phonesEditTeamEntries(true); // the tablet edits Amina's entry
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
        // each refused push doubled the phone's wait before the next (up to 30 s); a slow run refuses more of them
        assertThat(app.badge("Shared entry")).hasText("Synced", WITHIN_45_S);
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
        new KitChoices(master.store()).phonesEditTeamEntries(true); // the tablet edits Amina's entry
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

    @Test
    void a_master_whose_disk_is_full_keeps_the_phones_entry_waiting_until_it_has_room_again() throws Exception {
        master.close();
        Path folder = dataDir.resolve("small-disk");
        master = RunningMaster.startWithStoreLimit(folder, 0, UNLIMITED, 2 * 1024);
        int port = master.port();
        PhoneApp app = PhoneApp.open(phone, master).joinWithQr("Amina");
        assertThat(app.banner()).containsText("Laptop connected");
        PairedDevice filler = master.pair("Filler");

        // the save pushes at once, and the master answers that its disk is full. Pages freed once
        // old reads end can make room again between the filling and the save: then fill again
        String refused = null;
        try (CapturedLog log = CapturedLog.of("org.lankit.hub.ErrorMapper")) {
            for (int attempt = 1; attempt <= 5 && refused == null; attempt++) {
                fillUp(filler);
                String name = "Typed on a full master " + attempt;
                app.field("Notes").fill("x".repeat(1_900));
                Response push = app.page.waitForResponse(r -> r.url().endsWith("/api/v1/sync/push"),
                        () -> app.saveHousehold(name, "3"));
                if (push.status() == 507) refused = name;
            }
            assertThat(log.lines(Level.ERROR)).as("the master's log says why it refused")
                    .anySatisfy(line -> assertThat(line).contains("the store is full"));
        }
        assertThat(refused).as("a push the full master refused").isNotNull();
        app.openEntries();
        assertThat(app.badge(refused)).hasText("Waiting");

        master.close();
        master = RunningMaster.start(folder, port, UNLIMITED);
        assertThat(app.badge(refused)).hasText("Synced", WITHIN_45_S);
        String typed = refused;
        assertThat(master.store().recent(0, 5)).extracting(e -> e.entry().fields().get("respondent").value().asText())
                .contains(typed);
        app.assertNoScriptErrors();
    }

    /** Pushes ever smaller batches until not even one small entry fits, several times in a row. */
    private static void fillUp(PairedDevice filler) {
        int[][] steps = {{50, 1_900}, {5, 200}, {1, 0}, {1, 0}, {1, 0}};
        for (int[] step : steps) {
            MasterError full = null;
            for (int round = 0; round < 5_000 && full == null; round++) {
                List<Entry> batch = new ArrayList<>();
                for (int i = 0; i < step[0]; i++) batch.add(Entries.household(filler.clock(), "x".repeat(step[1]) + round + "-" + i, 2));
                full = catchThrowableOfType(MasterError.class, () -> filler.client().push(batch));
            }
            assertThat(full).as("the master's store filled up").isNotNull();
            assertThat(full.status()).isEqualTo(507);
        }
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
