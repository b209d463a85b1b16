package org.lankit.pwa;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Geolocation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.lankit.sync.FieldValue;
import org.lankit.testkit.Eventually;

/**
 * A form with skip logic, constraints, a repeat of members, a choice filter, a calculation,
 * location and two languages (SurveyForms), filled in on a 360x740 phone against a real master.
 */
class PhoneSurveyFormTest extends PhoneTestBase {

    private static final String CHILDREN = "How many children under 5?";

    @Test
    void skip_logic_hides_and_shows_a_question_as_answers_change_and_a_hidden_answer_is_not_saved() {
        PhoneApp app = surveyOpen(phone);
        Locator children = question(app.page, CHILDREN);
        assertThat(children).isHidden();
        assertThat(question(app.page, "Consent recorded")).hasValue("yes"); // the form's default

        question(app.page, "Any children under 5?").selectOption("yes");
        assertThat(children).isVisible();
        children.fill("3");
        question(app.page, "Any children under 5?").selectOption("no");
        assertThat(children).isHidden();
        question(app.page, "Respondent").fill("Mariam");
        assertThat(app.page.locator(".note-field")).hasText("Thank Mariam before you leave (0 members listed).");
        app.screenshot("survey-skip-logic");
        app.save();

        Map<String, FieldValue> saved = savedOnMaster("Mariam");
        assertThat(saved).doesNotContainKey("children");
        assertThat(saved.get("has_children").value().asText()).isEqualTo("no");
        assertThat(saved.get("consent").value().asText()).isEqualTo("yes");
        app.assertNoScriptErrors();
    }

    @Test
    void a_constraint_message_appears_next_to_the_question_and_blocks_saving_until_the_answer_is_allowed() {
        PhoneApp app = surveyOpen(phone);
        question(app.page, "Respondent").fill("Mariam");
        question(app.page, "Any children under 5?").selectOption("yes");
        question(app.page, CHILDREN).fill("12");
        question(app.page, CHILDREN).press("Tab");

        Locator error = errorOf(app.page, question(app.page, CHILDREN));
        assertThat(error).hasText(CHILDREN + ": at most 10 children under 5.");
        app.save();
        assertThat(app.page.locator("#form-message")).containsText("Not saved");
        assertThat(question(app.page, CHILDREN)).isFocused();
        app.screenshot("survey-constraint");
        assertThat(app.page.locator("#entry-count")).hasText("0");

        question(app.page, CHILDREN).fill("2");
        question(app.page, CHILDREN).press("Tab");
        assertThat(error).isHidden();
        app.save();
        assertThat(app.page.locator("#form-message")).containsText("Saved on this phone");
        assertThat(savedOnMaster("Mariam").get("children").value().asInt()).isEqualTo(2);
        assertThat(master.store().entryCount()).isEqualTo(1);
        app.assertNoScriptErrors();
    }

    @Test
    void a_repeat_adds_two_members_and_the_entry_reaches_the_master_with_two_rows() {
        PhoneApp app = surveyOpen(phone);
        question(app.page, "Respondent").fill("Mariam");
        Locator add = app.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add member"));
        add.click();
        add.click();
        add.click();
        assertThat(rows(app)).hasCount(3);
        assertThat(app.page.locator(".calculated").filter(new Locator.FilterOptions().setHasText("Members counted")))
                .containsText("3");
        app.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove member 3")).click();
        assertThat(rows(app)).hasCount(2);
        inRow(app, 0, "Name").fill("Awa");
        inRow(app, 0, "Age").fill("34");
        inRow(app, 1, "Name").fill("Issa");
        inRow(app, 1, "Age").fill("130");
        inRow(app, 1, "Age").press("Tab");
        assertThat(errorOf(app.page, inRow(app, 1, "Age"))).hasText("Age: between 0 and 119 years.");
        inRow(app, 1, "Age").fill("6");
        assertThat(app.page.locator(".calculated").filter(new Locator.FilterOptions().setHasText("Members counted")))
                .containsText("2");

        // the villages on offer follow the region
        question(app.page, "Region").selectOption("north");
        assertThat(question(app.page, "Village").locator("option")).hasText(new String[] {"Choose…", "Kaya", "Ouahigouya"});
        question(app.page, "Village").selectOption("kaya");
        app.page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Well")).check();
        app.page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("River")).check();
        question(app.page, "Time of the visit").fill("14:30");
        app.screenshot("survey-repeat");
        app.save();

        Map<String, FieldValue> saved = savedOnMaster("Mariam");
        JsonNode members = saved.get("members").value();
        assertThat(members.isArray()).isTrue();
        assertThat(members).hasSize(2);
        assertThat(members.get(0).path("member_name").asText()).isEqualTo("Awa");
        assertThat(members.get(0).path("member_age").isIntegralNumber()).isTrue();
        assertThat(members.get(1).path("member_name").asText()).isEqualTo("Issa");
        assertThat(members.get(1).path("member_age").asInt()).isEqualTo(6);
        assertThat(saved.get("member_count").value().asInt()).isEqualTo(2);
        assertThat(saved.get("village").value().asText()).isEqualTo("kaya");
        assertThat(saved.get("water").value()).extracting(JsonNode::asText).containsExactly("well", "river");
        assertThat(saved.get("visit_time").value().asText()).isEqualTo("14:30");
        app.openEntries();
        assertThat(app.entry("Mariam").locator(".entry-summary")).containsText("Region: North · Village: Kaya · Water sources: Well, River");

        // opened again for editing: the rows come back, and one removed leaves one row on the master
        app.edit("Mariam");
        assertThat(rows(app)).hasCount(2);
        assertThat(inRow(app, 1, "Name")).hasValue("Issa");
        app.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove member 1")).click();
        assertThat(inRow(app, 0, "Name")).hasValue("Issa");
        app.save();
        Eventually.within(Duration.ofSeconds(20), "the edit on the master",
                () -> savedOnMaster("Mariam").get("members").value().size() == 1);
        assertThat(savedOnMaster("Mariam").get("members").value().get(0).path("member_name").asText()).isEqualTo("Issa");
        assertThat(savedOnMaster("Mariam").get("member_count").value().asInt()).isEqualTo(1);
        app.assertNoScriptErrors();
    }

    @Test
    void the_language_switch_changes_the_words_and_keeps_the_answers_and_a_french_phone_opens_in_french() {
        PhoneApp app = surveyOpen(phone);
        question(app.page, "Respondent").fill("Mariam");
        question(app.page, "Any children under 5?").selectOption("yes");

        question(app.page, "Language").selectOption(SurveyForms.FRENCH);
        assertThat(question(app.page, "Personne interrogée")).hasValue("Mariam");
        assertThat(question(app.page, "Des enfants de moins de 5 ans ?").locator("option:checked")).hasText("Oui");
        question(app.page, "Combien d'enfants de moins de 5 ans ?").fill("11");
        app.save();
        assertThat(errorOf(app.page, question(app.page, "Combien d'enfants de moins de 5 ans ?")))
                .hasText("Combien d'enfants de moins de 5 ans ?: au plus 10 enfants de moins de 5 ans.");
        app.screenshot("survey-french");
        app.assertNoScriptErrors();

        try (BrowserContext frenchPhone = browser.newPhone(options -> options.setLocale("fr-FR"))) {
            PhoneApp french = surveyOpen(frenchPhone);
            // the phone's own words are French too (words.js), the form's switch says "Langue"
            assertThat(question(french.page, "Langue")).hasValue(SurveyForms.FRENCH);
            assertThat(question(french.page, "Personne interrogée")).isVisible();
            french.assertNoScriptErrors();
        }
    }

    @Test
    void what_is_typed_survives_a_new_version_of_the_form_arriving() {
        PhoneApp app = surveyOpen(phone);
        question(app.page, "Respondent").fill("Mariam");
        app.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add member")).click();
        inRow(app, 0, "Name").fill("Awa");
        app.awaitLiveSocket();

        master.store().forms().save(SurveyForms.household(2, true));

        assertThat(question(app.page, "Phone number")).isVisible();
        assertThat(question(app.page, "Respondent")).hasValue("Mariam");
        assertThat(inRow(app, 0, "Name")).hasValue("Awa");
        app.save();
        Eventually.within(Duration.ofSeconds(20), "the entry on the master",
                () -> master.store().entryCount() == 1 && master.store().recent(0, 1).get(0).entry().formVersion() == 2);
        app.assertNoScriptErrors();
    }

    @Test
    void location_comes_from_the_phone_on_a_secure_page_and_is_typed_on_a_plain_one() {
        phone.grantPermissions(List.of("geolocation"));
        phone.setGeolocation(new Geolocation(12.3714, -1.5197).setAccuracy(8));
        PhoneApp app = surveyOpen(phone); // 127.0.0.1 is a secure context to browsers
        app.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Use my location")).click();
        assertThat(question(app.page, "Location of the house")).hasValue(Pattern.compile("^12\\.3714 -1\\.5197 \\S+ 8$"));
        app.assertNoScriptErrors();

        try (BrowserContext plain = browser.newPhone()) {
            plain.addInitScript("Object.defineProperty(window, 'isSecureContext', { get: () => false })");
            PhoneApp typed = surveyOpen(plain);
            assertThat(typed.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Use my location"))).hasCount(0);
            assertThat(typed.page.locator(".geo-status")).containsText("needs the secure page");
            question(typed.page, "Respondent").fill("Mariam");
            question(typed.page, "Location of the house").fill("north of the well");
            typed.save(); // a tap on Save straight from the question is not lost to a message appearing above it
            assertThat(typed.page.locator("#form-message")).containsText("Not saved");
            assertThat(errorOf(typed.page, question(typed.page, "Location of the house")))
                    .hasText("Location of the house must be a location like \"-1.2921 36.8219\" (latitude, longitude).");
            question(typed.page, "Location of the house").fill("12.3714  -1.5197");
            typed.save();
            assertThat(savedOnMaster("Mariam").get("location").value().asText()).isEqualTo("12.3714 -1.5197");
        }
    }

    private PhoneApp surveyOpen(BrowserContext context) {
        master.store().forms().latest("household-survey")
                .ifPresentOrElse(f -> { }, () -> master.store().forms().save(SurveyForms.household(1, false)));
        PhoneApp app = PhoneApp.open(context, master).joinWithQr("Amina");
        app.page.locator("#form-picker").selectOption("household-survey");
        assertThat(app.page.locator("#form-title")).hasText("Household survey");
        return app;
    }

    private static Locator rows(PhoneApp app) {
        return app.page.locator(".repeat-row");
    }

    private static Locator inRow(PhoneApp app, int row, String label) {
        return rows(app).nth(row).getByLabel(labelled(label));
    }

    /** The control whose label is exactly {@code label}, with or without "(required)". */
    private static Locator question(Page page, String label) {
        return page.getByLabel(labelled(label));
    }

    private static Pattern labelled(String label) {
        return Pattern.compile("^" + label.replaceAll("[.*+?^${}()|\\[\\]\\\\/]", "\\\\$0") + "( \\((required|obligatoire)\\))?$");
    }

    private static Locator errorOf(Page page, Locator control) {
        return page.locator("#" + control.getAttribute("aria-describedby"));
    }

    private Map<String, FieldValue> savedOnMaster(String respondent) {
        Eventually.within(Duration.ofSeconds(20), respondent + "'s entry on the master", () -> master.store().recent(0, 100).stream()
                .anyMatch(s -> s.entry().fields().containsKey("respondent")
                        && s.entry().fields().get("respondent").value().asText().equals(respondent)));
        return master.store().recent(0, 100).stream()
                .filter(s -> s.entry().fields().get("respondent").value().asText().equals(respondent))
                .findFirst().orElseThrow().entry().fields();
    }
}
