package org.lankit.pwa;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.lankit.sync.EntryValidator;
import org.lankit.sync.FieldType;
import org.lankit.sync.Form;
import org.lankit.sync.FormField;
import org.lankit.sync.Json;

/** Form rendering for every field type, and the same value rules as the master before saving. */
class PhoneFormTest extends PhoneTestBase {

    private static final List<String> COLOURS = List.of("red", "green", "blue");
    private static final Form INVENTORY = new Form("inventory", 1, "Inventory", List.of(
            FormField.of("item", "Item name", FieldType.TEXT, true),
            FormField.of("description", "Description", FieldType.TEXTAREA, false),
            new FormField("count", "Count", FieldType.INTEGER, true, null, BigDecimal.ZERO, BigDecimal.TEN),
            new FormField("weight", "Weight in kg", FieldType.DECIMAL, false, null, new BigDecimal("0.5"), new BigDecimal("99.5")),
            FormField.of("checked_on", "Checked on", FieldType.DATE, false),
            new FormField("condition", "Condition", FieldType.SELECT_ONE, false, List.of("good", "worn", "broken"), null, null),
            new FormField("colours", "Colours", FieldType.SELECT_MULTIPLE, false, COLOURS, null, null),
            FormField.of("working", "Working", FieldType.BOOLEAN, false)));

    @Test
    void a_missing_required_field_or_an_out_of_range_number_is_refused_with_a_message_next_to_the_field() {
        PhoneApp app = PhoneApp.open(phone, master).joinWithQr("Amina");

        app.save();
        assertThat(app.page.locator("#form-message")).containsText("Not saved");
        assertThat(errorOf(app, "Respondent")).hasText("Respondent is required.");
        assertThat(errorOf(app, "Household size")).hasText("Household size is required.");
        assertThat(app.field("Respondent")).hasAttribute("aria-invalid", "true");
        assertThat(app.field("Respondent")).isFocused();

        app.field("Respondent").fill("Grace");
        app.field("Household size").fill("51");
        app.field("Household size").press("Enter");
        assertThat(errorOf(app, "Household size")).hasText("Household size must be at most 50.");
        assertThat(errorOf(app, "Respondent")).isHidden();
        app.field("Household size").fill("0");
        app.save();
        assertThat(errorOf(app, "Household size")).hasText("Household size must be at least 1.");
        app.field("Household size").fill("2.5");
        app.save();
        assertThat(errorOf(app, "Household size")).hasText("Household size must be a whole number.");
        assertThat(app.page.locator("#entry-count")).hasText("0");
        assertThat(master.store().entryCount()).isZero();

        app.field("Household size").fill("7");
        app.save();
        assertThat(app.page.locator("#form-message")).containsText("Saved on this phone");
        assertThat(errorOf(app, "Household size")).isHidden();
        app.openEntries();
        assertThat(app.badge("Grace")).hasText("Synced");
        app.assertNoScriptErrors();
    }

    @Test
    void a_form_the_coordinator_adds_while_the_phone_is_open_can_be_chosen_at_once_without_a_reload() {
        PhoneApp app = PhoneApp.open(phone, master).joinWithQr("Amina");
        assertThat(app.banner()).containsText("Laptop connected");
        assertThat(app.page.locator("#form-picker-field")).isHidden();
        app.awaitLiveSocket();

        master.store().forms().save(INVENTORY);

        assertThat(app.page.locator("#form-picker-field")).isVisible();
        app.page.locator("#form-picker").selectOption(new SelectOption().setLabel("Inventory"));
        assertThat(app.field("Item name")).isVisible();
        app.assertNoScriptErrors();
    }

    @Test
    void every_field_type_has_a_visible_label_and_is_saved_with_its_json_type() {
        master.store().forms().save(INVENTORY);
        PhoneApp app = PhoneApp.open(phone, master).joinWithQr("Amina");
        app.field("Form").selectOption("inventory");
        assertThat(app.page.locator("#form-title")).hasText("Inventory");

        Object unlabelled = app.page.evaluate("[...document.querySelectorAll('#fields input, #fields select, #fields textarea')]"
                + ".filter(c => c.labels.length === 0 || !c.labels[0].textContent.trim()).length");
        assertThat(((Number) unlabelled).intValue()).isZero();
        for (String label : List.of("Item name", "Description", "Count", "Weight in kg", "Checked on", "Condition", "Working")) {
            assertThat(app.page.locator("#fields label").filter(new Locator.FilterOptions().setHasText(label)).first()).isVisible();
        }
        assertThat(app.page.locator("#fields legend")).hasText("Colours");

        app.field("Item name").fill("Water pump");
        app.field("Description").fill("Hand pump\nat the school");
        app.field("Count").fill("3");
        app.field("Weight in kg").fill("12.25");
        app.field("Checked on").fill("2026-11-24");
        app.field("Condition").selectOption("worn");
        checkbox(app, "red").check();
        checkbox(app, "blue").check();
        app.field("Working").selectOption("Yes");
        app.save();
        app.openEntries();
        assertThat(app.badge("Water pump")).hasText("Synced");

        var fields = master.store().recent(0, 1).get(0).entry().fields();
        assertThat(fields.get("item").value().asText()).isEqualTo("Water pump");
        assertThat(fields.get("description").value().asText()).isEqualTo("Hand pump\nat the school");
        assertThat(fields.get("count").value().isIntegralNumber()).isTrue();
        assertThat(fields.get("count").value().asInt()).isEqualTo(3);
        assertThat(fields.get("weight").value().decimalValue()).isEqualByComparingTo("12.25");
        assertThat(fields.get("checked_on").value().asText()).isEqualTo("2026-11-24");
        assertThat(fields.get("condition").value().asText()).isEqualTo("worn");
        assertThat(fields.get("colours").value().isArray()).isTrue();
        assertThat(fields.get("colours").value()).extracting(JsonNode::asText).containsExactly("red", "blue");
        assertThat(fields.get("working").value().isBoolean()).isTrue();
        assertThat(fields.get("working").value().asBoolean()).isTrue();
        app.assertNoScriptErrors();
    }

    /**
     * The phone's checks give the master's words for the same values. (JSON from the phone never
     * writes an integral number with a fraction, so "2.0" is not among the cases.)
     */
    @Test
    void the_phone_checks_values_with_the_same_rules_and_words_as_the_master() throws Exception {
        PhoneApp app = PhoneApp.open(phone, master);
        app.page.navigate(master.baseUrl() + "/");
        FormField[] fields = INVENTORY.fields().toArray(FormField[]::new);
        FormField text = fields[0], textarea = fields[1], integer = fields[2], decimal = fields[3];
        FormField date = fields[4], one = fields[5], many = fields[6], bool = fields[7];
        List<Object[]> cases = List.of(
                new Object[] {text, "\"pump\""}, new Object[] {text, "5"}, new Object[] {text, "\"" + "x".repeat(2001) + "\""},
                new Object[] {text, "null"}, new Object[] {text, "\"\""},
                new Object[] {textarea, "\"" + "x".repeat(10_000) + "\""}, new Object[] {textarea, "\"" + "x".repeat(10_001) + "\""},
                new Object[] {integer, "0"}, new Object[] {integer, "10"}, new Object[] {integer, "11"}, new Object[] {integer, "-1"},
                new Object[] {integer, "2.5"}, new Object[] {integer, "\"5\""}, new Object[] {integer, "true"},
                new Object[] {decimal, "0.4"}, new Object[] {decimal, "0.5"}, new Object[] {decimal, "99.6"},
                new Object[] {decimal, "12.25"}, new Object[] {decimal, "\"x\""},
                new Object[] {date, "\"2026-11-25\""}, new Object[] {date, "\"2026-02-30\""}, new Object[] {date, "\"2024-02-29\""},
                new Object[] {date, "\"2023-02-29\""}, new Object[] {date, "\"25/11/2026\""}, new Object[] {date, "5"},
                new Object[] {one, "\"worn\""}, new Object[] {one, "\"lost\""}, new Object[] {one, "1"},
                new Object[] {many, "[\"red\",\"blue\"]"}, new Object[] {many, "[\"red\",\"red\"]"}, new Object[] {many, "[\"pink\"]"},
                new Object[] {many, "\"red\""}, new Object[] {many, "[1]"}, new Object[] {many, "[]"},
                new Object[] {bool, "true"}, new Object[] {bool, "false"}, new Object[] {bool, "\"yes\""}, new Object[] {bool, "1"});
        List<String> mismatches = new ArrayList<>();
        int problems = 0;
        for (Object[] c : cases) {
            FormField field = (FormField) c[0];
            String valueJson = (String) c[1];
            String master = EntryValidator.valueProblem(field, Json.MAPPER.readTree(valueJson));
            Object phone = app.page.evaluate("async ([field, value]) => (await import('/validate.js'))"
                    + ".valueProblem(JSON.parse(field), JSON.parse(value))", List.of(Json.MAPPER.writeValueAsString(field), valueJson));
            if (master != null) problems++;
            if (!Objects.equals(master, phone)) {
                mismatches.add(field.type().wire() + " " + abbreviated(valueJson) + ": master=" + master + " phone=" + phone);
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(problems).as("cases the master refuses").isGreaterThan(15);
    }

    /** The answer shapes XLSForms brought (time, location, photo, calculation, note, repeat rows) in the master's words too. */
    @Test
    void the_phone_checks_the_newer_answer_shapes_with_the_same_words_as_the_master() throws Exception {
        PhoneApp app = PhoneApp.open(phone, master);
        app.page.navigate(master.baseUrl() + "/");
        FormField time = FormField.of("visit_time", "Time of the visit", FieldType.TIME, false);
        FormField point = FormField.of("location", "Location", FieldType.GEOPOINT, false);
        FormField photo = FormField.of("photo", "Photo of the house", FieldType.IMAGE, false);
        FormField worked = FormField.of("total", "Total", FieldType.CALCULATE, false);
        FormField note = FormField.of("thanks", "Thank you", FieldType.NOTE, false);
        FormField age = new FormField("age", " Age ", FieldType.INTEGER, false, null, BigDecimal.ZERO, null);
        FormField members = new FormField("members", "Members", FieldType.REPEAT, false, null, null, null, null, null, null, null,
                null, null, null, null, null, null, List.of(FormField.of("name", "Name", FieldType.TEXT, false), age), null);
        String tooMany = "[" + String.join(",", java.util.Collections.nCopies(101, "{}")) + "]";
        List<Object[]> cases = List.of(
                new Object[] {time, "\"14:30\""}, new Object[] {time, "\"14:30:59\""}, new Object[] {time, "\"24:00\""},
                new Object[] {time, "\"9:30\""}, new Object[] {time, "\"14:60\""}, new Object[] {time, "930"},
                new Object[] {point, "\"-1.2921 36.8219\""}, new Object[] {point, "\"12.5 -1.5 300 8\""}, new Object[] {point, "\"91 0\""},
                new Object[] {point, "\"1 181\""}, new Object[] {point, "\"1 2 3 -4\""}, new Object[] {point, "\"north\""},
                new Object[] {point, "\"1\""}, new Object[] {point, "\"1 2 3 4 5\""}, new Object[] {point, "1"},
                new Object[] {photo, "\"0123456789abcdef0123456789abcdef.jpg\""}, new Object[] {photo, "\"0123456789abcdef0123456789abcdef.png\""},
                new Object[] {photo, "\"0123456789ABCDEF0123456789ABCDEF.jpg\""}, new Object[] {photo, "\"house.jpg\""}, new Object[] {photo, "3"},
                new Object[] {worked, "3"}, new Object[] {worked, "2.5"}, new Object[] {worked, "true"}, new Object[] {worked, "\"three\""},
                new Object[] {worked, "\"" + "x".repeat(2001) + "\""}, new Object[] {worked, "[1]"},
                new Object[] {note, "\"x\""},
                new Object[] {members, "[{\"name\":\"Awa\",\"age\":34},{\"age\":6}]"}, new Object[] {members, "[{\"age\":-1}]"},
                new Object[] {members, "[{\"age\":\"six\"}]"}, new Object[] {members, "[1]"}, new Object[] {members, "\"Awa\""},
                new Object[] {members, "[{\"other\":1}]"}, new Object[] {members, tooMany});
        List<String> mismatches = new ArrayList<>();
        int problems = 0;
        for (Object[] c : cases) {
            FormField field = (FormField) c[0];
            String valueJson = (String) c[1];
            String master = EntryValidator.valueProblem(field, Json.MAPPER.readTree(valueJson));
            Object phone = app.page.evaluate("async ([field, value]) => (await import('/validate.js'))"
                    + ".valueProblem(JSON.parse(field), JSON.parse(value))", List.of(Json.MAPPER.writeValueAsString(field), valueJson));
            if (master != null) problems++;
            if (!Objects.equals(master, phone)) {
                mismatches.add(field.type().wire() + " " + abbreviated(valueJson) + ": master=" + master + " phone=" + phone);
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(problems).as("cases the master refuses").isGreaterThan(18);
    }

    private static Locator errorOf(PhoneApp app, String label) {
        return app.page.locator("#" + app.field(label).getAttribute("aria-describedby"));
    }

    private static Locator checkbox(PhoneApp app, String name) {
        return app.page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static String abbreviated(String text) {
        return text.length() > 30 ? text.substring(0, 30) + "…" : text;
    }
}
