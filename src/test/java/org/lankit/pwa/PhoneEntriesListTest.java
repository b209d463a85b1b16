package org.lankit.pwa;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import com.microsoft.playwright.Locator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.lankit.sync.Entry;
import org.lankit.sync.FieldValue;
import org.lankit.sync.HlcClock;
import org.lankit.testkit.Entries;
import org.lankit.testkit.PairedDevice;

/** A long entries list: drawn a page at a time, every entry reachable by scrolling and by search. */
class PhoneEntriesListTest extends PhoneTestBase {

    private static final int ENTRIES = 150;

    @Test
    void scrolling_to_the_end_brings_more_entries_until_the_oldest_shows() throws Exception {
        PhoneApp app = joinedWithTeamEntries();
        app.openEntries();
        assertThat(app.page.locator("#entry-count")).hasText(Integer.toString(ENTRIES));
        assertThat(app.entry("Visit " + (ENTRIES - 1))).isVisible();
        assertThat(app.entry("Visit 0")).hasCount(0);

        for (int round = 0; round < 10 && app.entry("Visit 0").count() == 0; round++) {
            int drawn = app.entries().count();
            app.entries().last().scrollIntoViewIfNeeded();
            assertThat(app.entries()).not().hasCount(drawn);
        }
        assertThat(app.entry("Visit 0")).isVisible();
        assertThat(app.entries()).hasCount(ENTRIES);
        assertThat(app.page.locator("#entries-more")).isHidden();
        app.assertNoScriptErrors();
    }

    @Test
    void search_finds_an_entry_far_down_the_list_by_any_answer_and_says_when_nothing_matches() throws Exception {
        PhoneApp app = joinedWithTeamEntries();
        app.openEntries();
        Locator search = app.page.getByLabel("Search entries");

        search.fill("far HILL");
        assertThat(app.entries()).hasCount(1);
        assertThat(app.entry("Visit 3").locator(".entry-summary")).containsText("Village: Far Hill");

        search.fill("Visit 12"); // a part of the text: Visit 12 and Visit 120 to 129
        assertThat(app.entries()).hasCount(11);
        search.fill("nobody by this name");
        assertThat(app.entries()).hasCount(0);
        assertThat(app.page.locator("#no-match")).isVisible();

        search.fill("");
        assertThat(app.page.locator("#no-match")).isHidden();
        assertThat(app.entry("Visit " + (ENTRIES - 1))).isVisible();
        assertThat(app.entry("Visit 3")).hasCount(0);
        app.assertNoScriptErrors();
    }

    @Test
    void an_entry_saved_while_searching_shows_once_the_search_finds_it() throws Exception {
        PhoneApp app = joinedWithTeamEntries();
        app.openEntries();
        app.page.getByLabel("Search entries").fill("Amina's own");
        assertThat(app.page.locator("#no-match")).isVisible();

        app.openForm();
        app.saveHousehold("Amina's own visit", "4");
        app.openEntries();
        assertThat(app.entries()).hasCount(1);
        assertThat(app.badge("Amina's own visit")).hasText("Synced");
        assertThat(app.page.locator("#entry-count")).hasText(Integer.toString(ENTRIES + 1));
        app.assertNoScriptErrors();
    }

    /** A phone that joined a master holding {@code ENTRIES} entries of a tablet, "Visit 0" the oldest. */
    private PhoneApp joinedWithTeamEntries() throws Exception {
        PairedDevice tablet = master.pair("Tablet");
        HlcClock clock = tablet.clock();
        List<Entry> batch = new ArrayList<>();
        long firstVisit = System.currentTimeMillis() - ENTRIES * 60_000L;
        for (int i = 0; i < ENTRIES; i++) batch.add(withVillage(Entries.household(clock, "Visit " + i, 1 + i % 9), clock,
                i == 3 ? "Far Hill" : "Lowland " + i, firstVisit + i * 60_000L));
        tablet.client().push(batch);
        return PhoneApp.open(phone, master).joinWithQr("Amina");
    }

    /** Visits a minute apart, so "newest first" has one order (entries made in the same millisecond tie). */
    private static Entry withVillage(Entry entry, HlcClock clock, String village, long createdAt) {
        Map<String, FieldValue> fields = new TreeMap<>(entry.fields());
        fields.put("village", FieldValue.edit(TextNode.valueOf(village), clock.now(), ""));
        return new Entry(entry.uuid(), entry.formId(), entry.formVersion(), fields, null, createdAt, entry.createdBy(),
                0, null, null);
    }
}
