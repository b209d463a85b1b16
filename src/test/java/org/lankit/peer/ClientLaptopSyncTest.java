package org.lankit.peer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.hub.HubConfig;
import org.lankit.store.KitStore;
import org.lankit.store.StoredEntry;
import org.lankit.sync.Entry;
import org.lankit.sync.LocalEdits;
import org.lankit.testkit.Eventually;
import org.lankit.testkit.RunningClient;
import org.lankit.testkit.RunningMaster;

/** Client laptops: the same jar joins a master, works without it, and syncs both ways. */
class ClientLaptopSyncTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path masterDir;
    @TempDir
    Path laptopA;
    @TempDir
    Path laptopB;

    @Test
    void a_client_saves_100_entries_while_connected_and_the_master_and_another_client_get_them() throws Exception {
        try (RunningMaster master = RunningMaster.start(masterDir);
             RunningClient a = RunningClient.start(laptopA, master, "Laptop A");
             RunningClient b = RunningClient.start(laptopB, master, "Laptop B")) {
            for (int i = 0; i < 100; i++) a.saveHousehold("Respondent " + i, 1 + i % 50);

            Eventually.within(WAIT, "master has 100 entries", () -> master.store().entryCount() == 100);
            Eventually.within(WAIT, "laptop B has 100 entries", () -> b.store().entryCount() == 100);
            Eventually.within(WAIT, "laptop A has nothing left to send", () -> a.kit().sync().state().pending() == 0);
            assertThat(a.kit().sync().state().connected()).isTrue();
            assertThat(uuids(b.store())).isEqualTo(uuids(a.store()));
        }
    }

    @Test
    void entries_saved_while_the_master_is_down_reach_it_when_it_comes_back_on_the_same_port() throws Exception {
        RunningMaster master = RunningMaster.start(masterDir);
        int port = master.port();
        try (RunningClient laptop = RunningClient.start(laptopA, master, "Laptop A")) {
            for (int i = 0; i < 100; i++) laptop.saveHousehold("Before " + i, 2);
            Eventually.within(WAIT, "master has the first 100", () -> master.store().entryCount() == 100);
            // the master stores a batch before its answer reaches the laptop: stopping it in between
            // would leave some of the first 100 pending too
            Eventually.within(WAIT, "laptop has the master's answer for the first 100",
                    () -> laptop.kit().sync().state().pending() == 0);

            master.close();
            Eventually.within(WAIT, "laptop notices the master is gone", () -> !laptop.kit().sync().state().connected());
            for (int i = 0; i < 50; i++) laptop.saveHousehold("During " + i, 3);
            assertThat(laptop.kit().sync().state().pending()).isEqualTo(50);

            try (RunningMaster again = RunningMaster.start(masterDir, port, HubConfig.defaults().withAnnouncement(false))) {
                Eventually.within(WAIT, "master has all 150", () -> again.store().entryCount() == 150);
                Eventually.within(WAIT, "laptop reconnected", () -> laptop.kit().sync().state().connected());
                // the master stores the batch before its answer reaches the laptop
                Eventually.within(WAIT, "laptop has nothing left to send", () -> laptop.kit().sync().state().pending() == 0);
                assertThat(uuids(again.store())).isEqualTo(uuids(laptop.store()));
            }
        }
    }

    @Test
    void entries_saved_just_before_the_client_process_is_killed_reach_the_master_after_a_restart() throws Exception {
        String masterUrl;
        int port;
        try (RunningMaster master = RunningMaster.start(masterDir);
             RunningClient laptop = RunningClient.start(laptopA, master, "Laptop A")) {
            masterUrl = master.baseUrl();
            port = master.port();
        }
        // the master is away: the child process saves, cannot push, and is killed
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SaveThenWait.class.getName(), laptopA.toString(), "25")
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            StringBuilder said = new StringBuilder();
            String line;
            do {
                line = out.readLine();
                said.append(line).append('\n');
            } while (line != null && !line.equals(SaveThenWait.SAVED));
            assertThat(line).as("child saved its entries; it said:\n%s", said).isEqualTo(SaveThenWait.SAVED);
        }
        child.destroyForcibly();
        assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();

        try (RunningMaster master = RunningMaster.start(masterDir, port, HubConfig.defaults().withAnnouncement(false));
             RunningClient laptop = RunningClient.start(laptopA, masterUrl, "Laptop A", master.kit().laptopJoinCode())) {
            Eventually.within(WAIT, "master has the 25 entries saved before the kill",
                    () -> master.store().entryCount() == 25);
            assertThat(uuids(master.store())).isEqualTo(uuids(laptop.store()));
        }
    }

    @Test
    void a_concurrent_edit_on_a_client_and_on_the_master_ends_equal_on_both_with_the_master_winning() throws Exception {
        try (RunningMaster master = RunningMaster.start(masterDir)) {
            String uuid;
            try (RunningClient laptop = RunningClient.start(laptopA, master, "Laptop A")) {
                uuid = laptop.saveHousehold("Grace", 4).uuid();
                Eventually.within(WAIT, "master has the entry", () -> master.store().entryCount() == 1);
            }
            // the laptop edits while offline (its sync is closed); meanwhile the coordinator edits the same field
            try (KitStore offline = KitStore.open(laptopA)) {
                PeerLink link = PeerLink.load(offline).orElseThrow();
                new LocalEntries(offline, org.lankit.sync.HlcClock.system(link.deviceId()), () -> { })
                        .edit(uuid, Map.of("village", TextNode.valueOf("Kisumu")));
            }
            Entry onMaster = master.store().find(uuid).orElseThrow().entry();
            Entry coordinatorEdit = LocalEdits.edit(onMaster.forPush(), "village", TextNode.valueOf("Busia"),
                    master.kit().identity().clock());
            master.kit().hub().pushService().push(master.kit().identity().deviceId(), List.of(coordinatorEdit));

            try (RunningClient laptop = RunningClient.start(laptopA, master, "Laptop A")) {
                Eventually.within(WAIT, "the laptop's edit reached the master as a conflict",
                        () -> !master.store().find(uuid).orElseThrow().entry().conflicts().isEmpty());
                Eventually.within(WAIT, "both replicas equal", () -> laptop.store().find(uuid).orElseThrow().entry()
                        .equals(master.store().find(uuid).orElseThrow().entry()));
                Entry end = master.store().find(uuid).orElseThrow().entry();
                assertThat(end.fields().get("village").value().asText()).isEqualTo("Busia");
                assertThat(end.conflicts()).singleElement().satisfies(c -> assertThat(c.value().asText()).isEqualTo("Kisumu"));
            }
        }
    }

    private static Set<String> uuids(KitStore store) {
        return store.recent(0, 100_000).stream().map(StoredEntry::entry).map(Entry::uuid).collect(Collectors.toSet());
    }
}
