package org.lankit.pwa;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.TextNode;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.lankit.sync.Entry;
import org.lankit.sync.FieldType;
import org.lankit.sync.FieldValue;
import org.lankit.sync.Form;
import org.lankit.sync.FormField;
import org.lankit.sync.Hlc;
import org.lankit.sync.HlcClock;
import org.lankit.testkit.Entries;
import org.lankit.testkit.PairedDevice;

/** What other devices send: live updates, values that look like HTML, and the master's clock. */
class PhoneLiveTest extends PhoneTestBase {

    private static final long DAY_MS = 24L * 60 * 60 * 1000;

    @Test
    void an_entry_saved_by_another_device_appears_on_the_phone_within_two_seconds_without_reload() throws Exception {
        PhoneApp app = PhoneApp.open(phone, master).joinWithQr("Amina");
        app.openEntries();
        app.awaitLiveSocket();
        PairedDevice tablet = master.pair("Tablet");

        tablet.client().push(List.of(Entries.household(tablet.clock(), "From the tablet", 4)));

        assertThat(app.entry("From the tablet")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(2000));
        assertThat(app.badge("From the tablet")).hasText("Synced");
        assertThat(app.entry("From the tablet").locator(".entry-meta")).containsText("by Tablet");
        assertThat(app.entry("From the tablet").getByText("Edit")).hasCount(0);
        app.assertNoScriptErrors();
    }

    @Test
    void values_that_look_like_html_are_shown_as_text_and_no_script_runs() throws Exception {
        String phoneValue = "<img src=x onerror=alert(1)>";
        String tabletValue = "<img src=x onerror=alert(2)>";
        String label = "<img src=x onerror=alert(3)>";
        master.store().forms().save(new Form("checks", 1, "<b onmouseover=alert(4)>Checks</b>",
                List.of(new FormField("what", label, FieldType.TEXT, true, null, null, null))));
        PhoneApp app = PhoneApp.open(phone, master).joinWithQr("Amina");

        app.field("Form").selectOption("household_visit");
        app.field("Notes").fill("<script>alert(5)</script>");
        app.saveHousehold(phoneValue, "2");
        PairedDevice tablet = master.pair("Tablet");
        tablet.client().push(List.of(withVillage(Entries.household(tablet.clock(), tabletValue, 3), tablet.clock(),
                "<b onmouseover=alert(6)>bold</b>")));
        app.openEntries();

        assertThat(app.badge(phoneValue)).hasText("Synced");
        assertThat(app.entry(tabletValue).locator(".entry-summary")).containsText("Village: <b onmouseover=alert(6)>bold</b>");
        assertThat(app.page.locator("#entries img, #entries script, #entries b")).hasCount(0);
        app.edit(phoneValue);
        assertThat(app.field("Respondent")).hasValue(phoneValue);
        assertThat(app.field("Notes")).hasValue("<script>alert(5)</script>");
        app.page.locator("#cancel-edit").click();

        app.openForm();
        app.field("Form").selectOption("checks");
        assertThat(app.page.locator("#form-title")).hasText("<b onmouseover=alert(4)>Checks</b>");
        assertThat(app.page.locator("#fields label").first()).containsText(label);
        assertThat(app.page.locator("main img, main b, main script")).hasCount(0);
        assertThat(master.store().recent(0, 5)).extracting(s -> s.entry().fields().get("respondent").value().asText())
                .contains(phoneValue);
        app.assertNoScriptErrors();
    }

    @Test
    void a_phone_whose_clock_is_two_days_ahead_stamps_its_edits_in_the_masters_time() {
        assertEntriesFollowTheMastersClock(2 * DAY_MS);
    }

    @Test
    void a_phone_whose_clock_is_three_days_behind_stamps_its_edits_in_the_masters_time() {
        assertEntriesFollowTheMastersClock(-3 * DAY_MS);
    }

    private void assertEntriesFollowTheMastersClock(long phoneClockError) {
        phone.addInitScript("(() => { const real = Date.now; Date.now = () => real.call(Date) + (" + phoneClockError + "); })()");
        PhoneApp app = PhoneApp.open(phone, master).joinWithQr("Amina");
        long phoneNow = ((Number) app.page.evaluate("Date.now()")).longValue();
        assertThat(phoneNow - System.currentTimeMillis()).isCloseTo(phoneClockError, within(60_000L));

        app.saveHousehold("Clock check", "2");
        app.openEntries();
        assertThat(app.badge("Clock check")).hasText("Synced");
        Entry stored = master.store().recent(0, 1).get(0).entry();
        long masterNow = master.kit().identity().clock().physicalNow();
        assertThat(stored.createdAt()).isCloseTo(masterNow, within(60_000L));
        stored.fields().values().forEach(v -> assertThat(Hlc.parse(v.hlc()).wallMs()).isCloseTo(masterNow, within(60_000L)));
        app.assertNoScriptErrors();
    }

    private static Entry withVillage(Entry entry, HlcClock clock, String village) {
        Map<String, FieldValue> fields = new TreeMap<>(entry.fields());
        fields.put("village", FieldValue.edit(TextNode.valueOf(village), clock.now(), ""));
        return entry.withFields(fields, null);
    }
}
