package org.lankit.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.app.KitChoices;
import org.lankit.peer.MasterClient;
import org.lankit.sync.Entry;
import org.lankit.sync.LocalEdits;
import org.lankit.sync.OwnEntriesOnly;
import org.lankit.sync.Protocol.PairResponse;
import org.lankit.sync.Protocol.PushResult;
import org.lankit.sync.PushStatus;
import org.lankit.testkit.Entries;
import org.lankit.testkit.PairedDevice;
import org.lankit.testkit.RunningMaster;

/** "Phones may edit the team's entries": the coordinator's switch, enforced by the hub over real HTTP. */
class TeamEditsTest {

    @TempDir
    Path dataDir;
    private RunningMaster master;
    private PairedDevice ann;
    private PairedDevice bo;
    private Entry annsEntry;

    @BeforeEach
    void aPhoneHasMadeAnEntry() throws IOException {
        master = RunningMaster.start(dataDir);
        ann = master.pair("Ann's phone");
        bo = master.pair("Bo's phone");
        annsEntry = Entries.household(ann.clock(), "Grace", 4);
        assertThat(ann.client().push(List.of(annsEntry)).results().get(0).status()).isEqualTo(PushStatus.APPLIED);
    }

    @AfterEach
    void stop() {
        master.close();
    }

    @Test
    void while_the_switch_is_off_a_phones_edit_of_another_devices_entry_is_refused_and_nothing_of_it_is_stored() throws Exception {
        long seqBefore = master.store().lastSeq();
        Entry boMade = Entries.household(bo.clock(), "Bo's own", 2);
        Entry edit = LocalEdits.edit(seenBy(bo), "village", TextNode.valueOf("Kisumu"), bo.clock());
        Entry delete = LocalEdits.setDeleted(seenBy(bo), true, bo.clock());

        List<PushResult> results = bo.client().push(List.of(boMade, edit.forPush())).results();
        PushResult deleted = bo.client().push(List.of(delete.forPush())).results().get(0);

        assertThat(results.get(0).status()).as("the phone's own new entry in the same batch").isEqualTo(PushStatus.APPLIED);
        assertThat(results.get(1).status()).isEqualTo(PushStatus.REJECTED);
        assertThat(results.get(1).error()).isEqualTo("the coordinator has not allowed editing other people's entries");
        assertThat(deleted.status()).isEqualTo(PushStatus.REJECTED);
        assertThat(deleted.error()).isEqualTo(OwnEntriesOnly.REFUSAL);
        Entry stored = master.store().find(annsEntry.uuid()).orElseThrow().entry();
        assertThat(stored.fields()).doesNotContainKey("village");
        assertThat(stored.isDeleted()).isFalse();
        assertThat(stored.settled()).isEmpty();
        assertThat(master.store().lastSeq()).as("only the new entry was committed").isEqualTo(seqBefore + 1);
    }

    @Test
    void once_the_coordinator_turns_the_switch_on_the_same_edit_is_applied() throws Exception {
        Entry edit = LocalEdits.edit(seenBy(bo), "village", TextNode.valueOf("Kisumu"), bo.clock());
        assertThat(bo.client().push(List.of(edit.forPush())).results().get(0).status()).isEqualTo(PushStatus.REJECTED);

        new KitChoices(master.store()).phonesEditTeamEntries(true);

        assertThat(bo.client().push(List.of(edit.forPush())).results().get(0).status()).isEqualTo(PushStatus.APPLIED);
        Entry stored = master.store().find(annsEntry.uuid()).orElseThrow().entry();
        assertThat(stored.fields().get("village").value().asText()).isEqualTo("Kisumu");
        assertThat(stored.fields().get("village").by()).isEqualTo(bo.deviceId());

        new KitChoices(master.store()).phonesEditTeamEntries(false);
        Entry again = LocalEdits.edit(seenBy(bo), "village", TextNode.valueOf("Busia"), bo.clock());
        assertThat(bo.client().push(List.of(again.forPush())).results().get(0).status())
                .as("turned off again").isEqualTo(PushStatus.REJECTED);
    }

    @Test
    void a_client_laptop_edits_another_devices_entry_while_the_switch_is_off() throws Exception {
        PairedDevice laptop = pairAs("Field laptop", "client");
        Entry edit = LocalEdits.edit(seenBy(laptop), "village", TextNode.valueOf("Mbale"), laptop.clock());

        assertThat(laptop.client().push(List.of(edit.forPush())).results().get(0).status()).isEqualTo(PushStatus.APPLIED);
        assertThat(master.store().find(annsEntry.uuid()).orElseThrow().entry().fields().get("village").value().asText())
                .isEqualTo("Mbale");
    }

    @Test
    void a_phone_always_edits_the_entries_it_made() throws Exception {
        Entry edit = LocalEdits.edit(seenBy(ann), "household_size", IntNode.valueOf(5), ann.clock());

        assertThat(ann.client().push(List.of(edit.forPush())).results().get(0).status()).isEqualTo(PushStatus.APPLIED);
        assertThat(master.store().find(annsEntry.uuid()).orElseThrow().entry().fields().get("household_size").value().asInt())
                .isEqualTo(5);
        assertThat(ann.client().status().phonesEditTeamEntries()).isFalse();
    }

    @Test
    void a_phone_that_sends_another_devices_entry_back_unchanged_or_stale_is_not_refused() throws Exception {
        Entry oldCopy = seenBy(bo);
        Entry annEdits = LocalEdits.edit(seenBy(ann), "respondent", TextNode.valueOf("Grace N."), ann.clock());
        assertThat(ann.client().push(List.of(annEdits.forPush())).results().get(0).status()).isEqualTo(PushStatus.APPLIED);
        long seqBefore = master.store().lastSeq();

        PushResult echo = bo.client().push(List.of(seenBy(bo).forPush())).results().get(0);
        PushResult stale = bo.client().push(List.of(oldCopy.forPush())).results().get(0);

        assertThat(echo.status()).isEqualTo(PushStatus.DUPLICATE);
        assertThat(stale.status()).isEqualTo(PushStatus.DUPLICATE);
        assertThat(master.store().lastSeq()).isEqualTo(seqBefore);
        assertThat(master.store().find(annsEntry.uuid()).orElseThrow().entry().fields().get("respondent").value().asText())
                .isEqualTo("Grace N.");
    }

    @Test
    void the_status_answer_tells_devices_whether_phones_may_edit_the_teams_entries() throws Exception {
        assertThat(bo.client().status().phonesEditTeamEntries()).isFalse();
        new KitChoices(master.store()).phonesEditTeamEntries(true);
        assertThat(bo.client().status().phonesEditTeamEntries()).isTrue();
        assertThat(master.store().settings().get(TeamEdits.SETTING)).contains("true");
    }

    /** The entry as {@code device} last pulled it from the master. */
    private Entry seenBy(PairedDevice device) throws IOException {
        return device.client().pull(0, 100).entries().stream().filter(e -> e.uuid().equals(annsEntry.uuid()))
                .findFirst().orElseThrow();
    }

    private PairedDevice pairAs(String name, String kind) throws IOException {
        MasterClient client = new MasterClient(master.baseUrl(), null);
        PairResponse paired = client.pair(kind.equals("client") ? master.kit().laptopJoinCode() : RunningMaster.JOIN_CODE, name, kind);
        return new PairedDevice(paired.deviceId(), paired.token(), client);
    }
}
