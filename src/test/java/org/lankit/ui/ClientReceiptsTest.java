package org.lankit.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lankit.ui.PanelHarness.onUi;
import static org.lankit.ui.PanelHarness.until;
import static org.lankit.ui.PanelHarness.untilUi;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.swing.JTable;
import javax.swing.table.TableModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.app.Role;
import org.lankit.peer.MasterClient;
import org.lankit.sync.Entry;
import org.lankit.sync.Protocol.PairResponse;
import org.lankit.testkit.Entries;
import org.lankit.testkit.PairedDevice;
import org.lankit.testkit.ReceiptsMaster;

/** The second receipt on a client laptop: its entries table says ✓ On the master, then ✓✓ On the team's server. */
@ExtendWith(SwingUnderXvfb.class)
class ClientReceiptsTest {

    private static final String ON_MASTER = "\u2713 On the master";
    private static final String ON_SERVER = "\u2713\u2713 On the team's server";

    @TempDir
    Path dataDir;
    @TempDir
    Path masterDir;

    @Test
    void the_client_laptops_table_shows_an_entry_on_the_teams_server_once_the_masters_receipts_say_so() throws Exception {
        try (ReceiptsMaster master = ReceiptsMaster.start(masterDir);
             PanelHarness ui = PanelHarness.open(dataDir, Role.CLIENT, new PanelServices(kit -> null, kit -> null,
                     store -> ClientLink.open(store, null)))) {
            PairedDevice phone = phone(master);
            Entry first = Entries.household(phone.clock(), "Amina Njeri", 4);
            phone.client().push(List.of(first));
            Entry second = Entries.household(phone.clock(), "Juma Phiri", 6);
            phone.client().push(List.of(second));
            join(ui, master);
            JTable table = ui.window().table("clientEntries").target();
            untilUi(() -> ON_MASTER.equals(state(table, first.uuid())) && ON_MASTER.equals(state(table, second.uuid())),
                    Duration.ofSeconds(20), "both entries on the master");

            long through = Math.max(seq(master, first), seq(master, second));
            // the team's server took both, but refused the second
            master.receipts(through, List.of(second.uuid()));

            untilUi(() -> ON_SERVER.equals(state(table, first.uuid())), Duration.ofSeconds(20), "the first on the team's server");
            // one status, one redraw: the refusal came with it
            assertThat(onUi(() -> state(table, second.uuid()))).isEqualTo(ON_MASTER);
            ui.screenshot("client-receipts");

            master.receipts(through, List.of());
            untilUi(() -> ON_SERVER.equals(state(table, second.uuid())), Duration.ofSeconds(20), "the second once taken");
        }
    }

    private static PairedDevice phone(ReceiptsMaster master) throws Exception {
        MasterClient client = new MasterClient(master.baseUrl(), null);
        PairResponse paired = client.pair(ReceiptsMaster.JOIN_CODE, "Ann's phone", "phone");
        return new PairedDevice(paired.deviceId(), paired.token(), client);
    }

    /** Joins with the phones' code, as a laptop may, and the coordinator approves it. */
    private static void join(PanelHarness ui, ReceiptsMaster master) {
        untilUi(() -> ui.window().label("clientPhase").target().getText().startsWith("Not part"), Duration.ofSeconds(10),
                "the join form");
        ui.window().textBox("masterUrl").deleteText().enterText(master.baseUrl());
        ui.window().textBox("joinCode").enterText(ReceiptsMaster.JOIN_CODE);
        ui.window().textBox("laptopName").enterText("Field laptop 3");
        ui.window().button("join").click();
        until(() -> master.store().devices().all().stream().anyMatch(d -> "client".equals(d.kind())), Duration.ofSeconds(20),
                "the laptop to pair");
        master.approveAll();
        untilUi(() -> ui.window().label("clientPhase").target().getText().equals("Connected to the master"),
                Duration.ofSeconds(30), "the client to connect");
    }

    private static long seq(ReceiptsMaster master, Entry entry) {
        return master.store().find(entry.uuid()).orElseThrow().entry().seq();
    }

    /** The State column of the entry's row, found by the uuid the model keeps out of sight. */
    private static String state(JTable table, String uuid) {
        TableModel model = table.getModel();
        for (int row = 0; row < model.getRowCount(); row++) {
            if (uuid.equals(model.getValueAt(row, 4))) return (String) model.getValueAt(row, 3);
        }
        return null;
    }
}
