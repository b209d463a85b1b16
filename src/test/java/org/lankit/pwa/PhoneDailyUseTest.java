package org.lankit.pwa;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.BoundingBox;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lankit.sync.Entry;
import org.lankit.sync.FieldType;
import org.lankit.sync.FieldValue;
import org.lankit.sync.Form;
import org.lankit.sync.FormField;
import org.lankit.sync.Hlc;
import org.lankit.sync.HlcClock;
import org.lankit.sync.Protocol.PushResult;
import org.lankit.sync.PushStatus;
import org.lankit.testkit.PairedDevice;
import org.lankit.testkit.RunningMaster;

/**
 * A field worker's day on a 360x740 phone: the save is confirmed where the worker looks, teammates'
 * entries carry their names, dates read as the phone's date box writes them, and a laptop out of
 * reach does not ask for a new address at once.
 */
class PhoneDailyUseTest extends PhoneTestBase {

    /** Long enough that Save sits below the first screen. */
    static final Form VISIT = new Form("visit", 1, "Field visit", List.of(
            FormField.of("respondent", "Respondent", FieldType.TEXT, true),
            FormField.of("village", "Village", FieldType.TEXT, false),
            FormField.of("visited_on", "Visit date", FieldType.DATE, false),
            FormField.of("household_size", "Household size", FieldType.INTEGER, false),
            FormField.of("water", "Water source", FieldType.TEXT, false),
            FormField.of("notes", "Notes", FieldType.TEXTAREA, false),
            FormField.of("working", "Pump working", FieldType.BOOLEAN, false)));

    /**
     * An American phone: the test's Chromium has only its en-US interface, so its date box writes
     * mm/dd/yyyy whatever the page's language; with en-US the list's dates match it on screen too.
     * (A phone's browser draws the box in the phone's language, as Intl formats the list's dates.)
     */
    @BeforeEach
    void anAmericanPhoneAndTheVisitForm() {
        phone.close();
        phone = browser.newPhone(options -> options.setLocale("en-US"));
        master.store().forms().save(VISIT);
    }

    private static PhoneApp withVisitForm(PhoneApp app) {
        app.page.locator("#form-picker").selectOption("visit");
        assertThat(app.page.locator("#form-title")).hasText("Field visit");
        return app;
    }

    @Test
    void after_saving_the_confirmation_is_at_the_top_of_the_screen_and_the_form_is_scrolled_up() {
        PhoneApp app = withVisitForm(PhoneApp.open(phone, master).joinWithQr("Amina"));
        app.field("Respondent").fill("Grace Achieng");
        app.field("Village").fill("Kisumu");
        app.field("Visit date").fill("2026-12-01");
        app.page.locator("#save-button").scrollIntoViewIfNeeded();
        assertThat(scrollY(app)).as("Save is below the first screen").isGreaterThan(0);

        app.save();

        assertThat(app.page.locator("#form-message")).hasText("Saved on this phone. It goes to the coordinator's laptop by itself.");
        assertThat(app.page.locator("#form-message")).isInViewport();
        assertThat(app.field("Respondent")).hasValue("");
        assertThat(app.field("Respondent")).isInViewport();
        assertThat(scrollY(app)).isZero();
        app.screenshotForTheDocs("phone-saved");
        app.assertNoScriptErrors();
    }

    @Test
    void teammates_entries_carry_their_names_and_dates_read_as_the_date_box_writes_them() throws Exception {
        PhoneApp app = PhoneApp.open(phone, master).joinWithQr("Amina");
        PairedDevice bakari = master.pair("Bakari");
        bakari.client().push(List.of(visit(bakari.clock(), bakari.deviceId(), "Juma Otieno", "Kisumu", "2026-12-01")));
        app.openEntries();

        assertThat(app.entry("Juma Otieno").locator(".entry-meta")).containsText("by Bakari");
        // stored and sent as 2026-12-01; written as the phone's date box writes it
        assertThat(app.entry("Juma Otieno").locator(".entry-summary")).hasText("Village: Kisumu · Visit date: 12/01/2026");
        app.page.locator("#entry-search").fill("12/01/2026");
        assertThat(app.entries()).hasCount(1);
        app.page.locator("#entry-search").fill("");
        app.screenshotForTheDocs("phone-team-entries");
        app.assertNoScriptErrors();

        try (BrowserContext british = browser.newPhone(options -> options.setLocale("en-GB"))) {
            PhoneApp other = PhoneApp.open(british, master).joinWithQr("Chidi");
            other.openEntries();
            assertThat(other.entry("Juma Otieno").locator(".entry-summary")).hasText("Village: Kisumu · Visit date: 01/12/2026");
            assertThat(other.entry("Juma Otieno").locator(".entry-meta")).containsText("by Bakari");
        }
    }

    /**
     * A device lies: its name is markup, and it pushes an entry in a teammate's name. The name shows
     * as text; the master refuses the entry (a device creates entries only as itself), so no
     * teammate's name ever stands under an entry they did not make.
     */
    @Test
    void a_lying_devices_name_is_only_text_and_it_cannot_make_an_entry_in_a_teammates_name() throws Exception {
        PhoneApp app = PhoneApp.open(phone, master).joinWithQr("Amina");
        PairedDevice bakari = master.pair("Bakari");
        String markup = "<img src=x onerror=\"window.named=1\">";
        PairedDevice liar = master.pair(markup);

        List<PushResult> results = liar.client().push(List.of(
                visit(liar.clock(), liar.deviceId(), "Claimed by the liar", "Kisumu", "2026-12-02"),
                visit(liar.clock(), bakari.deviceId(), "Claimed for Bakari", "Kisumu", "2026-12-03"))).results();
        app.openEntries();

        assertThat(results.get(1).status()).isEqualTo(PushStatus.REJECTED);
        assertThat(results.get(1).error()).isEqualTo("createdBy: a device may only create entries as itself");
        assertThat(app.entry("Claimed by the liar").locator(".entry-meta")).containsText("by " + markup);
        assertThat(app.entries()).hasCount(1);
        assertThat(app.page.locator("#entries img")).hasCount(0);
        assertThat(app.page.evaluate("window.named === undefined")).isEqualTo(true);
        app.assertNoScriptErrors();
    }

    @Test
    void from_a_master_that_gives_no_names_a_teammates_entry_says_by_a_teammate() throws Exception {
        phone.route("**/api/v1/team/names", route -> route.fulfill(new Route.FulfillOptions().setStatus(404)
                .setContentType("application/json").setBody("{\"error\": \"not_found\", \"detail\": \"no such endpoint\"}")));
        PhoneApp app = PhoneApp.open(phone, master).joinWithQr("Amina");
        PairedDevice bakari = master.pair("Bakari");
        bakari.client().push(List.of(visit(bakari.clock(), bakari.deviceId(), "Juma Otieno", "Kisumu", "2026-12-01")));
        app.openEntries();

        assertThat(app.entry("Juma Otieno").locator(".entry-meta")).containsText("by a teammate");
        app.assertNoScriptErrors();
    }

    @Test
    void the_new_address_question_waits_a_minute_out_of_reach_and_never_comes_while_the_phone_is_offline() {
        PhoneApp app = PhoneApp.openWithClock(phone, master).joinWithQr("Amina");
        master.close();
        assertThat(app.banner()).hasAttribute("data-state", "unreachable");
        assertThat(app.banner()).containsText("Laptop out of reach");
        app.saveHousehold("Saved out of reach", "3");
        assertThat(app.banner()).containsText("1 waiting");
        assertThat(app.banner()).containsText("Saved here; sent when the laptop is back.");
        app.page.clock().fastForward(30_000);
        assertThat(app.page.locator("#moved")).isHidden();

        phone.setOffline(true);
        app.page.clock().fastForward(61_000);
        assertThat(app.page.locator("#moved")).isHidden();

        phone.setOffline(false);
        app.page.clock().fastForward(30_000);
        assertThat(app.page.locator("#moved")).isHidden();
        app.page.clock().fastForward(31_000);
        assertThat(app.page.locator("#moved")).isVisible();
        assertThat(app.page.locator("#moved summary")).hasText("Laptop at a new address?");
        app.page.evaluate("window.scrollTo(0, 0)");
        BoundingBox banner = app.page.locator("#banner").boundingBox();
        BoundingBox question = app.page.locator("#moved").boundingBox();
        System.out.printf("banner %.0f px + question %.0f px high at 360x740%n", banner.height, question.height);
        app.screenshotForTheDocs("phone-new-address");
        assertThat(banner.height + question.height).as("banner and question, in px of 740").isLessThan(100);
        master = RunningMaster.start(dataDir); // the test base closes the master after each test
        app.assertNoScriptErrors();
    }

    @Test
    void a_french_phone_speaks_french_and_writes_dates_the_french_way() throws Exception {
        try (BrowserContext french = browser.newPhone(options -> options.setLocale("fr-FR"))) {
            PhoneApp app = PhoneApp.open(french, master);
            app.page.navigate(app.joinUrl(RunningMaster.JOIN_CODE));
            assertThat(app.page.locator("#join-heading")).hasText("Rejoindre votre équipe");
            assertThat(app.page.locator("html")).hasAttribute("lang", "fr");
            app.page.getByLabel("Votre nom").fill("Awa");
            app.page.locator("#join-form button[type=submit]").click();
            withVisitForm(app);
            assertThat(app.page.locator("#tab-form")).hasText("Nouvelle saisie");
            assertThat(app.page.locator("#save-button")).hasText("Enregistrer");

            PairedDevice bakari = master.pair("Bakari");
            bakari.client().push(List.of(visit(bakari.clock(), bakari.deviceId(), "Juma Otieno", "Kisumu", "2026-12-01")));
            app.field("Respondent (obligatoire)").fill("Fatou Diallo");
            app.field("Visit date").fill("2026-12-02");
            app.save();
            assertThat(app.page.locator("#form-message")).hasText(
                    "Enregistré sur ce téléphone. La saisie part d'elle-même vers l'ordinateur du coordinateur.");
            app.page.locator("#tab-list").click();

            assertThat(app.entry("Juma Otieno").locator(".entry-meta")).containsText("par Bakari");
            assertThat(app.entry("Juma Otieno").locator(".entry-summary")).hasText("Village: Kisumu · Visit date: 01/12/2026");
            assertThat(app.entry("Fatou Diallo").locator(".entry-meta")).containsText("par vous");
            assertThat(app.entry("Fatou Diallo").locator(".badge")).hasText("Envoyée");
            assertThat(app.entry("Fatou Diallo").locator(".receipt")).hasText("✓ Sur l'ordinateur du coordinateur");
            assertThat(app.banner()).containsText("Ordinateur connecté");
            app.screenshotForTheDocs("phone-entries-french");
            app.assertNoScriptErrors();
        }
    }

    private static Entry visit(HlcClock clock, String createdBy, String respondent, String village, String date) {
        Hlc at = clock.now();
        return new Entry(UUID.randomUUID().toString(), VISIT.id(), VISIT.version(),
                Map.of("respondent", FieldValue.edit(TextNode.valueOf(respondent), at, ""),
                        "village", FieldValue.edit(TextNode.valueOf(village), at, ""),
                        "visited_on", FieldValue.edit(TextNode.valueOf(date), at, "")),
                null, at.wallMs(), createdBy, 0, null, null);
    }

    private static int scrollY(PhoneApp app) {
        return ((Number) app.page.evaluate("window.scrollY")).intValue();
    }
}
