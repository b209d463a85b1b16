package org.lankit.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.app.KitChoices;
import org.lankit.sync.DefaultForm;
import org.lankit.sync.Entry;
import org.lankit.sync.FieldType;
import org.lankit.sync.Form;
import org.lankit.sync.Protocol.UpstreamStatus;
import org.lankit.testkit.ConflictingEdits;
import org.lankit.testkit.Entries;
import org.lankit.testkit.PairedDevice;
import org.lankit.testkit.RunningMaster;
import org.lankit.ui.Views.ConflictCard;
import org.lankit.ui.Views.MasterView;

/** The panel's engine side on a real master, without a window. */
class MasterConsoleTest {

    @TempDir
    Path dataDir;

    @Test
    void an_edit_saves_only_the_changed_answers_as_the_coordinators_through_the_push_path() throws Exception {
        try (RunningMaster master = RunningMaster.start(dataDir)) {
            MasterConsole console = new MasterConsole(master.kit(), null);
            PairedDevice phone = master.pair("Ann's phone");
            Entry entry = Entries.household(phone.clock(), "Bea Moyo", 5);
            phone.client().push(List.of(entry));
            long seqBefore = master.store().lastSeq();

            assertThat(console.edit(entry.uuid(), Map.of("respondent", TextNode.valueOf("Bea Moyo"),
                    "household_size", IntNode.valueOf(6), "village", NullNode.getInstance())))
                    .startsWith("Saved.");
            Entry saved = master.store().find(entry.uuid()).orElseThrow().entry();
            assertThat(saved.fields().get("household_size").value().asInt()).isEqualTo(6);
            assertThat(saved.fields().get("household_size").by()).isEqualTo(master.kit().identity().deviceId());
            assertThat(saved.fields().get("respondent").by()).isEqualTo(phone.deviceId());
            assertThat(saved.fields()).doesNotContainKey("village");
            assertThat(master.store().lastSeq()).isEqualTo(seqBefore + 1);
            assertThat(phone.client().pull(seqBefore, 10).entries()).extracting(Entry::uuid).containsExactly(entry.uuid());

            assertThat(console.edit(entry.uuid(), Map.of("household_size", IntNode.valueOf(6)))).isEqualTo("Nothing changed.");
            assertThatThrownBy(() -> console.edit(entry.uuid(), Map.of("household_size", IntNode.valueOf(99))))
                    .hasMessageContaining("Not saved").hasMessageContaining("at most 50");
            assertThat(master.store().lastSeq()).isEqualTo(seqBefore + 1);
        }
    }

    @Test
    void a_conflict_card_offers_each_value_and_the_pick_closes_it() throws Exception {
        try (RunningMaster master = RunningMaster.start(dataDir)) {
            MasterConsole console = new MasterConsole(master.kit(), null);
            new KitChoices(master.store()).phonesEditTeamEntries(true); // Bo's phone edits Ann's entry
            PairedDevice ann = master.pair("Ann's phone");
            PairedDevice bo = master.pair("Bo's phone");
            Entry entry = Entries.household(ann.clock(), "Ann", 4);
            ann.client().push(List.of(entry));
            bo.client().push(List.of(ConflictingEdits.blindEdit(master.store().find(entry.uuid()).orElseThrow().entry(),
                    bo.clock(), "respondent", TextNode.valueOf("Anna"))));

            MasterView view = console.refresh(true).orElseThrow();
            assertThat(view.conflicts()).hasSize(1);
            ConflictCard card = view.conflicts().get(0);
            assertThat(card.question()).isEqualTo("Respondent");
            assertThat(card.choices()).extracting(Views.Choice::text, Views.Choice::by, Views.Choice::current)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("Anna", "Bo's phone", true),
                            org.assertj.core.groups.Tuple.tuple("Ann", "Ann's phone", false));
            assertThat(view.entries().get(0).onMaster()).isEqualTo("Needs review (1 conflict)");
            assertThat(view.home().openConflicts()).isEqualTo(1);

            console.resolve(entry.uuid(), "respondent", card.choices().get(1).value());
            MasterView after = console.refresh(false).orElseThrow();
            assertThat(after.conflicts()).isEmpty();
            assertThat(after.entries().get(0).onMaster()).isEqualTo("Saved");
        }
    }

    @Test
    void the_view_is_rebuilt_only_when_something_shown_changed() throws Exception {
        try (RunningMaster master = RunningMaster.start(dataDir)) {
            MasterConsole console = new MasterConsole(master.kit(), null);
            assertThat(console.refresh(false)).isPresent();
            assertThat(console.refresh(false)).isEmpty();
            PairedDevice phone = master.pair("Ann's phone");
            MasterView withPhone = console.refresh(false).orElseThrow();
            assertThat(withPhone.home().phonesJoined()).isEqualTo(1);
            phone.client().push(List.of(Entries.household(phone.clock(), "Ann", 3)));
            MasterView withEntry = console.refresh(false).orElseThrow();
            assertThat(withEntry.home().entriesToday()).isEqualTo(1);
            assertThat(withEntry.home().phonesConnected()).isEqualTo(1);
            assertThat(console.connectedDevices()).isEqualTo(1);
            assertThat(withEntry.entries().get(0).atApi()).isEqualTo("Not sent (API not set up)");
        }
    }

    @Test
    void saved_forms_become_new_versions_that_devices_fetch() throws Exception {
        try (RunningMaster master = RunningMaster.start(dataDir)) {
            MasterConsole console = new MasterConsole(master.kit(), null);
            FormDraft draft = FormDraft.of(DefaultForm.householdVisit());
            List<FormDraft.Row> rows = new ArrayList<>(draft.rows());
            rows.add(new FormDraft.Row("", "Has a latrine", FieldType.BOOLEAN, false, "", "", ""));
            Form saved = console.saveForm(new FormDraft(draft.formId(), draft.title(), rows));
            assertThat(saved.version()).isEqualTo(2);

            Form first = console.saveForm(new FormDraft(null, "Water point", List.of(
                    new FormDraft.Row("", "Working?", FieldType.BOOLEAN, true, "", "", ""))));
            Form second = console.saveForm(new FormDraft(null, "Water point!", List.of(
                    new FormDraft.Row("", "Working?", FieldType.BOOLEAN, true, "", "", ""))));
            assertThat(first.id()).isEqualTo("water_point");
            assertThat(second.id()).isEqualTo("water_point_2");

            PairedDevice phone = master.pair("Ann's phone");
            assertThat(phone.client().forms()).extracting(Form::id, Form::version).contains(
                    org.assertj.core.groups.Tuple.tuple(DefaultForm.ID, 2), org.assertj.core.groups.Tuple.tuple("water_point", 1));
        }
    }

    @Test
    void the_join_url_is_the_kits_own_on_the_listening_address_even_with_another_chosen() {
        try (RunningMaster master = RunningMaster.start(dataDir)) {
            int port = master.port();
            MasterConsole console = new MasterConsole(master.kit(), null);
            console.choices().lanHost("10.99.99.99");
            assertThat(console.joinUrl()).isEqualTo(master.kit().joinUrl())
                    .isEqualTo("http://127.0.0.1:" + port + "/join#" + RunningMaster.JOIN_CODE);
        }
    }

    @Test
    void the_upload_line_says_not_set_up_until_an_uploader_reports() {
        assertThat(MasterConsole.apiLine(null)).isEqualTo("not set up");
        assertThat(MasterConsole.apiLine(new UpstreamStatus("disabled", 0, 0, 0, null))).isEqualTo("not set up");
        assertThat(MasterConsole.apiLine(new UpstreamStatus("offline", 3, 10, 1, "no internet")))
                .isEqualTo("offline · 10 sent, 3 waiting, 1 not accepted · last problem: no internet");
    }
}
