package org.lankit.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lankit.ui.PanelHarness.onUi;
import static org.lankit.ui.PanelHarness.untilUi;

import java.nio.file.Path;
import java.time.Duration;
import javax.swing.JList;
import javax.swing.JTextArea;
import org.assertj.swing.fixture.JFileChooserFixture;
import org.assertj.swing.fixture.JOptionPaneFixture;
import org.assertj.swing.timing.Timeout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.app.Role;
import org.lankit.sync.Form;
import org.lankit.testkit.HouseholdSurvey;
import org.lankit.testkit.XlsFormFile;

/** Forms → Import XLSForm… on the real panel: a good file becomes a read-only form, a bad one is listed and not saved. */
@ExtendWith(SwingUnderXvfb.class)
class FormImportScreenTest {

    private static final int FORMS_TAB = 4;

    @TempDir
    Path temp;

    @Test
    void an_imported_xlsform_is_listed_and_shown_read_only_and_a_refused_one_lists_its_problems() {
        Path good = HouseholdSurvey.file().writeTo(temp.resolve("files/household.xlsx"));
        Path bad = new XlsFormFile()
                .sheet("survey", "type", "name", "label")
                .row("text", "village", "Village")
                .row("audio", "voice", "Say your name")
                .row("integer", "village", "Again")
                .writeTo(temp.resolve("files/bad.xlsx"));
        try (PanelHarness ui = PanelHarness.open(temp.resolve("data"), Role.MASTER, PanelServices.none())) {
            ui.kit();
            untilUi(() -> !ui.window().robot().finder().findAll(c -> "tabs".equals(c.getName())).isEmpty(),
                    Duration.ofSeconds(10), "the screens");
            ui.window().tabbedPane("tabs").selectTab(FORMS_TAB);

            choose(ui, good);
            untilUi(() -> titles(ui).contains("Household survey  (version 1)"), Duration.ofSeconds(10), "the imported form in the list");
            untilUi(() -> ui.window().textBox("importedNote").text().startsWith("Imported from household.xlsx."), Duration.ofSeconds(10),
                    "the imported form on screen");
            ui.window().button("saveForm").requireDisabled();
            ui.window().button("addQuestion").requireDisabled();
            assertThat(onUi(() -> ui.window().table("questionsTable").target().isCellEditable(0, 1))).isFalse();
            assertThat(ui.window().label("status").text()).contains("Imported \u201cHousehold survey\u201d as version 1");

            choose(ui, bad);
            JOptionPaneFixture refusal = ui.window().optionPane(Timeout.timeout(10_000)).requireTitle("Not imported");
            String listed = onUi(() -> refusal.robot().finder().findByName(refusal.target(), "importProblems", JTextArea.class).getText());
            assertThat(listed.lines()).containsExactly(
                    "\u2022 survey row 3, column A (type): the type \"audio\" is not supported (forms.md lists the types that are)",
                    "\u2022 survey row 4, column B (name): the name village is already used in row 2");
            refusal.okButton().click();
            assertThat(ui.kit().store().forms().all("bad")).isEmpty();
            assertThat(ui.kit().store().forms().latest()).extracting(Form::id).contains("household_survey");
        }
    }

    private static void choose(PanelHarness ui, Path file) {
        ui.window().button("importXlsForm").click();
        JFileChooserFixture chooser = ui.window().fileChooser(Timeout.timeout(10_000));
        chooser.setCurrentDirectory(file.getParent().toFile());
        chooser.selectFile(file.toFile()).approve();
    }

    private static java.util.List<String> titles(PanelHarness ui) {
        @SuppressWarnings("unchecked")
        JList<Form> list = (JList<Form>) ui.window().list("formsList").target();
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < list.getModel().getSize(); i++) {
            Form f = list.getModel().getElementAt(i);
            out.add(f.title() + "  (version " + f.version() + ")");
        }
        return out;
    }
}
