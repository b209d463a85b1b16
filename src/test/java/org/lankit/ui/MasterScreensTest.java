package org.lankit.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lankit.ui.PanelHarness.onUi;
import static org.lankit.ui.PanelHarness.until;
import static org.lankit.ui.PanelHarness.untilUi;

import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.JOptionPaneFixture;
import org.assertj.swing.fixture.JTableFixture;
import org.assertj.swing.timing.Timeout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.app.KitChoices;
import org.lankit.app.Role;
import org.lankit.hub.TeamEdits;
import org.lankit.peer.MasterError;
import org.lankit.store.KitStore;
import org.lankit.sync.Entry;
import org.lankit.sync.LocalEdits;
import org.lankit.sync.PushStatus;
import org.lankit.testkit.ConflictingEdits;
import org.lankit.testkit.Entries;
import org.lankit.testkit.PairedDevice;

/** The master's screens acting on the real engine: conflicts, edits, devices, closing. */
@ExtendWith(SwingUnderXvfb.class)
class MasterScreensTest {

    @TempDir
    Path dataDir;

    @Test
    void an_open_conflict_resolved_on_the_conflicts_screen_reaches_the_store() throws Exception {
        try (PanelHarness ui = PanelHarness.open(dataDir, Role.MASTER, PanelServices.none())) {
            Entry entry = conflictOnRespondent(ui);
            KitStore store = ui.kit().store();
            assertThat(store.find(entry.uuid()).orElseThrow().entry().conflicts()).hasSize(1);

            ui.window().tabbedPane("tabs").selectTab(3);
            untilUi(() -> !ui.window().robot().finder().findAll(c -> "keep-0-1".equals(c.getName())).isEmpty(),
                    Duration.ofSeconds(10), "the conflict card");
            ui.window().button("keep-0-0").requireText("Keep this");
            ui.window().button("keep-0-1").click();

            until(() -> store.find(entry.uuid()).orElseThrow().entry().conflicts().isEmpty(), Duration.ofSeconds(10),
                    "the conflict to close in the store");
            Entry resolved = store.find(entry.uuid()).orElseThrow().entry();
            assertThat(resolved.fields().get("respondent").value().asText()).isEqualTo("Ann");
            assertThat(resolved.fields().get("respondent").by()).isEqualTo(ui.kit().identity().deviceId());
            untilUi(() -> !ui.window().robot().finder().findAll(c -> "noConflicts".equals(c.getName())).isEmpty(),
                    Duration.ofSeconds(10), "the empty conflicts screen");
            assertThat(ui.window().label("status").text()).contains("Kept \u201cAnn\u201d for Respondent");
        }
    }

    @Test
    void an_entry_edited_in_its_detail_view_is_saved_as_the_coordinators_change() throws Exception {
        try (PanelHarness ui = PanelHarness.open(dataDir, Role.MASTER, PanelServices.none())) {
            PairedDevice phone = ui.pair("Ann's phone", "phone");
            Entry entry = Entries.household(phone.clock(), "Bea Moyo", 5);
            phone.client().push(List.of(entry));

            DialogFixture dialog = ui.editTheOnlyEntry();
            dialog.textBox("answer-household_size").requireEditable().deleteText().enterText("6");
            dialog.textBox("answer-village").enterText("Mbala");
            PanelHarness.press(dialog.button("saveEntry"));

            KitStore store = ui.kit().store();
            until(() -> store.find(entry.uuid()).orElseThrow().entry().fields().get("household_size").value().asInt() == 6,
                    Duration.ofSeconds(10), "the edit in the store");
            Entry saved = store.find(entry.uuid()).orElseThrow().entry();
            assertThat(saved.fields().get("village").value().asText()).isEqualTo("Mbala");
            assertThat(saved.fields().get("household_size").by()).isEqualTo(ui.kit().identity().deviceId());
            assertThat(saved.fields().get("respondent").by()).isEqualTo(phone.deviceId());
        }
    }

    @Test
    void a_new_phone_waits_until_the_coordinator_approves_it_on_the_devices_screen() throws Exception {
        try (PanelHarness ui = PanelHarness.open(dataDir, Role.MASTER, PanelServices.none())) {
            ui.kit();
            ui.window().tabbedPane("tabs").selectTab(2);
            ui.window().checkBox("approveNew").click();
            until(() -> ui.kit().store().settings().get("approveNewDevices").orElse("").equals("true"),
                    Duration.ofSeconds(10), "the approval setting");

            PairedDevice phone = ui.pair("Stranger's phone", "phone");
            Entry entry = Entries.household(phone.clock(), "Cai", 2);
            assertThatThrownBy(() -> phone.client().push(List.of(entry)))
                    .isInstanceOfSatisfying(MasterError.class, e -> assertThat(e.error()).isEqualTo("awaiting_approval"));
            JTableFixture table = ui.window().table("devicesTable");
            untilUi(() -> table.target().getRowCount() == 1 && "Waiting for your approval".equals(table.target().getValueAt(0, 5)),
                    Duration.ofSeconds(10), "the waiting phone");
            table.selectRows(0);
            ui.window().button("approve").click();

            until(() -> ui.kit().store().devices().byId(phone.deviceId()).orElseThrow().approved(), Duration.ofSeconds(10),
                    "the approval in the store");
            assertThat(phone.client().push(List.of(entry)).results().get(0).status()).isEqualTo(PushStatus.APPLIED);
        }
    }

    @Test
    void a_phone_may_edit_another_phones_entry_once_the_coordinator_ticks_the_box_on_the_devices_screen() throws Exception {
        try (PanelHarness ui = PanelHarness.open(dataDir, Role.MASTER, PanelServices.none())) {
            PairedDevice ann = ui.pair("Ann's phone", "phone");
            PairedDevice bo = ui.pair("Bo's phone", "phone");
            Entry entry = Entries.household(ann.clock(), "Ann", 4);
            ann.client().push(List.of(entry));
            Entry edit = LocalEdits.edit(bo.client().pull(0, 10).entries().get(0), "village", TextNode.valueOf("Mbala"),
                    bo.clock()).forPush();
            assertThat(bo.client().push(List.of(edit)).results().get(0).status()).isEqualTo(PushStatus.REJECTED);

            ui.window().tabbedPane("tabs").selectTab(2);
            ui.window().checkBox("teamEdits").requireNotSelected().click();
            until(() -> ui.kit().store().settings().get(TeamEdits.SETTING).orElse("").equals("true"),
                    Duration.ofSeconds(10), "the team edits setting");

            assertThat(bo.client().push(List.of(edit)).results().get(0).status()).isEqualTo(PushStatus.APPLIED);
            assertThat(ui.kit().store().find(entry.uuid()).orElseThrow().entry().fields().get("village").value().asText())
                    .isEqualTo("Mbala");
            untilUi(() -> ui.window().label("status").text().startsWith("Phones can now edit every entry"),
                    Duration.ofSeconds(10), "the status line");
            ui.window().checkBox("teamEdits").requireSelected();
        }
    }

    @Test
    void closing_with_a_phone_connected_asks_first_and_says_what_stops() throws Exception {
        PanelHarness ui = PanelHarness.open(dataDir, Role.MASTER, PanelServices.none());
        try {
            PairedDevice phone = ui.pair("Ann's phone", "phone");
            phone.client().status();
            ui.window().close();
            JOptionPaneFixture ask = ui.window().optionPane(Timeout.timeout(20_000));
            assertThat(ask.target().getMessage().toString())
                    .contains("1 phone or laptop is connected")
                    .contains("cannot send entries here")
                    .contains("sending entries to the team's API stops");
            PanelHarness.answer(ask, "Keep it running");
            assertThat(onUi(() -> ui.panel().frame().isShowing())).isTrue();
            assertThat(phone.client().info().deviceId()).isEqualTo(ui.kit().identity().deviceId());

            ui.window().close();
            ui.answer("Close Lankit");
            assertThat(ui.awaitExit()).isTrue();
            assertThatThrownBy(() -> phone.client().info()).isInstanceOf(java.io.IOException.class);
        } finally {
            ui.window().cleanUp();
        }
    }

    /**
     * Ann's phone enters "Ann"; Bo's phone, not having seen it, changes it to "Anna" later (the
     * coordinator lets phones edit the team's entries).
     */
    static Entry conflictOnRespondent(PanelHarness ui) throws Exception {
        new KitChoices(ui.kit().store()).phonesEditTeamEntries(true); // Bo's phone edits Ann's entry
        PairedDevice ann = ui.pair("Ann's phone", "phone");
        PairedDevice bo = ui.pair("Bo's phone", "phone");
        Entry entry = Entries.household(ann.clock(), "Ann", 4);
        ann.client().push(List.of(entry));
        Entry rival = ConflictingEdits.blindEdit(ui.kit().store().find(entry.uuid()).orElseThrow().entry(), bo.clock(),
                "respondent", TextNode.valueOf("Anna"));
        assertThat(bo.client().push(List.of(rival)).results().get(0).status()).isEqualTo(PushStatus.CONFLICT);
        return entry;
    }
}
