package org.lankit.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lankit.testkit.WireVectors;

/** FormRules beyond the shared vectors: what devices save, the cache, the day, a form that cannot be read. */
class FormRulesTest {

    private static final RuleContext DAY = new RuleContext("2026-12-03", "2026-12-03T15:40:00");

    @Test
    void without_hidden_clears_hidden_answers_and_hidden_row_answers_and_keeps_the_rest() throws Exception {
        Map<String, JsonNode> answers = answers("""
                {"respondent": "Grace", "age": 40, "consent": "no", "hh_size": 3, "water_other": "stale",
                 "members": [{"m_name": "Tom", "m_age": 30, "m_school": "yes"}]}""");
        RuleResult result = FormRules.of(household()).evaluate(answers, DAY);

        Map<String, JsonNode> saved = result.withoutHidden(answers);

        assertThat(saved.get("respondent").asText()).isEqualTo("Grace");
        assertThat(saved.get("hh_size")).isEqualTo(NullNode.getInstance());
        assertThat(saved.get("water_other")).isEqualTo(NullNode.getInstance());
        assertThat(saved.get("members")).as("the whole repeat is hidden").isEqualTo(NullNode.getInstance());
        assertThat(answers.get("hh_size").asInt()).as("the answers given are not changed").isEqualTo(3);

        Map<String, JsonNode> shown = answers("""
                {"respondent": "Grace", "age": 40, "consent": "yes",
                 "members": [{"m_name": "Tom", "m_age": 30, "m_school": "yes"}, {"m_name": "Ann", "m_age": 9, "m_school": "no"}]}""");
        JsonNode rows = FormRules.of(household()).evaluate(shown, DAY).withoutHidden(shown).get("members");
        assertThat(rows.get(0).has("m_school")).as("hidden for a 30-year-old").isFalse();
        assertThat(rows.get(0).path("m_name").asText()).isEqualTo("Tom");
        assertThat(rows.get(1).path("m_school").asText()).isEqualTo("no");
        assertThat(shown.get("members").get(0).has("m_school")).isTrue();
    }

    @Test
    void choices_are_given_only_for_filtered_questions_and_calculates_in_form_order() throws Exception {
        RuleResult result = FormRules.of(household()).evaluate(answers("""
                {"county": "kisumu", "members": [{"m_age": 3}]}"""), DAY);
        assertThat(result.choices("ward")).contains(List.of("kondele", "other"));
        assertThat(result.choices("county")).isEmpty();
        assertThat(result.calculated().keySet()).containsExactly("members[0].m_is_child", "members[0].m_row",
                "n_children", "n_members", "summary");
    }

    @Test
    void the_rules_of_a_form_are_parsed_once_and_again_for_a_new_copy() throws Exception {
        Form form = household();
        FormRules first = FormRules.of(form);
        assertThat(FormRules.of(form)).isSameAs(first);
        Form copy = household();
        FormRules ofCopy = FormRules.of(copy);
        assertThat(ofCopy).isNotSameAs(first);
        assertThat(FormRules.of(copy)).isSameAs(ofCopy);
        assertThat(FormRules.of(DefaultForm.householdVisit()).hasExpressions()).isFalse();
        assertThat(FormRules.of(form).hasExpressions()).isTrue();
    }

    @Test
    void a_form_whose_expression_cannot_be_read_is_refused_with_the_field_and_column() {
        FormField broken = new FormField("a", "A", FieldType.TEXT, false, null, null, null, null, "${a} >", null, null, null,
                null, null, null, null, null, null, null);
        assertThatThrownBy(() -> FormRules.of(new Form("broken", 1, "Broken", List.of(broken))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("relevant of a: a value is missing at the end");
    }

    @Test
    void the_day_and_time_are_read_in_the_clocks_zone_to_the_second() {
        RuleContext ctx = RuleContext.at(ZonedDateTime.of(2026, 12, 31, 23, 59, 58, 900_000_000, ZoneId.of("Africa/Nairobi")));
        assertThat(ctx).isEqualTo(new RuleContext("2026-12-31", "2026-12-31T23:59:58"));
    }

    static Form household() throws Exception {
        return Json.MAPPER.treeToValue(WireVectors.all("form-rules.json").path("forms").path("household"), Form.class);
    }

    static Map<String, JsonNode> answers(String json) throws Exception {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        Json.MAPPER.readTree(json).fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
