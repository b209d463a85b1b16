package org.lankit.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.app.ClientKit;
import org.lankit.app.KitOptions;
import org.lankit.app.Role;
import org.lankit.store.KitStore;
import org.lankit.testkit.Eventually;
import org.lankit.testkit.RunningClient;
import org.lankit.testkit.RunningMaster;

/** Client laptops talk HTTPS to their own team's master only: the laptop join code pins its kit. */
class PinnedLaptopTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path masterDir;
    @TempDir
    Path impostorDir;
    @TempDir
    Path laptopDir;

    @Test
    void a_laptop_joining_with_the_laptop_join_code_syncs_over_https_with_that_kit_alone() throws Exception {
        try (RunningMaster master = RunningMaster.start(masterDir);
             KitStore store = KitStore.open(laptopDir);
             ClientKit laptop = ClientKit.start(store, laptopOptions(master.baseUrl(), master.kit().laptopJoinCode()))) {
            new RunningLaptop(store, laptop).saves("Grace");

            Eventually.within(WAIT, "the master has the laptop's entry", () -> master.store().entryCount() == 1);
            PeerLink link = PeerLink.load(store).orElseThrow();
            assertThat(link.masterUrl()).isEqualTo(master.secureBaseUrl());
            assertThat(master.kit().authorityPin().matches(link.kitPin())).isTrue();
        }
    }

    @Test
    void a_machine_in_the_middle_with_another_kits_certificate_is_refused_and_learns_nothing() throws Exception {
        try (RunningMaster master = RunningMaster.start(masterDir); RunningMaster impostor = RunningMaster.start(impostorDir);
             KitStore store = KitStore.open(laptopDir)) {
            // the laptop dials where it believes the master is, but another machine answers there
            assertThatThrownBy(() -> ClientKit.start(store, laptopOptions(impostor.baseUrl(), master.kit().laptopJoinCode())))
                    .isInstanceOf(UntrustedMasterException.class)
                    .hasMessageContaining("is not your team's master")
                    .hasMessageContaining("Check the address and the code");

            assertThat(impostor.store().devices().count()).as("the join code never reached it").isZero();
            assertThat(PeerLink.load(store)).as("nothing remembered").isEmpty();
        }
    }

    @Test
    void a_laptop_that_joined_over_plain_http_moves_to_https_at_its_next_start_and_keeps_its_device() throws Exception {
        try (RunningMaster master = RunningMaster.start(masterDir)) {
            MasterClient plain = new MasterClient(master.baseUrl(), null);
            var paired = plain.pair(RunningMaster.JOIN_CODE, "Old laptop", "client");
            master.store().devices().setApproved(paired.deviceId(), true); // the coordinator approved it on the master
            try (KitStore store = KitStore.open(laptopDir)) {
                new PeerLink(master.baseUrl(), plain.info().deviceId(), paired.deviceId(), paired.token(), null).save(store);
            }

            try (RunningClient laptop = RunningClient.start(laptopDir, master, "Old laptop")) {
                Eventually.within(WAIT, "the laptop has the team's form", () -> !laptop.store().forms().latest().isEmpty());
                laptop.saveHousehold("Aziz", 3);

                Eventually.within(WAIT, "the master has the entry", () -> master.store().entryCount() == 1);
                PeerLink link = PeerLink.load(laptop.store()).orElseThrow();
                assertThat(link.masterUrl()).isEqualTo(master.secureBaseUrl());
                assertThat(link.deviceId()).isEqualTo(paired.deviceId());
                assertThat(master.store().devices().count()).as("no second pairing").isEqualTo(1);
            }
        }
    }

    private static KitOptions laptopOptions(String masterUrl, String code) {
        return new KitOptions(true, Role.CLIENT, null, null, "Field laptop", code, masterUrl, null, null);
    }

    private record RunningLaptop(KitStore store, ClientKit kit) {
        void saves(String respondent) {
            kit.sync().entries().create(store.forms().latest(org.lankit.sync.DefaultForm.ID).orElseThrow(),
                    java.util.Map.of("respondent", com.fasterxml.jackson.databind.node.TextNode.valueOf(respondent),
                            "household_size", com.fasterxml.jackson.databind.node.IntNode.valueOf(2)));
        }
    }
}
