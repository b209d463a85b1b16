package org.lankit.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lankit.sync.DefaultForm;
import org.lankit.sync.FieldType;
import org.lankit.sync.Form;
import org.lankit.ui.FormDraft.Row;

class FormDraftTest {

    @Test
    void the_default_form_comes_back_unchanged_as_the_next_version() {
        Form original = DefaultForm.householdVisit();
        Form next = FormDraft.of(original).toForm(2);
        assertThat(next.version()).isEqualTo(2);
        assertThat(next.id()).isEqualTo(original.id());
        assertThat(next.fields()).isEqualTo(original.fields());
    }

    @Test
    void a_question_without_a_short_name_gets_one_made_from_its_words() {
        Form form = new FormDraft(null, "Crop survey", List.of(
                new Row("", "Main crop?", FieldType.SELECT_ONE, true, "maize, beans, , maize", "", ""),
                new Row(" ", "Field size (ha)", FieldType.DECIMAL, false, "", "0,5", "100"))).toForm(1);
        assertThat(form.id()).isEqualTo("crop_survey");
        assertThat(form.fields().get(0).name()).isEqualTo("main_crop");
        assertThat(form.fields().get(0).options()).containsExactly("maize", "beans");
        assertThat(form.fields().get(1).name()).isEqualTo("field_size_ha");
        assertThat(form.fields().get(1).min()).isEqualByComparingTo(new BigDecimal("0.5"));
    }

    @Test
    void each_mistake_is_named_with_what_to_fix() {
        assertProblem(draft("", row("q", "Question", FieldType.TEXT)), "Give the form a title.");
        assertProblem(new FormDraft(null, "T", List.of()), "Add at least one question.");
        assertProblem(draft("T", row("a", "A", FieldType.TEXT), row("a", "B", FieldType.TEXT)), "Question 2: the name a is used twice.");
        assertProblem(draft("T", row("1st", "A", FieldType.TEXT)), "Question 1: the short name may use only");
        assertProblem(draft("T", row("a", "", FieldType.TEXT)), "Question 1 needs a question text.");
        assertProblem(draft("T", new Row("a", "A", FieldType.SELECT_MULTIPLE, false, " ", "", "")), "list the choices");
        assertProblem(draft("T", new Row("a", "A", FieldType.TEXT, false, "", "1", "")), "only number questions have a lowest value");
        assertProblem(draft("T", new Row("a", "A", FieldType.INTEGER, false, "", "9", "2")), "the lowest value is above the highest");
        assertProblem(draft("T", new Row("a", "A", FieldType.INTEGER, false, "", "few", "")), "the lowest value must be a number");
    }

    private static Row row(String name, String label, FieldType type) {
        return new Row(name, label, type, false, "", "", "");
    }

    private static FormDraft draft(String title, Row... rows) {
        return new FormDraft("f", title, new ArrayList<>(List.of(rows)));
    }

    private static void assertProblem(FormDraft draft, String words) {
        assertThatThrownBy(() -> draft.toForm(1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(words);
    }
}
