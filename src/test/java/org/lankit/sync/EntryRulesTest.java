package org.lankit.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** EntryValidator with a form's rules: what the master refuses beyond what the worker's screen shows. */
class EntryRulesTest {

    private static final RuleContext DAY = new RuleContext("2026-12-03", "2026-12-03T15:40:00");

    @Test
    void a_hidden_answer_is_not_required_or_constrained_but_must_still_have_its_shape() throws Exception {
        Form form = FormRulesTest.household();
        assertThat(check(form, """
                {"respondent": "A", "age": 30, "consent": "no", "hh_size": 3}""")).isEmpty();
        assertThat(check(form, """
                {"respondent": "A", "age": 30, "consent": "no", "hh_size": "three"}"""))
                .contains("Household size must be a whole number");
    }

    @Test
    void the_master_works_calculates_out_again_instead_of_trusting_the_devices_value() throws Exception {
        Form form = FormRulesTest.household();
        String answers = """
                {"respondent": "A", "age": 30, "consent": "yes", "hh_size": 1, "water": ["tap"],
                 "members": [{"m_name": "Kid", "m_age": 4}], "n_children": 7, "children_match": 7}""";
        assertThat(check(form, answers)).contains("Children under 18: does not match the members listed");
        assertThat(check(form, """
                {"respondent": "A", "age": 30, "consent": "no", "n_members": {"x": 1}}""")).contains("n_members must be text");
    }

    @Test
    void the_first_problem_in_form_order_is_the_one_named() throws Exception {
        Form form = FormRulesTest.household();
        assertThat(check(form, """
                {"age": "old", "consent": "no"}""")).as("respondent comes before age").contains("Respondent name is required");
    }

    @Test
    void a_form_without_expressions_keeps_its_words() throws Exception {
        assertThat(check(DefaultForm.householdVisit(), """
                {"respondent": "", "household_size": 51}""")).contains("Respondent is required");
        assertThat(check(DefaultForm.householdVisit(), """
                {"respondent": "Amina", "household_size": 51}""")).contains("Household size must be at most 50");
    }

    private static java.util.Optional<String> check(Form form, String json) throws Exception {
        Hlc hlc = Hlc.parse("1764063000000-000000-dev_1");
        Map<String, FieldValue> fields = new TreeMap<>();
        JsonNode values = Json.MAPPER.readTree(json);
        values.fields().forEachRemaining(e -> fields.put(e.getKey(), FieldValue.edit(e.getValue(), hlc, "")));
        Entry e = new Entry(UUID.randomUUID().toString(), form.id(), form.version(), fields, null, hlc.wallMs(), "dev_1", 0, null, null);
        return EntryValidator.check(e, form, DAY);
    }
}
