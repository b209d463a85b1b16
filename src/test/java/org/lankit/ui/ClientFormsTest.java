package org.lankit.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lankit.ui.PanelHarness.onUi;
import static org.lankit.ui.PanelHarness.until;
import static org.lankit.ui.PanelHarness.untilUi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.JComboBoxFixture;
import org.assertj.swing.fixture.JTableFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.app.Role;
import org.lankit.hub.HubConfig;
import org.lankit.store.KitStore;
import org.lankit.store.StoredEntry;
import org.lankit.sync.DefaultForm;
import org.lankit.sync.Entry;
import org.lankit.sync.FieldType;
import org.lankit.sync.Form;
import org.lankit.sync.FormField;
import org.lankit.sync.LocalEdits;
import org.lankit.testkit.PairedDevice;
import org.lankit.testkit.RunningMaster;

/**
 * Several forms on a client laptop paired with a real master (a choice of form, new forms arriving
 * while it runs), on the master's entry dialog, and refused answers named by their question.
 */
@ExtendWith(SwingUnderXvfb.class)
class ClientFormsTest {

    private static final String WATER_POINT = "Water point check";

    @TempDir
    Path dataDir;
    @TempDir
    Path masterDir;

    /** A second form: "Users" allows at most {@code maxUsers}. */
    private static Form waterPoint(int maxUsers) {
        return new Form("water_point", 1, WATER_POINT, List.of(
                FormField.of("point_name", "Water point", FieldType.TEXT, true),
                FormField.of("working", "Working today", FieldType.BOOLEAN, false),
                new FormField("users", "Users", FieldType.INTEGER, false, null, BigDecimal.ZERO, BigDecimal.valueOf(maxUsers))));
    }

    private static RunningMaster master(Path dir) {
        return RunningMaster.start(dir, 0, HubConfig.defaults().withAnnouncement(false));
    }

    /** The real client link (no looking for masters), with its store handed to {@code store}. */
    private static PanelServices client(AtomicReference<KitStore> store) {
        return new PanelServices(kit -> null, kit -> null, s -> {
            store.set(s);
            return ClientLink.open(s, null);
        });
    }

    private static void join(PanelHarness ui, RunningMaster master) {
        ui.joinAsLaptop(master);
        untilUi(() -> ui.window().panel("clientEntryForm").target().isShowing(), Duration.ofSeconds(20), "the entry form");
    }

    private static boolean pickerShows(PanelHarness ui, int forms) {
        JComboBoxFixture picker = ui.window().comboBox("formPicker");
        return picker.target().isShowing() && picker.target().getItemCount() == forms;
    }

    private static boolean shown(PanelHarness ui, String name) {
        return onUi(() -> !ui.window().robot().finder().findAll(c -> name.equals(c.getName()) && c.isShowing()).isEmpty());
    }

    private static String title(PanelHarness ui) {
        return onUi(() -> ui.window().label("entryFormTitle").target().getText());
    }

    @Test
    void a_client_laptop_picks_the_second_form_and_the_master_gets_the_entry_with_that_form_id() throws Exception {
        try (RunningMaster master = master(masterDir);
             PanelHarness ui = PanelHarness.open(dataDir, Role.CLIENT, client(new AtomicReference<>()))) {
            master.store().forms().save(waterPoint(500));
            join(ui, master);
            untilUi(() -> pickerShows(ui, 2), Duration.ofSeconds(20), "the choice of two forms");
            assertThat(ui.window().comboBox("formPicker").contents()).containsExactly("Household visit", WATER_POINT);
            assertThat(title(ui)).isEqualTo("New entry: Household visit");

            ui.window().comboBox("formPicker").selectItem(WATER_POINT);
            assertThat(title(ui)).isEqualTo("New entry: " + WATER_POINT);
            assertThat(shown(ui, "answer-respondent")).as("the household questions are gone").isFalse();
            ui.window().textBox("answer-point_name").enterText("Borehole 7");
            ui.window().comboBox("answer-working").selectItem("yes");
            ui.window().textBox("answer-users").enterText("120");
            ui.screenshot("client-second-form");
            ui.window().button("saveNewEntry").click();

            until(() -> master.store().entryCount() == 1, Duration.ofSeconds(10), "the entry on the master");
            Entry onMaster = master.store().recent(0, 1).get(0).entry();
            assertThat(onMaster.formId()).isEqualTo("water_point");
            assertThat(onMaster.formVersion()).isEqualTo(1);
            assertThat(onMaster.fields().get("point_name").value().asText()).isEqualTo("Borehole 7");
            assertThat(onMaster.fields().get("working").value().asBoolean()).isTrue();
            assertThat(onMaster.fields().get("users").value().asInt()).isEqualTo(120);
            untilUi(() -> ui.window().table("clientEntries").target().getRowCount() == 1
                            && WATER_POINT.equals(ui.window().table("clientEntries").target().getValueAt(0, 0)),
                    Duration.ofSeconds(10), "the entry listed under its form");
            assertThat(ui.window().comboBox("formPicker").selectedItem()).as("the choice stays for the next entry")
                    .isEqualTo(WATER_POINT);
            assertThat(ui.window().textBox("answer-point_name").text()).isEmpty();
        }
    }

    @Test
    void a_form_created_on_the_master_after_the_client_started_appears_in_its_picker_without_a_restart() throws Exception {
        try (RunningMaster master = master(masterDir);
             PanelHarness ui = PanelHarness.open(dataDir, Role.CLIENT, client(new AtomicReference<>()))) {
            join(ui, master);
            assertThat(shown(ui, "formPicker")).as("one form: no choice").isFalse();
            ui.window().textBox("answer-respondent").enterText("Half typed");

            // what the Forms screen saves: a new form, and a new version of the household form with one more question
            master.store().forms().save(waterPoint(500));
            Form household = master.store().forms().latest(DefaultForm.ID).orElseThrow();
            List<FormField> more = new ArrayList<>(household.fields());
            more.add(FormField.of("phone", "Phone number", FieldType.TEXT, false));
            master.store().forms().save(new Form(DefaultForm.ID, 2, household.title(), more));

            // no entry moves: the master's live "refresh" brings the forms at once
            untilUi(() -> pickerShows(ui, 2), Duration.ofSeconds(10), "the new form in the picker");
            until(() -> shown(ui, "answer-phone"),
                    Duration.ofSeconds(20), "the household form's new question");
            assertThat(ui.window().comboBox("formPicker").selectedItem()).isEqualTo("Household visit");
            assertThat(ui.window().textBox("answer-respondent").text()).as("what was typed survives the new version")
                    .isEqualTo("Half typed");

            ui.window().comboBox("formPicker").selectItem(WATER_POINT);
            assertThat(title(ui)).isEqualTo("New entry: " + WATER_POINT);
        }
    }

    @Test
    void a_refused_answer_is_named_by_its_question_on_the_client_both_when_checked_here_and_when_the_master_refuses()
            throws Exception {
        AtomicReference<KitStore> clientStore = new AtomicReference<>();
        try (RunningMaster master = master(masterDir);
             PanelHarness ui = PanelHarness.open(dataDir, Role.CLIENT, client(clientStore))) {
            join(ui, master);
            ui.window().textBox("answer-respondent").enterText("Juma Phiri");
            ui.window().textBox("answer-household_size").enterText("64");
            ui.window().button("saveNewEntry").click();
            untilUi(() -> ui.window().label("entryProblem").target().getText().equals("Household size must be at most 50"),
                    Duration.ofSeconds(20), "the problem named by the label");
            assertThat(clientStore.get().entryCount()).as("nothing saved").isZero();

            // this laptop once took a "water_point" form with a higher limit than the master's
            // (as from an earlier master): its own check passes, the master refuses
            clientStore.get().forms().save(waterPoint(1000));
            master.store().forms().save(waterPoint(500));
            untilUi(() -> pickerShows(ui, 2), Duration.ofSeconds(20), "the laptop's second form");
            ui.window().comboBox("formPicker").selectItem(WATER_POINT);
            ui.window().textBox("answer-point_name").enterText("Borehole 9");
            ui.window().textBox("answer-users").enterText("700");
            ui.window().button("saveNewEntry").click();

            JTableFixture table = ui.window().table("clientEntries");
            untilUi(() -> table.target().getRowCount() == 1
                            && "Refused by the master: Users must be at most 500".equals(table.target().getValueAt(0, 3)),
                    Duration.ofSeconds(10), "the master's reason, named by the label");
            assertThat(master.store().entryCount()).isZero();
            ui.screenshot("client-refused");
        }
    }

    @Test
    void a_client_laptop_user_corrects_a_phones_entry_and_the_master_gets_only_that_answer_changed() throws Exception {
        try (RunningMaster master = master(masterDir);
             PanelHarness ui = PanelHarness.open(dataDir, Role.CLIENT, client(new AtomicReference<>()))) {
            PairedDevice phone = master.pair("Ann's phone");
            Entry typedOnPhone = org.lankit.testkit.Entries.household(phone.clock(), "Amina Njeri", 4);
            phone.client().push(List.of(typedOnPhone));
            join(ui, master);
            JTableFixture table = ui.window().table("clientEntries");
            untilUi(() -> table.target().getRowCount() == 1, Duration.ofSeconds(20), "the phone's entry on the laptop");
            assertThat(ui.window().button("editEntry").target().isEnabled()).as("nothing chosen yet").isFalse();

            table.selectRows(0);
            ui.window().button("editEntry").click();
            untilUi(() -> title(ui).startsWith("Editing: Household visit"), Duration.ofSeconds(20), "the entry in the form");
            assertThat(ui.window().textBox("answer-respondent").text()).isEqualTo("Amina Njeri");
            assertThat(ui.window().textBox("answer-household_size").text()).isEqualTo("4");
            assertThat(shown(ui, "formPicker")).as("an entry keeps its form").isFalse();

            ui.window().textBox("answer-household_size").deleteText().enterText("64");
            ui.window().button("saveNewEntry").click();
            untilUi(() -> ui.window().label("entryProblem").target().getText().equals("Household size must be at most 50"),
                    Duration.ofSeconds(20), "the problem named by the label");

            ui.window().textBox("answer-household_size").deleteText().enterText("7");
            ui.screenshot("client-edit");
            ui.window().button("saveNewEntry").click();
            until(() -> master.store().find(typedOnPhone.uuid()).orElseThrow().entry().fields().get("household_size")
                    .value().asInt() == 7, Duration.ofSeconds(20), "the change on the master");
            Entry onMaster = master.store().find(typedOnPhone.uuid()).orElseThrow().entry();
            assertThat(onMaster.fields().get("respondent")).as("the untouched answer keeps its clock and author")
                    .isEqualTo(typedOnPhone.fields().get("respondent").withoutBase());
            assertThat(onMaster.conflicts()).isEmpty();
            untilUi(() -> title(ui).equals("New entry: Household visit"), Duration.ofSeconds(20), "the form free for the next entry");
            assertThat(ui.window().textBox("answer-respondent").text()).isEmpty();

            table.selectRows(0);
            ui.window().button("editEntry").click();
            untilUi(() -> title(ui).startsWith("Editing:"), Duration.ofSeconds(20), "the entry in the form again");
            assertThat(ui.window().textBox("answer-household_size").text()).isEqualTo("7");
            ui.window().button("cancelEdit").click();
            untilUi(() -> title(ui).equals("New entry: Household visit"), Duration.ofSeconds(20), "cancelled");
            assertThat(master.store().find(typedOnPhone.uuid()).orElseThrow().entry()).isEqualTo(onMaster);
        }
    }

    @Test
    void the_masters_entry_dialog_edits_an_entry_with_its_own_form_and_names_a_refused_answer_by_its_label()
            throws Exception {
        try (PanelHarness ui = PanelHarness.open(dataDir, Role.MASTER, PanelServices.none())) {
            KitStore store = ui.kit().store();
            store.forms().save(waterPoint(500));
            PairedDevice phone = ui.pair("Ann's phone", "phone");
            Map<String, JsonNode> values = Map.of("point_name", TextNode.valueOf("Borehole 3"), "users", IntNode.valueOf(80));
            Entry entry = LocalEdits.create(UUID.randomUUID().toString(), waterPoint(500), values, phone.clock());
            phone.client().push(List.of(entry));

            DialogFixture dialog = ui.editTheOnlyEntry();
            assertThat(dialog.textBox("answer-point_name").text()).isEqualTo("Borehole 3");
            assertThat(dialog.robot().finder().findAll(dialog.target(), c -> "answer-respondent".equals(c.getName())))
                    .as("not the first form's questions").isEmpty();

            dialog.textBox("answer-users").deleteText().enterText("600");
            PanelHarness.press(dialog.button("saveEntry"));
            untilUi(() -> dialog.textBox("dialogProblem").target().getText().equals("Not saved: Users must be at most 500."),
                    Duration.ofSeconds(10), "the refusal named by the label");

            dialog.textBox("answer-users").deleteText().enterText("300");
            PanelHarness.press(dialog.button("saveEntry"));
            until(() -> store.find(entry.uuid()).map(StoredEntry::entry)
                            .map(e -> e.fields().get("users").value().asInt() == 300).orElse(false),
                    Duration.ofSeconds(10), "the edit in the store");
            Entry saved = store.find(entry.uuid()).orElseThrow().entry();
            assertThat(saved.formId()).isEqualTo("water_point");
            assertThat(saved.fields().get("users").by()).isEqualTo(ui.kit().identity().deviceId());
            assertThat(Optional.ofNullable(saved.fields().get("respondent"))).isEmpty();
        }
    }
}
