package org.lankit.pwa;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.store.KitStore;
import org.lankit.store.StoredEntry;
import org.lankit.sync.Json;
import org.lankit.testkit.Eventually;
import org.lankit.testkit.FakeTeamApi;
import org.lankit.testkit.ReceiptsMaster;
import org.lankit.testkit.WireVectors;
import org.lankit.upstream.ApiTarget;
import org.lankit.upstream.TargetKind;
import org.lankit.upstream.TargetSettings;

/**
 * The second receipt on the phone: receipts.js passes the shared vectors (the laptops' rule passes
 * the same ones in ReceiptVectorsTest); entries a real upload delivers to a team server show ✓✓; an
 * entry shows ✓ "On the master" and then ✓✓ "On the team's server" when the master's receipts say
 * so, in the list and in the entry open for editing, without a reload; a master too old to say
 * shows ✓ only.
 */
class PhoneReceiptsTest extends PhoneTestBase {

    private static final String RUN = """
            async (text) => {
              const { entryMark, receiptsOf } = await import('/receipts.js');
              const wrong = [];
              const cases = JSON.parse(text).cases;
              for (const c of cases) {
                const got = entryMark(c.entry, receiptsOf(c.upstream));
                if (got !== c.mark) wrong.push(`${c.name}: ${got}`);
              }
              return { wrong, checked: cases.length };
            }""";

    private static final LocatorAssertions.HasTextOptions WITHIN_20_S = new LocatorAssertions.HasTextOptions().setTimeout(20_000);

    @TempDir
    Path receiptsDir;

    @Test
    void the_phone_marks_entries_as_the_shared_vectors_say() {
        Page page = phone.newPage();
        page.navigate(master.baseUrl() + "/");

        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) page.evaluate(RUN, WireVectors.text(WireVectors.RECEIPTS));

        assertThat((List<?>) result.get("wrong")).isEmpty();
        assertThat(((Number) result.get("checked")).intValue()).isEqualTo(WireVectors.all(WireVectors.RECEIPTS).path("cases").size());
    }

    @Test
    void entries_a_real_upload_delivers_show_two_ticks_and_one_the_teams_server_refuses_stays_at_one() throws Exception {
        try (FakeTeamApi api = FakeTeamApi.start()) {
            PhoneApp app = PhoneApp.open(phone, master).joinWithQr("Amina");
            app.saveHousehold("Grace", "4");
            app.saveHousehold("Juma", "6");
            app.openEntries();
            // no team server set up yet: the master's receipt only
            assertThat(receipt(app.page, "Grace")).hasText("✓ On the coordinator's laptop");
            assertThat(receipt(app.page, "Juma")).hasText("✓ On the coordinator's laptop");
            app.awaitLiveSocket();
            String juma = uuidOf(master.store(), "Juma");
            api.rejectEntry(juma, "village is unknown");

            // the coordinator sets up the team's server: the master uploads both, the server refuses one
            ApiTarget server = ApiTarget.of(api.url(), null).orElseThrow();
            master.kit().uploads().configure(List.of(new TargetSettings(TargetSettings.MAIN, TargetKind.JSON, server, Map.of())));

            assertThat(receipt(app.page, "Grace")).hasText("✓✓ On the team's server", WITHIN_20_S);
            assertThat(receipt(app.page, "Juma")).hasText("✓ On the coordinator's laptop");
            assertThat(api.storedUuids()).contains(uuidOf(master.store(), "Grace"));
            app.assertNoScriptErrors();
        }
    }

    @Test
    void an_entry_goes_from_on_the_master_to_on_the_teams_server_when_the_masters_receipts_say_so_without_reload() {
        try (ReceiptsMaster withServer = ReceiptsMaster.start(receiptsDir)) {
            Page page = joined(withServer);
            save(page, "Grace", "4");
            save(page, "Juma", "6");
            page.locator("#tab-list").click();
            assertThat(receipt(page, "Grace")).hasText("✓ On the coordinator's laptop");
            assertThat(receipt(page, "Juma")).hasText("✓ On the coordinator's laptop");
            awaitLiveSocket(withServer);

            long graceSeq = seqOf(withServer, "Grace");
            long jumaSeq = seqOf(withServer, "Juma");
            withServer.receipts(Math.min(graceSeq, jumaSeq), List.of());

            Locator first = graceSeq < jumaSeq ? receipt(page, "Grace") : receipt(page, "Juma");
            Locator second = graceSeq < jumaSeq ? receipt(page, "Juma") : receipt(page, "Grace");
            assertThat(first).hasText("✓✓ On the team's server");
            assertThat(second).hasText("✓ On the coordinator's laptop");
            // the glyphs are for the eye; a screen reader reads the words
            assertThat(first.locator(".receipt-glyph")).hasAttribute("aria-hidden", "true");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "entries-receipts.png")));

            entry(page, "Grace").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Edit")).click();
            Locator open = page.locator("#form-receipt");
            assertThat(open).hasText(graceSeq < jumaSeq ? "✓✓ On the team's server" : "✓ On the coordinator's laptop");
            withServer.receipts(Math.max(graceSeq, jumaSeq), List.of());
            assertThat(open).hasText("✓✓ On the team's server");
            page.locator("#cancel-edit").click();
            assertThat(open).isHidden();
            assertThat(receipt(page, "Grace")).hasText("✓✓ On the team's server");
            assertThat(receipt(page, "Juma")).hasText("✓✓ On the team's server");

            // the team's server refused Juma's entry: back to the master's receipt only
            withServer.receipts(Math.max(graceSeq, jumaSeq), List.of(uuidOf(withServer, "Juma")));
            assertThat(receipt(page, "Juma")).hasText("✓ On the coordinator's laptop");
            assertThat(receipt(page, "Grace")).hasText("✓✓ On the team's server");
            page.reload();
            page.locator("#tab-list").click();
            // kept for a reload
            assertThat(receipt(page, "Grace")).hasText("✓✓ On the team's server");
        }
    }

    @Test
    void a_master_whose_status_says_no_through_gives_only_the_first_receipt() {
        try (ReceiptsMaster withServer = ReceiptsMaster.start(receiptsDir)) {
            OlderStatus older = new OlderStatus();
            phone.route("**/api/v1/status", older::answer);
            Page page = joined(withServer);
            save(page, "Grace", "4");
            page.locator("#tab-list").click();
            assertThat(receipt(page, "Grace")).hasText("✓ On the coordinator's laptop");
            awaitLiveSocket(withServer);
            int readsBefore = older.answered.get();

            withServer.receipts(seqOf(withServer, "Grace"), List.of());

            // the live message makes the phone read the status again; Playwright answers routes only inside its own calls
            page.waitForCondition(() -> older.answered.get() > readsBefore);
            page.waitForTimeout(300); // what the phone makes of that answer is drawn by then
            assertThat(receipt(page, "Grace")).hasText("✓ On the coordinator's laptop");
        }
    }

    /** Answers /status as a master from before the second receipt: the upstream object without through and refused. */
    private static final class OlderStatus {
        final AtomicInteger answered = new AtomicInteger();

        void answer(Route route) {
            APIResponse real = route.fetch();
            try {
                ObjectNode body = (ObjectNode) Json.MAPPER.readTree(real.text());
                ((ObjectNode) body.path("upstream")).remove(List.of("through", "refused"));
                route.fulfill(new Route.FulfillOptions().setResponse(real).setBody(body.toString()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            answered.incrementAndGet();
        }
    }

    private Page joined(ReceiptsMaster withServer) {
        Page page = phone.newPage();
        page.navigate(withServer.baseUrl() + "/join#" + ReceiptsMaster.JOIN_CODE);
        page.getByLabel("Your name").fill("Amina");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join")).click();
        assertThat(page.locator("#entry-form")).isVisible();
        return page;
    }

    private static void save(Page page, String respondent, String size) {
        page.getByLabel("Respondent").fill(respondent);
        page.getByLabel("Household size").fill(size);
        page.locator("#save-button").click();
        assertThat(page.getByLabel("Respondent")).hasValue("");
    }

    private static Locator entry(Page page, String title) {
        return page.locator("#entries .entry").filter(new Locator.FilterOptions()
                .setHas(page.locator(".entry-title", new Page.LocatorOptions().setHasText(title))));
    }

    private static Locator receipt(Page page, String title) {
        return entry(page, title).locator(".receipt");
    }

    private static void awaitLiveSocket(ReceiptsMaster withServer) {
        Eventually.within(Duration.ofSeconds(20), "the master to admit the phone's live socket",
                () -> withServer.hub().liveConnections() >= 1);
    }

    private static StoredEntry stored(KitStore store, String respondent) {
        Eventually.within(Duration.ofSeconds(20), respondent + "'s entry on the master", () -> store.recent(0, 100).stream()
                .anyMatch(s -> s.entry().fields().get("respondent").value().asText().equals(respondent)));
        return store.recent(0, 100).stream()
                .filter(s -> s.entry().fields().get("respondent").value().asText().equals(respondent)).findFirst().orElseThrow();
    }

    private static long seqOf(ReceiptsMaster withServer, String respondent) {
        return stored(withServer.store(), respondent).entry().seq();
    }

    private static String uuidOf(ReceiptsMaster withServer, String respondent) {
        return uuidOf(withServer.store(), respondent);
    }

    private static String uuidOf(KitStore store, String respondent) {
        return stored(store, respondent).entry().uuid();
    }
}
