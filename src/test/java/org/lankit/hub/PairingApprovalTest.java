package org.lankit.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.peer.MasterError;
import org.lankit.store.Device;
import org.lankit.sync.PushStatus;
import org.lankit.testkit.Entries;
import org.lankit.testkit.PairedDevice;
import org.lankit.testkit.RunningMaster;

/** "Approve new devices": the hub asks (the device waits), the coordinator decides. */
class PairingApprovalTest {

    @TempDir
    Path dataDir;

    @Test
    void without_the_setting_a_paired_phone_can_send_at_once() throws Exception {
        try (RunningMaster master = RunningMaster.start(dataDir)) {
            PairedDevice phone = master.pair("Ann's phone");
            assertThat(master.store().devices().byId(phone.deviceId()).orElseThrow().approved()).isTrue();
            assertThat(phone.client().push(List.of(Entries.household(phone.clock(), "Ann", 3))).results().get(0).status())
                    .isEqualTo(PushStatus.APPLIED);
        }
    }

    @Test
    void with_the_setting_a_new_phone_is_told_it_waits_and_gets_in_once_approved() throws Exception {
        try (RunningMaster master = RunningMaster.start(dataDir)) {
            master.store().settings().put(PairingService.APPROVE_NEW_DEVICES, "true");
            PairedDevice phone = master.pair("Stranger's phone");
            Device waiting = master.store().devices().byId(phone.deviceId()).orElseThrow();
            assertThat(waiting.approved()).isFalse();

            assertThatThrownBy(() -> phone.client().push(List.of(Entries.household(phone.clock(), "Cai", 2))))
                    .isInstanceOfSatisfying(MasterError.class, e -> {
                        assertThat(e.status()).isEqualTo(403);
                        assertThat(e.error()).isEqualTo("awaiting_approval");
                    });
            assertThat(master.store().entryCount()).isZero();

            master.store().devices().setApproved(phone.deviceId(), true);
            assertThat(phone.client().push(List.of(Entries.household(phone.clock(), "Cai", 2))).results().get(0).status())
                    .isEqualTo(PushStatus.APPLIED);
        }
    }

    @Test
    void a_removed_device_is_not_told_to_wait_but_to_pair_again() throws Exception {
        try (RunningMaster master = RunningMaster.start(dataDir)) {
            master.store().settings().put(PairingService.APPROVE_NEW_DEVICES, "true");
            PairedDevice phone = master.pair("Lost phone");
            master.store().devices().revoke(phone.deviceId());
            assertThatThrownBy(() -> phone.client().status())
                    .isInstanceOfSatisfying(MasterError.class, e -> assertThat(e.status()).isEqualTo(401));
        }
    }

    @Test
    void a_call_from_a_device_updates_when_it_was_last_seen() throws Exception {
        try (RunningMaster master = RunningMaster.start(dataDir)) {
            PairedDevice phone = master.pair("Ann's phone");
            master.store().devices().touch(phone.deviceId(), 1_000, false);
            long before = System.currentTimeMillis();
            phone.client().status();
            assertThat(master.store().devices().byId(phone.deviceId()).orElseThrow().lastSeen()).isGreaterThanOrEqualTo(before);
        }
    }
}
