package org.lankit.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lankit.ui.PanelHarness.onUi;
import static org.lankit.ui.PanelHarness.until;
import static org.lankit.ui.PanelHarness.untilUi;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.awt.Component;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.swing.JComboBox;
import javax.swing.JTable;
import javax.swing.text.JTextComponent;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.JOptionPaneFixture;
import org.assertj.swing.fixture.JTableFixture;
import org.assertj.swing.timing.Timeout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.app.Role;
import org.lankit.store.SummaryFields;
import org.lankit.sync.DefaultForm;
import org.lankit.sync.Entry;
import org.lankit.sync.FieldType;
import org.lankit.sync.FieldValue;
import org.lankit.sync.Form;
import org.lankit.sync.FormField;
import org.lankit.sync.HlcClock;
import org.lankit.testkit.PairedDevice;

/**
 * A coordinator's evening with the Entries screen: telling the day's visits apart by respondent and
 * village, finding one by village or by worker, choosing on the Forms screen which answers the list
 * shows, and reading an entry without being offered boxes to type in.
 */
@ExtendWith(SwingUnderXvfb.class)
class EntriesScreenTest {

    private static final int SUMMARY = 1;
    private static final int WORKER = 2;

    @TempDir
    Path dataDir;

    @Test
    void the_coordinator_tells_visits_apart_by_their_summary_finds_them_by_village_and_worker_and_chooses_what_the_list_shows()
            throws Exception {
        try (PanelHarness ui = PanelHarness.open(dataDir, Role.MASTER, PanelServices.none())) {
            PairedDevice amina = ui.pair("Amina's phone", "phone");
            PairedDevice bo = ui.pair("Bo's phone", "phone");
            amina.client().push(List.of(visit(amina.clock(), "Chipo Banda", "Kanyama", 4),
                    visit(amina.clock(), "Rudo Phiri", "Kanyama", 6)));
            bo.client().push(List.of(visit(bo.clock(), "Tendai Ncube", "Mtendere", 3)));

            ui.window().tabbedPane("tabs").selectTab("Entries");
            JTableFixture table = ui.window().table("entriesTable");
            untilUi(() -> table.target().getRowCount() == 3, Duration.ofSeconds(10), "the day's three visits");
            untilUi(() -> column(table.target(), SUMMARY).contains("Chipo Banda \u00b7 Kanyama"), Duration.ofSeconds(10),
                    "the summaries: the form's first two answers");
            assertThat(onUi(() -> column(table.target(), SUMMARY)))
                    .containsExactlyInAnyOrder("Chipo Banda \u00b7 Kanyama", "Rudo Phiri \u00b7 Kanyama", "Tendai Ncube \u00b7 Mtendere");
            assertThat(onUi(() -> table.target().getColumnName(WORKER))).isEqualTo("Worker");

            ui.window().textBox("search").enterText("kanyama");
            untilUi(() -> table.target().getRowCount() == 2, Duration.ofSeconds(10), "the two visits in Kanyama");
            assertThat(onUi(() -> column(table.target(), WORKER))).containsOnly("Amina's phone");
            ui.window().label("entryCount").requireText("2 of 3 entries");
            ui.screenshotForTheDocs("entries-summary-search");

            ui.window().textBox("search").deleteText();
            ui.window().comboBox("workerFilter").selectItem("Bo's phone");
            untilUi(() -> table.target().getRowCount() == 1, Duration.ofSeconds(10), "Bo's one visit");
            assertThat(onUi(() -> column(table.target(), SUMMARY))).containsExactly("Tendai Ncube \u00b7 Mtendere");
            ui.window().textBox("search").enterText("Amina");
            untilUi(() -> table.target().getRowCount() == 0, Duration.ofSeconds(10), "nothing: Amina is not Bo");
            ui.window().comboBox("workerFilter").selectItem("Everyone");
            untilUi(() -> table.target().getRowCount() == 2, Duration.ofSeconds(10), "the worker's name found by the search");

            ui.window().tabbedPane("tabs").selectTab("Forms");
            untilUi(() -> ui.window().label("summaryLine").target().getText().equals("Shown in the Entries list: Respondent, Village"),
                    Duration.ofSeconds(10), "the household form's summary");
            ui.window().button("chooseSummary").click();
            JOptionPaneFixture ask = ui.window().optionPane(Timeout.timeout(20_000));
            PanelHarness.tick(ask.checkBox("summary-village").requireSelected(), false);
            PanelHarness.tick(ask.checkBox("summary-household_size").requireNotSelected(), true);
            PanelHarness.answer(ask, "OK");
            SummaryFields summary = new SummaryFields(ui.kit().store().settings());
            until(() -> summary.of(DefaultForm.householdVisit()).equals(List.of("respondent", "household_size")),
                    Duration.ofSeconds(10), "the choice kept in the store");
            untilUi(() -> ui.window().label("status").target().getText().startsWith("The Entries list now shows"),
                    Duration.ofSeconds(10), "the choice confirmed");

            ui.window().tabbedPane("tabs").selectTab("Entries");
            assertThat(onUi(() -> ui.window().label("status").target().getText().isBlank()))
                    .as("the bottom line was about the Forms screen: it is cleared").isTrue();
            untilUi(() -> column(table.target(), SUMMARY).contains("Chipo Banda \u00b7 4"), Duration.ofSeconds(10),
                    "the summaries with the household size instead of the village");
        }
    }

    @Test
    void a_mistake_is_said_beside_what_caused_it_not_in_the_bottom_line() throws Exception {
        try (PanelHarness ui = PanelHarness.open(dataDir, Role.MASTER, PanelServices.none())) {
            PairedDevice phone = ui.pair("Amina's phone", "phone");
            phone.client().push(List.of(visit(phone.clock(), "Chipo Banda", "Kanyama", 4)));
            ui.window().tabbedPane("tabs").selectTab("Entries");
            untilUi(() -> ui.window().table("entriesTable").target().getRowCount() == 1, Duration.ofSeconds(10), "the visit");

            ui.window().button("details").click();
            untilUi(() -> ui.window().textBox("entriesProblem").target().isShowing(), Duration.ofSeconds(10), "the problem");
            ui.window().textBox("entriesProblem").requireText("Select an entry in the list first.");
            assertThat(onUi(() -> ui.window().label("status").target().getText().isBlank())).isTrue();

            ui.window().tabbedPane("tabs").selectTab("Forms");
            untilUi(() -> ui.window().table("questionsTable").target().getRowCount() == 6, Duration.ofSeconds(10), "the form");
            ui.window().table("questionsTable").enterValue(org.assertj.swing.data.TableCell.row(0).column(0), " ");
            ui.window().button("saveForm").click();
            untilUi(() -> ui.window().textBox("formProblem").target().isShowing(), Duration.ofSeconds(10), "the problem");
            ui.window().textBox("formProblem").requireText("Not saved: Question 1 needs a question text.");
            assertThat(onUi(() -> ui.window().label("status").target().getText().isBlank())).isTrue();
            assertThat(ui.kit().store().forms().latest(DefaultForm.ID).orElseThrow().version()).isEqualTo(1);
        }
    }

    @Test
    void an_entry_opened_to_read_shows_its_answers_as_words_and_a_long_answer_wraps() throws Exception {
        try (PanelHarness ui = PanelHarness.open(dataDir, Role.MASTER, PanelServices.none())) {
            PairedDevice phone = ui.pair("Amina's phone", "phone");
            String notes = "The household draws water from the river in the dry season and from the well the rest of the"
                    + " year; the well is shared with three neighbours and is closed on Sundays.";
            Entry entry = visit(phone.clock(), "Chipo Banda", "Kanyama", 4);
            Map<String, FieldValue> fields = new java.util.HashMap<>(entry.fields());
            fields.put("notes", FieldValue.edit(TextNode.valueOf(notes), phone.clock().now(), ""));
            phone.client().push(List.of(new Entry(entry.uuid(), entry.formId(), entry.formVersion(), fields, null,
                    entry.createdAt(), entry.createdBy(), 0, null, null)));

            ui.window().tabbedPane("tabs").selectTab("Entries");
            JTableFixture table = ui.window().table("entriesTable");
            untilUi(() -> table.target().getRowCount() == 1, Duration.ofSeconds(10), "the visit");
            table.selectRows(0);
            ui.window().button("details").click();
            DialogFixture dialog = ui.window().dialog("entryDialog", Timeout.timeout(20_000));

            assertThat(onUi(() -> typingControls(dialog.target()))).as("nothing to type in while reading").isEmpty();
            assertThat(onUi(() -> dialog.label("shown-village").target().getText())).contains("Kanyama");
            assertThat(onUi(() -> dialog.label("shown-visit_date").target().getText())).contains("(no answer)");
            javax.swing.JLabel shownNotes = dialog.label("shown-notes").target();
            assertThat(onUi(() -> shownNotes.getWidth())).as("the long answer has the width it needs: nothing cut off")
                    .isGreaterThanOrEqualTo(onUi(() -> shownNotes.getPreferredSize().width));
            assertThat(onUi(() -> shownNotes.getHeight()))
                    .as("it wraps onto several lines").isGreaterThan(2 * onUi(() -> dialog.label("shown-village").target().getHeight()));
            forTheDocs(((javax.swing.JDialog) dialog.target()).getRootPane(), "entry-read-only");

            PanelHarness.press(dialog.button("editEntry"));
            untilUi(() -> dialog.textBox("answer-village").target().isShowing(), Duration.ofSeconds(10), "the answers to change");
            dialog.textBox("answer-village").requireEditable();
            PanelHarness.press(dialog.button("closeEntry"));
        }
    }

    @Test
    void a_long_question_and_its_hint_wrap_in_the_entry_instead_of_being_cut_off() throws Exception {
        try (PanelHarness ui = PanelHarness.open(dataDir, Role.MASTER, PanelServices.none())) {
            String question = "How many people slept in this household last night, counting babies, visitors who stayed"
                    + " and members who are away for less than a month?";
            String hint = "Count everyone who shares the cooking pot; workers who sleep at the mine are not counted, nor are"
                    + " visitors who leave tomorrow morning.";
            ui.kit().store().forms().save(new Form("census", 1, "Census", List.of(new FormField("people", question,
                    FieldType.INTEGER, true, null, null, null, hint, null, null, null, null, null, null, null, null, null, null,
                    null))));
            PairedDevice phone = ui.pair("Amina's phone", "phone");
            var at = phone.clock().now();
            phone.client().push(List.of(new Entry(UUID.randomUUID().toString(), "census", 1,
                    Map.of("people", FieldValue.edit(IntNode.valueOf(7), at, "")), null, at.wallMs(), phone.deviceId(), 0, null, null)));

            DialogFixture dialog = ui.editTheOnlyEntry();
            untilUi(() -> dialog.label("label-people").target().isShowing(), Duration.ofSeconds(10), "the question");
            for (String name : List.of("label-people", "hint-people")) {
                javax.swing.JLabel words = dialog.label(name).target();
                assertThat(onUi(() -> words.getWidth())).as(name + " has the width it needs: nothing cut off")
                        .isGreaterThanOrEqualTo(onUi(() -> words.getPreferredSize().width));
                assertThat(onUi(() -> words.getHeight())).as(name + " wraps onto two lines or more")
                        .isGreaterThanOrEqualTo(2 * onUi(() -> words.getFontMetrics(words.getFont()).getHeight()));
                assertThat(onUi(() -> words.getWidth())).as(name + " inside the window").isLessThan(onUi(() -> dialog.target().getWidth()));
            }
            dialog.textBox("answer-people").requireText("7");
            PanelHarness.press(dialog.button("closeEntry"));
        }
    }

    @Test
    void a_french_speaking_coordinator_reads_the_entries_screen_in_french() throws Exception {
        Text.use(Locale.FRENCH);
        try (PanelHarness ui = PanelHarness.open(dataDir, Role.MASTER, PanelServices.none())) {
            PairedDevice phone = ui.pair("Téléphone d'Amina", "phone");
            phone.client().push(List.of(visit(phone.clock(), "Chipo Banda", "Kanyama", 4)));
            ui.window().tabbedPane("tabs").selectTab("Saisies");
            JTableFixture table = ui.window().table("entriesTable");
            untilUi(() -> table.target().getRowCount() == 1, Duration.ofSeconds(10), "la saisie");

            assertThat(onUi(() -> List.of(table.target().getColumnName(SUMMARY), table.target().getColumnName(WORKER))))
                    .containsExactly("Résumé", "Enquêteur");
            assertThat(onUi(() -> String.valueOf(table.target().getValueAt(0, 4)))).isEqualTo("Enregistrée");
            ui.window().label("entryCount").requireText("1 saisie");
            assertThat(onUi(() -> ui.window().label("entryCount").target().getLocationOnScreen().x
                    + ui.window().label("entryCount").target().getWidth()))
                    .as("the count in sight, even with the longer French words")
                    .isLessThanOrEqualTo(onUi(() -> ui.panel().frame().getLocationOnScreen().x + ui.panel().frame().getWidth()));
            assertThat(onUi(() -> ui.window().comboBox("filter").target().getItemAt(0).toString())).isEqualTo("Toutes les saisies");
            ui.window().button("details").requireText("Détails…");
            ui.screenshot("entries-fr");
        } finally {
            Text.use(Locale.ENGLISH);
        }
    }

    /** The dialog as shown, kept for the documentation beside the window's screenshots. */
    private static void forTheDocs(Component shown, String name) throws java.io.IOException {
        javax.imageio.ImageIO.write(PanelHarness.screenshot(shown, name), "png",
                Path.of("src", "site", "markdown", "images", name + ".png").toFile());
    }

    /** A household visit as a phone makes it: respondent, village and household size. */
    private static Entry visit(HlcClock clock, String respondent, String village, int size) {
        var a = clock.now();
        return new Entry(UUID.randomUUID().toString(), DefaultForm.ID, 1,
                Map.of("respondent", FieldValue.edit(TextNode.valueOf(respondent), a, ""),
                        "village", FieldValue.edit(TextNode.valueOf(village), clock.now(), ""),
                        "household_size", FieldValue.edit(IntNode.valueOf(size), clock.now(), "")),
                null, a.wallMs(), clock.deviceId(), 0, null, null);
    }

    private static List<String> column(JTable table, int column) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < table.getRowCount(); i++) cells.add(String.valueOf(table.getValueAt(i, column)));
        return cells;
    }

    /** Text boxes one could type in, and choice lists, anywhere in the window. */
    private static List<Component> typingControls(java.awt.Container root) {
        List<Component> found = new ArrayList<>();
        for (Component c : root.getComponents()) {
            if (c.isShowing() && (c instanceof JTextComponent t && t.isEditable() || c instanceof JComboBox<?>)) found.add(c);
            if (c instanceof java.awt.Container inner) found.addAll(typingControls(inner));
        }
        return found;
    }
}
