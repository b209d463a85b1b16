package org.lankit.xlsform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.hub.MasterIdentity;
import org.lankit.hub.PushService;
import org.lankit.store.KitStore;
import org.lankit.sync.Entry;
import org.lankit.sync.FieldValue;
import org.lankit.sync.HlcClock;
import org.lankit.sync.Protocol.PushResult;
import org.lankit.sync.PushStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.lankit.sync.Choice;
import org.lankit.sync.FieldTexts;
import org.lankit.sync.FieldType;
import org.lankit.sync.Form;
import org.lankit.sync.FormField;
import org.lankit.sync.FormRules;
import org.lankit.sync.Json;
import org.lankit.sync.RuleContext;
import org.lankit.sync.RuleResult;
import org.lankit.testkit.HouseholdSurvey;
import org.lankit.testkit.XlsFormFile;

class XlsFormImportTest {

    @TempDir
    Path temp;

    @Test
    void the_household_survey_becomes_a_form_with_a_repeat_of_members_skip_logic_constraints_and_two_languages() {
        Form form = XlsFormReader.read(HouseholdSurvey.file().writeTo(temp.resolve("household.xlsx")));

        assertThat(form.id()).isEqualTo("household_survey");
        assertThat(form.title()).isEqualTo("Household survey");
        assertThat(form.source()).isEqualTo("household.xlsx");
        assertThat(form.languages()).containsExactly("English", "Français");
        assertThat(form.defaultLanguage()).isEqualTo("English");
        assertThat(form.answerFields()).extracting(FormField::name).containsExactly("started", "visit_day", "respondent",
                "household_size", "has_water", "water_sources", "region", "district", "location", "house_photo", "members",
                "member_count", "visit_date", "visit_time", "remarks");

        assertThat(field(form, "started").type()).isEqualTo(FieldType.CALCULATE);
        assertThat(field(form, "started").calculation()).isEqualTo("now()");
        assertThat(field(form, "visit_day").calculation()).isEqualTo("today()");
        FormField size = field(form, "household_size");
        assertThat(size.type()).isEqualTo(FieldType.INTEGER);
        assertThat(size.required()).isTrue();
        assertThat(size.label()).isEqualTo("How many people live here?");
        assertThat(size.hint()).isEqualTo("Count everyone who slept here last night");
        assertThat(size.constraint()).isEqualTo(". >= 1 and . <= 30");
        assertThat(size.constraintMessage()).isEqualTo("Between 1 and 30 people");
        assertThat(size.translations()).containsEntry("Français",
                new FieldTexts("Combien de personnes vivent ici ?", null, "Entre 1 et 30 personnes", null));

        FormField sources = field(form, "water_sources");
        assertThat(sources.type()).isEqualTo(FieldType.SELECT_MULTIPLE);
        assertThat(sources.relevant()).isEqualTo("${has_water} = 'no'");
        assertThat(sources.options()).containsExactly("well", "river", "rain", "none");
        assertThat(sources.choices().get(2)).isEqualTo(new Choice("rain", "Rain water", Map.of("Français", "Eau de pluie"), null));
        FormField district = field(form, "district");
        assertThat(district.choiceFilter()).isEqualTo("region = ${region}");
        assertThat(district.choices()).extracting(Choice::columns).containsExactly(
                Map.of("region", "north"), Map.of("region", "north"), Map.of("region", "south"));
        assertThat(field(form, "location").type()).isEqualTo(FieldType.GEOPOINT);
        assertThat(field(form, "house_photo").type()).isEqualTo(FieldType.IMAGE);
        assertThat(field(form, "remarks").type()).as("multiline text").isEqualTo(FieldType.TEXTAREA);
        assertThat(field(form, "remarks").defaultValue()).isEqualTo("none");
        assertThat(field(form, "member_count").calculation()).isEqualTo("count(${members})");
        assertThat(form.fields()).filteredOn(f -> f.type() == FieldType.NOTE).singleElement()
                .extracting(FormField::label).isEqualTo("You listed ${member_count} members.");

        FormField members = field(form, "members");
        assertThat(members.type()).isEqualTo(FieldType.REPEAT);
        assertThat(members.label()).isEqualTo("Household members");
        assertThat(Form.answerFields(members)).extracting(FormField::name).containsExactly("member_name", "age", "sex", "in_school");
        FormField schooling = members.fields().get(3);
        assertThat(schooling.type()).isEqualTo(FieldType.GROUP);
        assertThat(schooling.relevant()).isEqualTo("${age} >= 5 and ${age} <= 18");
        assertThat(schooling.fields()).extracting(FormField::name).containsExactly("in_school");
    }

    @Test
    void the_form_rules_work_out_the_imported_skip_logic_constraints_choice_filter_and_calculation() throws IOException {
        Form form = XlsFormReader.read(HouseholdSurvey.file().writeTo(temp.resolve("household.xlsx")));
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        answers.put("respondent", TextNode.valueOf("Awa"));
        answers.put("household_size", IntNode.valueOf(31));
        answers.put("has_water", TextNode.valueOf("yes"));
        answers.put("region", TextNode.valueOf("north"));
        answers.put("district", TextNode.valueOf("coast"));
        answers.put("members", Json.MAPPER.readTree("[{\"member_name\":\"Awa\",\"age\":40,\"sex\":\"female\"},"
                + "{\"member_name\":\"Ali\",\"age\":9,\"sex\":\"male\"}]"));

        RuleResult result = FormRules.of(form).evaluate(answers, new RuleContext("2026-12-03", "2026-12-03T10:00:00"));

        assertThat(result.relevant("water_sources")).as("asked only without running water").isFalse();
        assertThat(result.relevant("members[0].schooling")).isFalse();
        assertThat(result.relevant("members[1].schooling")).isTrue();
        assertThat(result.choices("district")).contains(List.of("hills", "lakes"));
        assertThat(result.calculated("member_count").map(JsonNode::asText)).contains("2");
        assertThat(result.problems()).containsExactly(
                Map.entry("household_size", "How many people live here?: Between 1 and 30 people"),
                Map.entry("district", "District must be one of the offered choices"),
                Map.entry("members[1].in_school", "Goes to school? is required"));
    }

    @Test
    void the_master_refuses_an_entry_that_breaks_an_imported_constraint_with_the_forms_message() throws IOException {
        try (KitStore store = KitStore.open(temp.resolve("data"))) {
            Form form = XlsFormImport.into(store.forms(), HouseholdSurvey.EXAMPLE);
            HlcClock phone = HlcClock.system("phoneA");
            Map<String, FieldValue> fields = new TreeMap<>();
            fields.put("respondent", FieldValue.edit(TextNode.valueOf("Awa"), phone.now(), ""));
            fields.put("household_size", FieldValue.edit(IntNode.valueOf(2), phone.now(), ""));
            fields.put("has_water", FieldValue.edit(TextNode.valueOf("yes"), phone.now(), ""));
            fields.put("region", FieldValue.edit(TextNode.valueOf("south"), phone.now(), ""));
            fields.put("district", FieldValue.edit(TextNode.valueOf("coast"), phone.now(), ""));
            fields.put("members", FieldValue.edit(Json.MAPPER.readTree("[{\"member_name\":\"Awa\",\"age\":40,\"sex\":\"female\"},"
                    + "{\"member_name\":\"Old\",\"age\":130,\"sex\":\"male\"}]"), phone.now(), ""));
            Entry entry = new Entry(UUID.randomUUID().toString(), form.id(), form.version(), fields, null,
                    System.currentTimeMillis(), "phoneA", 0, null, null);
            PushService master = new PushService(store, new MasterIdentity("master01", "Test team", "test", HlcClock.system("master01")));

            PushResult result = master.push("phoneA", List.of(entry)).get(0);

            assertThat(result.status()).isEqualTo(PushStatus.REJECTED);
            assertThat(result.error()).contains("Household members row 2: Age in years: An age between 0 and 120");
            assertThat(store.find(entry.uuid())).isEmpty();
        }
    }

    @Test
    void importing_the_file_again_makes_the_next_version_and_keeps_the_first() {
        Path file = HouseholdSurvey.file().writeTo(temp.resolve("household.xlsx"));
        try (KitStore store = KitStore.open(temp.resolve("data"))) {
            assertThat(XlsFormImport.into(store.forms(), file).version()).isEqualTo(1);
            assertThat(XlsFormImport.into(store.forms(), file).version()).isEqualTo(2);
            assertThat(store.forms().all("household_survey")).extracting(Form::version).containsExactly(1, 2);
            assertThat(store.forms().version("household_survey", 1).orElseThrow().fields())
                    .isEqualTo(XlsFormReader.read(file).fields());
        }
    }

    @Test
    void the_example_file_in_the_docs_is_the_household_survey_of_the_tests() {
        Form example = XlsFormReader.read(HouseholdSurvey.EXAMPLE);
        Form built = XlsFormReader.read(HouseholdSurvey.file().writeTo(temp.resolve("household-survey.xlsx")));
        assertThat(example).isEqualTo(built);
    }

    @Test
    void a_form_with_unsupported_rows_is_refused_whole_with_every_problem_by_row_and_column() {
        Path file = new XlsFormFile()
                .sheet("survey", "type", "name", "label", "required", "relevant", "default", "read_only")
                .row("text", "name", "Name", "yes")
                .row("audio", "voice", "Say your name")
                .row("select_one yes_no or_other", "agree", "Agree?")
                .row("select_one colours", "colour", "Colour")
                .row("integer", "age", "Age", "maybe", "${nothing} > 1")
                .row("text", "name", "Name again")
                .row("date", "born", "Born", "", "", "today()")
                .row("text", "nickname", "Nickname", "", "", "", "yes")
                .row("text", "town", "Town", "", "${name} ==== 'x'")
                .row("text", "place", "Place", "", "position(..) = 1")
                .row("begin repeat", "people", "People")
                .row("begin repeat", "pets", "Pets")
                .row("text", "pet", "Pet")
                .row("end repeat")
                .row("end repeat")
                .row("deviceid", "device")
                .row("begin group", "never_closed", "Open group")
                .row("text", "inside", "Inside")
                .sheet("choices", "list_name", "name", "label")
                .row("yes_no", "yes", "Yes")
                .sheet("settings", "form_id", "instance_name")
                .row("bad", "concat(${name})")
                .writeTo(temp.resolve("bad.xlsx"));

        try (KitStore store = KitStore.open(temp.resolve("data"))) {
            assertThatThrownBy(() -> XlsFormImport.into(store.forms(), file))
                    .isInstanceOfSatisfying(XlsFormRefusedException.class, e -> assertThat(e.problems())
                            .extracting(Problem::toString).containsExactly(
                                    "survey column G (read_only): the column \"read_only\" is not supported; delete it (used in row 9)",
                                    "survey row 3, column A (type): the type \"audio\" is not supported (forms.md lists the types that are)",
                                    "survey row 4, column A (type): \"or_other\" is not supported; add an \"other\" choice to list yes_no"
                                            + " and a text question shown when it is chosen (relevant)",
                                    "survey row 5, column A (type): the choice list colours is not in the choices sheet",
                                    "survey row 6, column D (required): \"maybe\" is not yes or no (a condition is not supported here;"
                                            + " use relevant to ask the question only when it applies)",
                                    "survey row 6, column E (relevant): ${nothing} names no question of this form",
                                    "survey row 7, column B (name): the name name is already used in row 2",
                                    "survey row 8, column F (default): \"today()\" is an expression; a default must be a plain value"
                                            + " (an expression can go in a calculate row)",
                                    "survey row 10, column E (relevant): \"${name} ==== 'x'\" is not an expression the kit can work out:"
                                            + " a value is missing before '=' (at character 10)",
                                    "survey row 11, column E (relevant): position(..) means a repeat row's number, and this row is not"
                                            + " in a repeat",
                                    "survey row 13, column A (type): a repeat inside a repeat is not supported",
                                    "survey row 17, column A (type): the metadata \"deviceid\" is not supported (the kit records which"
                                            + " device made each entry and when); delete this row",
                                    "survey row 18, column A (type): this group is never closed; add an \"end group\" row",
                                    "settings row 2, column B (instance_name): the setting \"instance_name\" is not supported; delete it"))
                    .hasMessageStartingWith("bad.xlsx was not imported (14 problems): survey column G (read_only)");
            assertThat(store.forms().all("bad")).isEmpty();
        }
    }

    @Test
    void a_file_that_is_not_a_workbook_is_refused_in_one_sentence() throws IOException {
        Path file = Files.writeString(temp.resolve("survey.xlsx"), "type,name,label\ntext,name,Name\n");
        assertThatThrownBy(() -> XlsFormReader.read(file)).isInstanceOf(XlsFormRefusedException.class)
                .hasMessage("survey.xlsx was not imported (1 problem): survey.xlsx: could not be read as an .xlsx workbook;"
                        + " save it from your spreadsheet program as Excel Workbook (.xlsx)");
    }

    @Test
    void cells_typed_as_numbers_and_booleans_read_as_the_spreadsheet_shows_them() {
        Path file = new XlsFormFile()
                .sheet("survey", "type", "name", "label", "required", "default")
                .row("integer", "rooms", "Rooms", true, 2)
                .row("decimal", "area", "Area", false, 12.5)
                .row("text", "code", "Code", 1, 2026)
                .writeTo(temp.resolve("typed.xlsx"));
        Form form = XlsFormReader.read(file);
        assertThat(form.fields()).extracting(FormField::name, FormField::required, FormField::defaultValue).containsExactly(
                tuple("rooms", true, "2"),
                tuple("area", false, "12.5"),
                tuple("code", true, "2026"));
        assertThat(form.id()).as("from the file name").isEqualTo("typed");
    }

    @Test
    void a_choice_filter_naming_a_column_the_choices_sheet_lacks_is_refused() {
        Path file = new XlsFormFile()
                .sheet("survey", "type", "name", "label", "choice_filter")
                .row("select_one region", "region", "Region")
                .row("select_one district", "district", "District", "regoin = ${region}")
                .sheet("choices", "list_name", "name", "label", "region")
                .row("region", "north", "North")
                .row("district", "hills", "Hills", "north")
                .writeTo(temp.resolve("filter.xlsx"));
        assertThatThrownBy(() -> XlsFormReader.read(file)).isInstanceOfSatisfying(XlsFormRefusedException.class,
                e -> assertThat(e.problems()).extracting(Problem::toString).containsExactly(
                        "survey row 3, column D (choice_filter): the choices sheet has no column regoin (it has name, region)"));
    }

    @Test
    void sheets_without_their_key_columns_are_named_once_each() {
        Path file = new XlsFormFile()
                .sheet("survey", "kind", "name", "label").row("text", "village", "Village")
                .sheet("choices", "list", "name", "label").row("yes_no", "yes", "Yes")
                .writeTo(temp.resolve("columns.xlsx"));
        assertThatThrownBy(() -> XlsFormReader.read(file)).isInstanceOfSatisfying(XlsFormRefusedException.class,
                e -> assertThat(e.problems()).extracting(Problem::toString).containsExactly(
                        "survey: has no type or no name column (row 1 holds the column names: type, name, label, …)",
                        "choices: has no list_name or no name column (row 1 holds the column names: list_name, name, label, …)"));
    }

    private static FormField field(Form form, String name) {
        return form.field(name).orElseThrow();
    }
}
