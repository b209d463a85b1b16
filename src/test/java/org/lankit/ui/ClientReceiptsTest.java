package org.lankit.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lankit.ui.PanelHarness.onUi;
import static org.lankit.ui.PanelHarness.untilUi;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.swing.JTable;
import javax.swing.table.TableModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.app.Role;
import org.lankit.sync.Entry;
import org.lankit.testkit.Entries;
import org.lankit.testkit.FakeTeamApi;
import org.lankit.testkit.PairedDevice;
import org.lankit.testkit.RunningMaster;
import org.lankit.upstream.ApiTarget;
import org.lankit.upstream.TargetKind;
import org.lankit.upstream.TargetSettings;

/**
 * The second receipt on a client laptop, end to end: a real master uploads to a team API, and the
 * laptop's entries table goes from ✓ On the master to ✓✓ On the team's server; an entry the server
 * refused stays at ✓ until the coordinator sends it again and the server takes it.
 */
@ExtendWith(SwingUnderXvfb.class)
class ClientReceiptsTest {

    private static final String ON_MASTER = "\u2713 On the master";
    private static final String ON_SERVER = "\u2713\u2713 On the team's server";
    private static final Duration LIMIT = Duration.ofSeconds(20);

    @TempDir
    Path dataDir;
    @TempDir
    Path masterDir;

    @Test
    void the_client_laptops_table_shows_entries_the_teams_server_took_with_two_ticks() throws Exception {
        try (FakeTeamApi api = FakeTeamApi.start();
             RunningMaster master = RunningMaster.start(masterDir);
             PanelHarness ui = PanelHarness.open(dataDir, Role.CLIENT, new PanelServices(kit -> null, kit -> null,
                     store -> ClientLink.open(store, null)))) {
            PairedDevice phone = master.pair("Ann's phone");
            Entry taken = Entries.household(phone.clock(), "Amina Njeri", 4);
            Entry refused = Entries.household(phone.clock(), "Juma Phiri", 6);
            phone.client().push(List.of(taken, refused));
            ui.joinAsLaptop(master);
            JTable table = ui.window().table("clientEntries").target();
            untilUi(() -> ON_MASTER.equals(state(table, taken.uuid())) && ON_MASTER.equals(state(table, refused.uuid())),
                    LIMIT, "both entries on the master, no team server set up yet");

            api.rejectEntry(refused.uuid(), "village is unknown");
            ApiTarget server = ApiTarget.of(api.url(), null).orElseThrow();
            master.kit().uploads().configure(List.of(new TargetSettings(TargetSettings.MAIN, TargetKind.JSON, server, Map.of())));

            untilUi(() -> ON_SERVER.equals(state(table, taken.uuid())), LIMIT, "the first on the team's server");
            // the refusal was recorded with the same answer
            assertThat(onUi(() -> state(table, refused.uuid()))).isEqualTo(ON_MASTER);
            ui.screenshot("client-receipts");

            api.forgiveAll();
            master.kit().uploads().retryFailed();
            untilUi(() -> ON_SERVER.equals(state(table, refused.uuid())), LIMIT, "the second once the server took it");
            assertThat(api.storedUuids()).contains(taken.uuid(), refused.uuid());
        }
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
