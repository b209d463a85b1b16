package org.lankit.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lankit.testkit.WireVectors;

/** What every saved form must meet, whoever made it; each refusal names the question and what to fix. */
class FormShapeTest {

    @Test
    void the_built_in_form_and_every_form_of_the_rule_vectors_can_be_saved() throws Exception {
        assertThat(FormShape.problem(DefaultForm.householdVisit())).isEmpty();
        JsonNode forms = WireVectors.all("form-rules.json").path("forms");
        for (JsonNode f : forms) assertThat(FormShape.problem(Json.MAPPER.treeToValue(f, Form.class))).as(f.path("id").asText()).isEmpty();
    }

    @Test
    void the_form_itself_needs_an_id_a_version_a_title_and_questions() {
        assertRefused(new Form("", 1, "T", List.of(text("a"))), "The form id must start with a letter");
        assertRefused(new Form("f", 0, "T", List.of(text("a"))), "The form version must be 1 or more.");
        assertRefused(new Form("f", 1, " ", List.of(text("a"))), "Give the form a title.");
        assertRefused(new Form("f", 1, "T", List.of()), "Add at least one question.");
    }

    @Test
    void names_are_xlsform_names_used_once_in_the_whole_form() {
        assertRefused(form(text("1st")), "Question 1st: the name must start with a letter or _");
        assertRefused(form(text("a"), group("g", text("a"))), "Question a: the name a is used twice.");
        assertThat(FormShape.problem(form(text("hh-size.v2")))).isEmpty();
    }

    @Test
    void choices_bounds_and_nesting_are_checked() {
        assertRefused(form(new FormField("s", "S", FieldType.SELECT_ONE, false, List.of(), null, null)), "Question s: list the choices.");
        assertRefused(form(new FormField("s", "S", FieldType.SELECT_ONE, false, List.of("a", "a"), null, null)), "the choice a is listed twice.");
        assertRefused(form(new FormField("t", "T", FieldType.TEXT, false, List.of("a"), null, null)), "only choice questions have choices.");
        assertRefused(form(new FormField("n", "N", FieldType.INTEGER, false, null, BigDecimal.TEN, BigDecimal.ONE)),
                "Question n: the lowest value is above the highest.");
        assertRefused(form(new FormField("t", "T", FieldType.TEXT, false, null, BigDecimal.ONE, null)), "only number questions have a lowest or highest value.");
        assertRefused(form(group("g")), "Question g: a group needs questions inside it.");
        assertRefused(form(repeat("outer", repeat("inner", text("x")))), "Question inner: a repeat inside a repeat is not supported.");
    }

    @Test
    void expressions_must_parse_and_name_questions_of_the_form() {
        assertRefused(form(text("a"), with(text("b"), "${a} = ", null, null)),
                "Question b: the relevant \"${a} = \" cannot be read: a value is missing at the end (at character 8).");
        assertRefused(form(text("a"), with(text("b"), "${missing} = 1", null, null)),
                "Question b: the relevant names ${missing}, which is not a question of this form.");
        assertRefused(form(group("g", text("a")), with(text("b"), "${g} = 1", null, null)),
                "names ${g}, a group, which has no answer.");
        assertRefused(form(with(text("b"), null, "position(..) > 1", null)), "Question b: position(..) has a meaning only inside a repeat.");
        assertRefused(form(FormField.of("c", "C", FieldType.CALCULATE, false)), "Question c: a calculate needs a calculation.");
        assertRefused(form(with(text("b"), null, null, "1 + 1")), "Question b: only calculate fields have a calculation.");
        assertRefused(form(with(repeat("r", text("x")), null, ". > 1", null)), "Question r: a repeat has no constraint.");
        assertThat(FormShape.problem(form(text("a"), repeat("people", text("p"), with(text("q"), "position(..) > 1 and ${p} != ${a}", null, null)))))
                .isEmpty();
    }

    @Test
    void a_later_question_may_be_named_before_it_is_asked() {
        assertThat(FormShape.problem(form(with(text("a"), "${b} = 'x'", null, null), text("b")))).isEmpty();
    }

    private static void assertRefused(Form form, String words) {
        assertThat(FormShape.problem(form)).as("a problem").isPresent();
        assertThat(FormShape.problem(form).get().sentence()).contains(words);
    }

    private static Form form(FormField... fields) {
        return new Form("f", 1, "Form", List.of(fields));
    }

    private static FormField text(String name) {
        return FormField.of(name, name.toUpperCase(java.util.Locale.ROOT), FieldType.TEXT, false);
    }

    private static FormField group(String name, FormField... fields) {
        return holder(name, FieldType.GROUP, fields);
    }

    private static FormField repeat(String name, FormField... fields) {
        return holder(name, FieldType.REPEAT, fields);
    }

    private static FormField holder(String name, FieldType type, FormField... fields) {
        return new FormField(name, name, type, false, null, null, null, null, null, null, null, null, null, null, null,
                null, null, List.of(fields), null);
    }

    private static FormField with(FormField f, String relevant, String constraint, String calculation) {
        return new FormField(f.name(), f.label(), f.type(), f.required(), f.options(), f.min(), f.max(), f.hint(), relevant,
                constraint, null, null, calculation, null, null, null, null, f.fields(), null);
    }
}
