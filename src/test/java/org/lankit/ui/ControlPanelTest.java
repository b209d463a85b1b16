package org.lankit.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lankit.ui.PanelHarness.onUi;
import static org.lankit.ui.PanelHarness.untilUi;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.swing.JPanel;
import javax.swing.JTable;
import org.assertj.swing.fixture.JTableFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.app.KitChoices;
import org.lankit.app.Role;
import org.lankit.store.KitStore;
import org.lankit.sync.Entry;
import org.lankit.sync.Json;
import org.lankit.testkit.Entries;
import org.lankit.testkit.FakeTeamApi;
import org.lankit.testkit.PairedDevice;
import org.lankit.upstream.ApiTarget;
import org.lankit.upstream.TargetKind;
import org.lankit.upstream.TargetSettings;

/** The control panel over a real master: first start, QR code, live entries. */
@ExtendWith(SwingUnderXvfb.class)
class ControlPanelTest {

    @TempDir
    Path dataDir;

    @Test
    void first_start_asks_the_role_then_shows_a_qr_code_that_opens_the_running_hub() throws Exception {
        try (PanelHarness ui = PanelHarness.open(dataDir, null, PanelServices.none())) {
            untilUi(() -> ui.window().button("startTeam").target().isShowing(), Duration.ofSeconds(10), "the role question");
            ui.window().button("joinTeam").requireVisible();
            ui.screenshot("0-first-start");
            ui.window().button("startTeam").click();

            untilUi(() -> ui.window().textBox("teamName").target().isShowing(), Duration.ofSeconds(10), "the team's name question");
            ui.window().textBox("teamName").requireText("River Valley survey").requireEditable();
            ui.window().textBox("teamName").deleteText().enterText("Kisumu water points");
            ui.screenshotForTheDocs("first-start-team-name");
            ui.window().button("startWithName").click();

            untilUi(() -> ui.panel().kit() != null && ui.window().textBox("joinUrl").target().getText().startsWith("http"),
                    Duration.ofSeconds(15), "the master home");
            String shownUrl = ui.window().textBox("joinUrl").text();
            BufferedImage qr = PanelHarness.screenshot(ui.window().robot().finder().findByName("qr"), "qr-only");
            String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(qr)))).getText();

            assertThat(decoded).isEqualTo(shownUrl)
                    .isEqualTo("http://127.0.0.1:" + ui.kit().hub().port() + "/join#" + ui.kit().joinCode());
            String base = decoded.substring(0, decoded.indexOf("/join#"));
            HttpResponse<String> info = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/v1/info"))
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(info.statusCode()).isEqualTo(200);
            assertThat(Json.MAPPER.readTree(info.body()).path("deviceId").asText()).isEqualTo(ui.kit().identity().deviceId());
            assertThat(new KitChoices(ui.kit().store()).role()).contains(Role.MASTER);
            assertThat(ui.kit().identity().name()).as("the name the coordinator typed").isEqualTo("Kisumu water points");
            assertThat(new KitChoices(ui.kit().store()).teamName()).contains("Kisumu water points");
            ui.window().label("phonesLine").requireText("Phones connected: 0 of 0");
            ui.window().panel("joinHelp").requireVisible();
            ui.screenshot("1-home");

            ui.pair("First phone", "phone");
            untilUi(() -> !ui.window().robot().finder().findByName(ui.window().target(), "joinHelp", JPanel.class, false).isVisible(),
                    Duration.ofSeconds(10),
                    "the network hint gone once a phone joined");
        }
    }

    @Test
    void a_laptop_that_chose_to_join_can_start_a_team_instead_and_is_asked_the_teams_name() {
        try (PanelHarness ui = PanelHarness.open(dataDir, null, EngineServices.real(java.util.Optional::empty))) {
            untilUi(() -> ui.window().button("joinTeam").target().isShowing(), Duration.ofSeconds(10), "the role question");
            ui.window().button("joinTeam").click();
            untilUi(() -> ui.window().button("becomeMaster").target().isShowing(), Duration.ofSeconds(10), "the join form");
            ui.window().button("becomeMaster").click();

            untilUi(() -> ui.window().textBox("teamName").target().isShowing(), Duration.ofSeconds(10), "the team's name question");
            ui.window().textBox("teamName").requireText("River Valley survey");
            ui.window().textBox("teamName").deleteText();
            ui.window().button("startWithName").click();
            ui.window().label("teamNameProblem").requireText("The team's name needs 1 to 60 characters.");
            assertThat(ui.panel().kit()).as("no team without a name").isNull();

            ui.window().textBox("teamName").enterText("Lakeside clinics");
            ui.window().button("startWithName").click();
            assertThat(ui.kit().identity().name()).isEqualTo("Lakeside clinics");
            assertThat(new KitChoices(ui.kit().store()).role()).contains(Role.MASTER);
        }
    }

    @Test
    void the_remembered_role_skips_the_question_on_the_next_start() {
        try (KitStore store = KitStore.open(dataDir)) {
            new KitChoices(store).role(Role.MASTER);
        }
        try (PanelHarness ui = PanelHarness.open(dataDir, null, PanelServices.none())) {
            untilUi(() -> ui.panel().kit() != null, Duration.ofSeconds(15), "the master to start without asking");
            assertThat(onUi(() -> ui.panel().frame().getContentPane().getComponentCount())).isPositive();
            untilUi(() -> ui.window().robot().finder().findAll(c -> "roleChooser".equals(c.getName())).isEmpty(),
                    Duration.ofSeconds(2), "no role question");
        }
    }

    @Test
    void an_entry_pushed_through_the_hub_shows_in_the_entries_table_within_two_seconds_and_its_status_changes_show()
            throws Exception {
        try (PanelHarness ui = PanelHarness.open(dataDir, Role.MASTER, PanelServices.none())) {
            PairedDevice phone = ui.pair("Ann's phone", "phone");
            ui.window().tabbedPane("tabs").selectTab(1);
            JTableFixture table = ui.window().table("entriesTable");

            Entry entry = Entries.household(phone.clock(), "Bea Moyo", 5);
            long pushedAt = System.nanoTime();
            phone.client().push(List.of(entry));
            untilUi(() -> rowOf(table.target(), "Ann's phone") >= 0, Duration.ofSeconds(2), "the pushed entry in the table");
            assertThat(Duration.ofNanos(System.nanoTime() - pushedAt)).isLessThan(Duration.ofSeconds(2));
            int row = onUi(() -> rowOf(table.target(), "Ann's phone"));
            assertThat(cell(table, row, 0)).isEqualTo("Household visit");
            assertThat(cell(table, row, 1)).as("the summary: the form's first two answers").isEqualTo("Bea Moyo");
            assertThat(cell(table, row, 4)).isEqualTo("Saved");
            assertThat(cell(table, row, 5)).isEqualTo("Not sent (API not set up)");

            try (FakeTeamApi api = FakeTeamApi.start()) {
                ui.kit().uploads().configure(List.of(new TargetSettings(TargetSettings.MAIN, TargetKind.JSON,
                        ApiTarget.of(api.url(), null).orElseThrow(), Map.of())));
                untilUi(() -> "Sent to the API".equals(String.valueOf(table.target().getValueAt(rowOf(table.target(), "Ann's phone"), 5))),
                        Duration.ofSeconds(10), "the API status to change");
            }

            ui.window().textBox("search").enterText("nobody-by-this-name");
            untilUi(() -> table.target().getRowCount() == 0, Duration.ofSeconds(10), "the search to hide the entry");
            ui.window().textBox("search").deleteText();
            untilUi(() -> table.target().getRowCount() == 1, Duration.ofSeconds(10), "the entry to come back");
            ui.window().tabbedPane("tabs").selectTab(0);
            ui.window().label("entriesLine").requireText("Entries today: 1  (1 in all)");
        }
    }

    static int rowOf(JTable table, String who) {
        for (int i = 0; i < table.getRowCount(); i++) {
            if (who.equals(table.getValueAt(i, 2))) return i;
        }
        return -1;
    }

    private static String cell(JTableFixture table, int row, int column) {
        return onUi(() -> String.valueOf(table.target().getValueAt(row, column)));
    }
}
