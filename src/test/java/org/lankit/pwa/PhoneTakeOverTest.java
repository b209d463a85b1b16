package org.lankit.pwa;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.hub.HubConfig;
import org.lankit.store.KitStore;
import org.lankit.store.StoredEntry;
import org.lankit.store.TeamIdentity;
import org.lankit.testkit.Entries;
import org.lankit.testkit.PairedDevice;
import org.lankit.testkit.RunningMaster;

/**
 * Two real masters of one team: the first, and its successor, made from a copy of its data folder
 * (as a take-over or a restore brings the team's devices along) one epoch later. The phone reads
 * the newer master's feed from the start, tells every master the highest epoch it knows, and sends
 * nothing to the former master when it answers again.
 */
class PhoneTakeOverTest extends PhoneTestBase {

    private static final HubConfig QUIET = HubConfig.defaults().withAnnouncement(false);
    private static final LocatorAssertions.HasTextOptions WITHIN_20_S = new LocatorAssertions.HasTextOptions().setTimeout(20_000);
    private static final String FORMER = "This laptop is no longer the team's: ask your coordinator for the new laptop's address.";

    /** What the phone remembers of its team: "teamId epoch". */
    private static final String KNOWN_TEAM = """
            async () => {
              const store = await (await import('/db.js')).LocalStore.open();
              const team = await store.getMeta('team');
              store.close();
              return team ? `${team.teamId} ${team.epoch}` : '';
            }""";

    @TempDir
    Path successorDir;

    @Test
    void the_teams_newer_master_is_read_from_the_start_and_hears_the_phones_epoch_on_every_call() throws Exception {
        PhoneApp app = PhoneApp.openWithClock(phone, master).joinWithQr("Amina");
        app.saveHousehold("Before the take-over", "2");
        app.openEntries();
        assertThat(app.badge("Before the take-over")).hasText("Synced");
        TeamIdentity first = master.store().team();
        assertThat(app.page.evaluate(KNOWN_TEAM)).isEqualTo(first.teamId() + " " + first.epoch());

        int port = master.port();
        master.close();
        TeamIdentity next = makeSuccessor();
        // the old laptop ran on a while: the phone's checkpoint is now past what the successor numbers
        master = RunningMaster.start(dataDir, port, QUIET);
        PairedDevice tablet = master.pair("Tablet");
        tablet.client().push(List.of(Entries.household(tablet.clock(), "Only on the old laptop 1", 3),
                Entries.household(tablet.clock(), "Only on the old laptop 2", 3),
                Entries.household(tablet.clock(), "Only on the old laptop 3", 3)));
        assertThat(app.entry("Only on the old laptop 3")).isVisible();
        master.close();

        try (RunningMaster successor = RunningMaster.start(successorDir, 0, QUIET)) {
            PairedDevice laptop = successor.pair("Laptop");
            laptop.client().push(List.of(Entries.household(laptop.clock(), "Only on the new master", 4)));
            assertThat(successor.store().entryCount()).isEqualTo(2);
            List<String> epochsSent = new CopyOnWriteArrayList<>();
            app.page.onRequest(r -> {
                if (r.url().startsWith(successor.baseUrl() + "/api/v1/") && r.headers().containsKey("authorization")) {
                    epochsSent.add(String.valueOf(r.headers().get("lankit-epoch")));
                }
            });

            assertThat(app.banner()).containsText("Laptop out of reach");
            app.askForNewAddress();
            app.page.getByLabel("The coordinator's laptop's address, as shown under its QR code").fill(successor.baseUrl().replace("http://", ""));
            app.page.locator("#moved-use").click();
            assertThat(app.page.locator("#moved-message")).containsText("The laptop answers at " + successor.baseUrl());
            assertThat(app.entry("Only on the new master")).isVisible();

            app.openForm();
            app.saveHousehold("After the take-over", "5");
            app.openEntries();
            assertThat(app.badge("After the take-over")).hasText("Synced", WITHIN_20_S);
            assertThat(app.entries()).hasCount(6);
            assertThat(app.entry("Before the take-over")).hasCount(1);
            assertThat(successor.store().recent(0, 10)).extracting(s -> s.entry().fields().get("respondent").value().asText())
                    .containsExactlyInAnyOrder("Before the take-over", "Only on the new master", "After the take-over");
            assertThat(app.page.evaluate(KNOWN_TEAM)).isEqualTo(next.teamId() + " " + next.epoch());
            // the highest epoch the phone knew: the old master's until the new one's /info told it more
            assertThat(epochsSent).as("Lankit-Epoch on the phone's calls to the new master").isNotEmpty()
                    .startsWith(String.valueOf(first.epoch())).endsWith(String.valueOf(next.epoch())).isSorted();
            app.assertNoScriptErrors();
        }
        master = RunningMaster.start(dataDir, 0, QUIET); // for the test's end, which closes it
    }

    @Test
    void the_teams_former_master_answering_again_gets_nothing_and_the_worker_is_told_to_ask_for_the_new_address() throws Exception {
        PhoneApp app = PhoneApp.open(phone, master).joinWithQr("Amina");
        app.saveHousehold("With the first master", "2");
        app.openEntries();
        assertThat(app.badge("With the first master")).hasText("Synced");
        int port = master.port();
        master.close();
        TeamIdentity next = makeSuccessor();

        // the successor took over the old laptop's address
        try (RunningMaster successor = RunningMaster.start(successorDir, port, QUIET)) {
            app.openForm();
            app.saveHousehold("Sent to the new master", "3");
            app.openEntries();
            assertThat(app.badge("Sent to the new master")).hasText("Synced", WITHIN_20_S);
            assertThat(successor.store().entryCount()).isEqualTo(2);
            assertThat(app.page.evaluate(KNOWN_TEAM)).isEqualTo(next.teamId() + " " + next.epoch());
        }

        // the old laptop comes back where it was
        master = RunningMaster.start(dataDir, port, QUIET);
        Locator former = app.page.locator("#former-master");
        assertThat(former).hasText(FORMER, new LocatorAssertions.HasTextOptions().setTimeout(30_000).setUseInnerText(true));
        assertThat(app.page.locator("#moved")).isVisible();
        assertThat(app.page.locator("#moved")).hasAttribute("open", "");
        assertThat(app.banner()).containsText("Old laptop");
        app.openForm();
        app.saveHousehold("Saved while the old laptop answered", "4");
        app.openEntries();
        assertThat(app.badge("Saved while the old laptop answered")).hasText("Waiting");
        app.page.evaluate("window.scrollTo(0, 0)");
        app.screenshot("former-master");

        Locator address = app.page.getByLabel("The coordinator's laptop's address, as shown under its QR code");
        address.fill(master.baseUrl().replace("http://", ""));
        app.page.locator("#moved-use").click();
        assertThat(app.page.locator("#moved-message")).hasText("That is the team's old laptop; ask your coordinator for the new address.");

        try (RunningMaster successor = RunningMaster.start(successorDir, 0, QUIET)) {
            address.fill(successor.baseUrl().replace("http://", ""));
            app.page.locator("#moved-use").click();
            assertThat(app.badge("Saved while the old laptop answered")).hasText("Synced", WITHIN_20_S);
            assertThat(former).isHidden();
            assertThat(successor.store().recent(0, 10)).extracting(s -> s.entry().fields().get("respondent").value().asText())
                    .containsExactlyInAnyOrder("With the first master", "Sent to the new master", "Saved while the old laptop answered");
        }
        // by now the phone had every chance to send to the former master: it sent nothing there
        assertThat(master.store().recent(0, 10)).extracting(StoredEntry::entry).extracting(e -> e.fields().get("respondent").value().asText())
                .containsExactly("With the first master");
        app.assertNoScriptErrors();
    }

    /** The successor's data folder: a copy of the (closed) master's, one epoch later. Returns its identity. */
    private TeamIdentity makeSuccessor() throws IOException {
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path from : files.toList()) {
                Path to = successorDir.resolve(dataDir.relativize(from).toString());
                if (Files.isDirectory(from)) Files.createDirectories(to);
                else Files.copy(from, to);
            }
        }
        try (KitStore store = KitStore.open(successorDir)) {
            // another laptop: it picks its own secure port (the first master may be running on it again)
            store.settings().remove("httpsPort");
            TeamIdentity next = store.team().next();
            store.setTeam(next);
            return next;
        }
    }
}
