package org.lankit.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.peer.MasterClient;
import org.lankit.peer.MasterError;
import org.lankit.sync.Entry;
import org.lankit.sync.LocalEdits;
import org.lankit.sync.Protocol.PairResponse;
import org.lankit.sync.PushStatus;
import org.lankit.testkit.Entries;
import org.lankit.testkit.PairedDevice;
import org.lankit.testkit.RunningMaster;

/**
 * A laptop (kind client) may edit the team's entries, so a device gets that right only from the
 * coordinator: by the laptop join code shown on the master alone, or by the coordinator's approval.
 */
class LaptopRightsTest {

    @TempDir
    Path dataDir;
    private RunningMaster master;
    private Entry annsEntry;

    @BeforeEach
    void aPhoneHasMadeAnEntry() throws IOException {
        master = RunningMaster.start(dataDir);
        PairedDevice ann = master.pair("Ann's phone");
        annsEntry = Entries.household(ann.clock(), "Grace", 4);
        assertThat(ann.client().push(List.of(annsEntry)).results().get(0).status()).isEqualTo(PushStatus.APPLIED);
    }

    @AfterEach
    void stop() {
        master.close();
    }

    @Test
    void a_phone_that_pairs_again_as_a_laptop_with_the_phone_code_cannot_edit_another_devices_entry_until_approved() throws Exception {
        PairedDevice bo = master.pair("Bo's phone");
        Entry edit = LocalEdits.edit(seenBy(bo), "village", TextNode.valueOf("Kisumu"), bo.clock());
        assertThat(bo.client().push(List.of(edit.forPush())).results().get(0).status()).isEqualTo(PushStatus.REJECTED);

        PairedDevice boAsLaptop = pair(RunningMaster.JOIN_CODE, "Bo's laptop");
        Entry again = LocalEdits.edit(seenBy(bo), "village", TextNode.valueOf("Kisumu"), boAsLaptop.clock());

        assertThatThrownBy(() -> boAsLaptop.client().push(List.of(again.forPush())))
                .isInstanceOfSatisfying(MasterError.class, e -> assertThat(e.error()).isEqualTo("awaiting_approval"));
        assertThat(stored().fields()).doesNotContainKey("village");

        master.store().devices().setApproved(boAsLaptop.deviceId(), true); // the coordinator presses Approve
        assertThat(boAsLaptop.client().push(List.of(again.forPush())).results().get(0).status()).isEqualTo(PushStatus.APPLIED);
        assertThat(stored().fields().get("village").value().asText()).isEqualTo("Kisumu");
    }

    @Test
    void a_laptop_given_the_laptop_join_code_on_the_master_edits_the_teams_entries_at_once() throws Exception {
        PairedDevice laptop = pair(master.kit().laptopJoinCode(), "Field laptop");
        Entry edit = LocalEdits.edit(seenBy(laptop), "village", TextNode.valueOf("Mbale"), laptop.clock());

        assertThat(laptop.client().push(List.of(edit.forPush())).results().get(0).status()).isEqualTo(PushStatus.APPLIED);
        assertThat(stored().fields().get("village").value().asText()).isEqualTo("Mbale");
    }

    @Test
    void the_phone_code_with_the_public_pin_after_it_is_no_laptop_join_code() throws Exception {
        String pin = new MasterClient(master.baseUrl(), null).info().secure().pin();

        assertThatThrownBy(() -> pair(RunningMaster.JOIN_CODE + "-" + pin, "Bo's laptop"))
                .isInstanceOfSatisfying(MasterError.class, e -> assertThat(e.error()).isEqualTo("wrong_join_code"));
        assertThat(master.kit().laptopJoinCode()).as("the laptop code is not the phone code").doesNotStartWith(RunningMaster.JOIN_CODE);
    }

    @Test
    void a_laptop_join_code_with_another_kits_pin_pairs_nothing(@TempDir Path otherDir) throws Exception {
        String laptopCode = master.kit().laptopJoinCode();
        String otherPin;
        try (RunningMaster other = RunningMaster.start(otherDir)) {
            otherPin = other.kit().authorityPin().pin();
        }
        String withOtherPin = laptopCode.substring(0, 9) + "-" + otherPin;

        assertThatThrownBy(() -> pair(withOtherPin, "Field laptop"))
                .isInstanceOfSatisfying(MasterError.class, e -> assertThat(e.error()).isEqualTo("wrong_join_code"));
        assertThat(master.store().devices().count()).isEqualTo(1);
    }

    private PairedDevice pair(String code, String name) throws IOException {
        MasterClient client = new MasterClient(master.baseUrl(), null);
        PairResponse paired = client.pair(code, name, "client");
        return new PairedDevice(paired.deviceId(), paired.token(), client);
    }

    private Entry stored() {
        return master.store().find(annsEntry.uuid()).orElseThrow().entry();
    }

    private Entry seenBy(PairedDevice device) throws IOException {
        return device.client().pull(0, 100).entries().stream().filter(e -> e.uuid().equals(annsEntry.uuid()))
                .findFirst().orElseThrow();
    }
}
