package org.lankit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.sync.DefaultForm;
import org.lankit.sync.FieldType;
import org.lankit.sync.Form;
import org.lankit.sync.FormField;

/** The coordinator's choice of the answers that tell entries apart, per form, kept across restarts. */
class SummaryFieldsTest {

    @TempDir
    Path dataDir;

    @Test
    void a_form_shows_its_first_two_questions_until_the_coordinator_chooses_and_the_choice_survives_a_restart() {
        Form visit = DefaultForm.householdVisit();
        try (KitStore store = KitStore.open(dataDir)) {
            SummaryFields summary = new SummaryFields(store.settings());
            assertThat(summary.of(visit)).containsExactly("respondent", "village");

            summary.choose(visit, List.of("water_source", "respondent"));
            assertThat(summary.of(visit)).as("in the form's order").containsExactly("respondent", "water_source");
        }
        try (KitStore reopened = KitStore.open(dataDir)) {
            assertThat(new SummaryFields(reopened.settings()).of(visit)).containsExactly("respondent", "water_source");
        }
    }

    @Test
    void the_choice_follows_the_forms_next_versions_and_falls_back_when_its_questions_are_gone() {
        Form v1 = DefaultForm.householdVisit();
        try (KitStore store = KitStore.open(dataDir)) {
            SummaryFields summary = new SummaryFields(store.settings());
            summary.choose(v1, List.of("village"));
            Form v2 = new Form(v1.id(), 2, v1.title(), List.of(FormField.of("village", "Village", FieldType.TEXT, false),
                    FormField.of("head", "Head of household", FieldType.TEXT, true)));
            assertThat(summary.of(v2)).containsExactly("village");

            Form v3 = new Form(v1.id(), 3, v1.title(), List.of(FormField.of("head", "Head of household", FieldType.TEXT, true),
                    FormField.of("street", "Street", FieldType.TEXT, false), FormField.of("plot", "Plot", FieldType.TEXT, false)));
            assertThat(summary.of(v3)).as("nothing chosen is left: the first two").containsExactly("head", "street");

            summary.choose(v3, List.of());
            assertThat(summary.of(v3)).as("the coordinator chose to show none").isEmpty();
        }
    }

    @Test
    void a_name_that_is_not_a_question_of_the_form_is_refused_and_changes_nothing() {
        Form visit = DefaultForm.householdVisit();
        try (KitStore store = KitStore.open(dataDir)) {
            SummaryFields summary = new SummaryFields(store.settings());
            summary.choose(visit, List.of("notes"));
            assertThatThrownBy(() -> summary.choose(visit, List.of("village", "no_such_question")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no_such_question");
            assertThat(summary.of(visit)).containsExactly("notes");
        }
    }
}
