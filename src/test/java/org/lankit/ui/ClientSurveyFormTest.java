package org.lankit.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lankit.ui.PanelHarness.onUi;
import static org.lankit.ui.PanelHarness.until;
import static org.lankit.ui.PanelHarness.untilUi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.JLabel;
import org.assertj.swing.fixture.DialogFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.app.Role;
import org.lankit.hub.HubConfig;
import org.lankit.store.KitStore;
import org.lankit.sync.Choice;
import org.lankit.sync.Entry;
import org.lankit.sync.FieldTexts;
import org.lankit.sync.FieldType;
import org.lankit.sync.Form;
import org.lankit.sync.FormField;
import org.lankit.sync.LocalEdits;
import org.lankit.testkit.PairedDevice;
import org.lankit.testkit.RunningMaster;

/**
 * A survey with the rules XLSForms bring, filled in on a client laptop against a real master:
 * a question that shows only when an answer calls for it, a constraint with the form's message,
 * a repeat of household members, several choices, a note, a calculated count and a second language.
 */
@ExtendWith(SwingUnderXvfb.class)
class ClientSurveyFormTest {

    @TempDir
    Path dataDir;
    @TempDir
    Path masterDir;

    static Form survey() {
        FormField water = new FormField("water", "Water sources", FieldType.SELECT_MULTIPLE, true, null, null, null,
                null, null, null, null, null, null, null, null, null,
                List.of(new Choice("tap", "Tap", Map.of("French", "Robinet"), null),
                        new Choice("well", "Well", Map.of("French", "Puits"), null),
                        new Choice("other", "Other", Map.of("French", "Autre"), null)),
                null, Map.of("French", new FieldTexts("Sources d'eau", null, null, null)));
        FormField waterOther = new FormField("water_other", "Which other source?", FieldType.TEXT, true, null, null, null,
                null, "selected(${water}, 'other')", null, null, null, null, null, null, null, null, null, null);
        FormField memberName = FormField.of("m_name", "Name", FieldType.TEXT, true);
        FormField memberAge = new FormField("m_age", "Age", FieldType.INTEGER, true, null, null, null,
                null, null, ". >= 0 and . <= 120", "Age must be between 0 and 120", null, null, null, null, null, null,
                null, null);
        FormField members = new FormField("members", "Member", FieldType.REPEAT, false, null, null, null,
                null, null, null, null, null, null, null, null, null, null, List.of(memberName, memberAge), null);
        FormField count = new FormField("n_members", "Members", FieldType.CALCULATE, false, null, null, null,
                null, null, null, null, null, "count(${members})", null, null, null, null, null, null);
        FormField note = FormField.of("thanks", "Thank ${respondent} for their time.", FieldType.NOTE, false);
        FormField respondent = new FormField("respondent", "Respondent", FieldType.TEXT, true, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null,
                Map.of("French", new FieldTexts("Répondant", null, null, null)));
        FormField place = new FormField("place", "Place", FieldType.GROUP, false, null, null, null, null, null, null,
                null, null, null, null, null, null, null, List.of(respondent, water, waterOther), null);
        return new Form("household_survey", 1, "Household survey", List.of(place, members, count, note),
                List.of("English", "French"), "English", "household-survey.xlsx");
    }

    private static boolean shown(PanelHarness ui, String name) {
        return onUi(() -> !ui.window().robot().finder().findAll(c -> name.equals(c.getName()) && c.isShowing()).isEmpty());
    }

    @Test
    void a_laptop_user_fills_in_a_household_with_two_members_and_the_forms_rules_guide_every_step() throws Exception {
        AtomicReference<KitStore> clientStore = new AtomicReference<>();
        try (RunningMaster master = RunningMaster.start(masterDir, 0, HubConfig.defaults().withAnnouncement(false));
             PanelHarness ui = PanelHarness.open(dataDir, Role.CLIENT, new PanelServices(kit -> null, kit -> null, s -> {
                 clientStore.set(s);
                 return ClientLink.open(s, null);
             }))) {
            master.store().forms().save(survey());
            ui.joinAsLaptop(master);
            untilUi(() -> ui.window().comboBox("formPicker").target().getItemCount() == 2, Duration.ofSeconds(20),
                    "the survey beside the household visit");
            ui.window().comboBox("formPicker").selectItem("Household survey");
            untilUi(() -> shown(ui, "answer-respondent"), Duration.ofSeconds(10), "the survey's questions");

            ui.window().comboBox("formLanguage").selectItem("French");
            assertThat(onUi(() -> ui.window().checkBox("choice-water-well").target().getText())).isEqualTo("Puits");
            ui.window().comboBox("formLanguage").selectItem("English");

            ui.window().textBox("answer-respondent").enterText("Grace Achieng");
            assertThat(shown(ui, "answer-water_other")).as("asked only when the answer is 'other'").isFalse();
            ui.window().checkBox("choice-water-other").click();
            untilUi(() -> shown(ui, "answer-water_other"), Duration.ofSeconds(5), "the question the answer calls for");
            ui.window().checkBox("choice-water-other").click();
            untilUi(() -> !shown(ui, "answer-water_other"), Duration.ofSeconds(5), "the question hidden again");
            ui.window().checkBox("choice-water-tap").click();

            ui.window().button("add-members").click();
            ui.window().button("add-members").click();
            untilUi(() -> shown(ui, "answer-members[1].m_name"), Duration.ofSeconds(5), "two member rows");
            ui.window().textBox("answer-members[0].m_name").enterText("Grace");
            ui.window().textBox("answer-members[0].m_age").enterText("40");
            ui.window().textBox("answer-members[1].m_name").enterText("Tom");
            ui.window().textBox("answer-members[1].m_age").enterText("400");
            untilUi(() -> "2".equals(onUi(() -> ((JLabel) ui.window().robot().finder()
                    .findByName("answer-n_members")).getText())), Duration.ofSeconds(5), "the calculated count");

            untilUi(() -> onUi(() -> ui.window().label("label-thanks").target().getText())
                    .contains("Thank Grace Achieng for their time."), Duration.ofSeconds(5), "the note naming the respondent");
            ui.window().button("saveNewEntry").click();
            untilUi(() -> "Age: Age must be between 0 and 120".equals(
                    ui.window().label("problem-members[1].m_age").target().getText()), Duration.ofSeconds(5),
                    "the form's own message under the question");
            assertThat(clientStore.get().entryCount()).as("nothing saved").isZero();
            ui.screenshot("client-survey-constraint");

            ui.window().textBox("answer-members[1].m_age").deleteText().enterText("10");
            ui.window().button("saveNewEntry").click();
            until(() -> master.store().entryCount() == 1, Duration.ofSeconds(20), "the entry on the master");
            Entry saved = master.store().recent(0, 1).get(0).entry();
            assertThat(saved.formId()).isEqualTo("household_survey");
            JsonNode rows = saved.fields().get("members").value();
            assertThat(rows).hasSize(2);
            assertThat(rows.get(1).get("m_name").asText()).isEqualTo("Tom");
            assertThat(rows.get(1).get("m_age").asInt()).isEqualTo(10);
            assertThat(saved.fields().get("water").value().toString()).isEqualTo("[\"tap\"]");
            assertThat(saved.fields().get("n_members").value().asInt()).isEqualTo(2);
            assertThat(saved.fields()).doesNotContainKeys("water_other", "thanks");
        }
    }

    @Test
    void the_coordinator_corrects_a_members_age_in_the_entry_dialog_and_the_forms_message_stops_a_wrong_one() throws Exception {
        try (PanelHarness ui = PanelHarness.open(dataDir, Role.MASTER, PanelServices.none())) {
            KitStore store = ui.kit().store();
            store.forms().save(survey());
            PairedDevice phone = ui.pair("Ann's phone", "phone");
            ArrayNode members = JsonNodeFactory.instance.arrayNode();
            members.addObject().put("m_name", "Grace").put("m_age", 40);
            members.addObject().put("m_name", "Tom").put("m_age", 1);
            Map<String, JsonNode> answers = Map.of("respondent", TextNode.valueOf("Grace Achieng"),
                    "water", JsonNodeFactory.instance.arrayNode().add("well"), "members", members, "n_members", IntNode.valueOf(2));
            Entry entry = LocalEdits.create(UUID.randomUUID().toString(), survey(), answers, phone.clock());
            phone.client().push(List.of(entry));

            DialogFixture dialog = ui.editTheOnlyEntry();
            dialog.textBox("answer-members[1].m_age").deleteText().enterText("130");
            PanelHarness.press(dialog.button("saveEntry"));
            untilUi(() -> dialog.textBox("dialogProblem").target().getText().equals("Not saved: Age: Age must be between 0 and 120."),
                    Duration.ofSeconds(10), "the form's message");
            assertThat(store.find(entry.uuid()).orElseThrow().entry().fields().get("members").value().get(1).get("m_age").asInt())
                    .isEqualTo(1);

            dialog.textBox("answer-members[1].m_age").deleteText().enterText("11");
            PanelHarness.press(dialog.button("saveEntry"));
            until(() -> store.find(entry.uuid()).orElseThrow().entry().fields().get("members").value().get(1).get("m_age").asInt() == 11,
                    Duration.ofSeconds(10), "the corrected age in the store");
            JsonNode saved = store.find(entry.uuid()).orElseThrow().entry().fields().get("members").value();
            assertThat(saved).hasSize(2);
            assertThat(saved.get(0).get("m_name").asText()).isEqualTo("Grace");
        }
    }
}
