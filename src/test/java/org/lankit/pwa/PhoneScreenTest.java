package org.lankit.pwa;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Route;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.lankit.sync.Json;
import org.lankit.testkit.Entries;
import org.lankit.testkit.PairedDevice;
import org.lankit.testkit.PhoneBrowser;
import org.lankit.testkit.RunningMaster;

/**
 * The phone's screens at 360x740: screenshots for review in target/screenshots, and checks that
 * nothing is wider than the screen and every control is a large touch target. Also the failed
 * status, with the master's 422 answer played back by a route.
 */
class PhoneScreenTest extends PhoneTestBase {

    private static final String REASON = "Household size must be at most 50";

    /** Visible controls shorter than 44 CSS px (the usual minimum touch target), or with text under 16 px. */
    private static final String SMALL_CONTROLS = """
            [...document.querySelectorAll('button, input:not([type=checkbox]), select, textarea, label.choice')]
              .filter(el => el.offsetParent !== null)
              .filter(el => el.getBoundingClientRect().height < 44 || parseFloat(getComputedStyle(el).fontSize) < 16)
              .map(el => (el.id || el.textContent.trim() || el.tagName) + ' ' + Math.round(el.getBoundingClientRect().height))""";

    @Test
    void the_join_page_the_form_and_the_entry_list_fit_a_360_px_screen_with_large_touch_targets() throws Exception {
        PhoneApp app = PhoneApp.open(phone, master);
        app.page.navigate(app.joinUrl(RunningMaster.JOIN_CODE));
        assertFitsThePhone(app);
        app.screenshot("join");

        app.joinWithQr("Amina Mwale");
        assertThat(app.banner()).containsText("Laptop connected");
        app.field("Village").fill("Chikwawa");
        app.field("Visit date").fill("2026-11-24");
        assertFitsThePhone(app);
        app.screenshot("form");
        app.field("Village").fill("");
        app.field("Visit date").fill("");
        app.field("Household size").fill("64");
        app.save();
        assertThat(app.page.locator(".field-error:visible")).hasCount(2);
        assertFitsThePhone(app);
        app.screenshot("form-errors");

        app.field("Village").fill("Nsanje");
        app.field("Notes").fill("Borehole broken since March; family walks 3 km to the river twice a day.");
        app.saveHousehold("Chisomo Phiri-Banda", "7");
        // it must reach the master before pushes are refused below, or it would be refused too
        app.openEntries();
        assertThat(app.badge("Chisomo Phiri-Banda")).hasText("Synced");
        app.openForm();
        PairedDevice tablet = master.pair("Tablet");
        tablet.client().push(List.of(Entries.household(tablet.clock(), "Ruth Tembo", 4)));
        phone.route("**/api/v1/sync/push", PhoneScreenTest::refuseLikeTheMaster);
        app.saveHousehold("Refused entry", "5");
        app.openEntries();
        assertThat(app.badge("Refused entry")).hasText("Failed");
        phone.unroute("**/api/v1/sync/push");
        phone.setOffline(true);
        app.openForm();
        app.saveHousehold("Saved while offline", "2");
        app.openEntries();
        assertThat(app.badge("Saved while offline")).hasText("Waiting");
        assertThat(app.badge("Ruth Tembo")).hasText("Synced");
        assertThat(app.badge("Chisomo Phiri-Banda")).hasText("Synced");
        assertFitsThePhone(app);
        app.screenshot("entries");
        phone.setOffline(false);
        assertThat(app.badge("Saved while offline")).hasText("Synced");
        app.assertNoScriptErrors();
    }

    @Test
    void an_entry_the_master_refuses_shows_as_failed_with_the_reason_and_waits_until_sent_again() throws Exception {
        PhoneApp app = PhoneApp.open(phone, master).joinWithQr("Amina");
        AtomicInteger pushes = new AtomicInteger();
        phone.route("**/api/v1/sync/push", route -> {
            pushes.incrementAndGet();
            refuseLikeTheMaster(route);
        });
        app.saveHousehold("Refused entry", "5");
        app.openEntries();

        assertThat(app.badge("Refused entry")).hasText("Failed");
        assertThat(app.entry("Refused entry").locator(".entry-error")).containsText(REASON);
        assertThat(app.banner()).containsText("1 failed");
        Thread.sleep(3000);
        assertThat(pushes.get()).as("a refused entry is not pushed again by itself").isEqualTo(1);

        phone.unroute("**/api/v1/sync/push");
        app.entry("Refused entry").getByText("Send again").click();
        assertThat(app.badge("Refused entry")).hasText("Synced");
        assertThat(app.entry("Refused entry").locator(".entry-error")).hasCount(0);
        assertThat(master.store().entryCount()).isEqualTo(1);
        app.assertNoScriptErrors();
    }

    /** The master's answer when it refuses every entry of a batch: 422 with a result per entry. */
    private static void refuseLikeTheMaster(Route route) {
        try {
            JsonNode request = Json.MAPPER.readTree(body(route));
            ObjectNode body = Json.MAPPER.createObjectNode().put("error", "rejected").put("detail", REASON);
            ArrayNode results = body.putArray("results");
            for (JsonNode entry : request.path("entries")) {
                results.addObject().put("uuid", entry.path("uuid").asText()).put("status", "rejected").put("error", REASON);
            }
            body.put("time", System.currentTimeMillis());
            route.fulfill(new Route.FulfillOptions().setStatus(422).setContentType("application/json")
                    .setBody(Json.MAPPER.writeValueAsString(body)));
        } catch (Exception e) {
            route.abort();
        }
    }

    /** The push as the phone sent it: gzipped to a master that takes gzip. */
    private static byte[] body(Route route) throws IOException {
        byte[] sent = route.request().postDataBuffer();
        if (!"gzip".equals(route.request().headerValue("content-encoding"))) return sent;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(sent))) {
            return in.readAllBytes();
        }
    }

    private static void assertFitsThePhone(PhoneApp app) {
        Number width = (Number) app.page.evaluate("document.documentElement.scrollWidth");
        assertThat(width.intValue()).as("page width").isLessThanOrEqualTo(PhoneBrowser.WIDTH);
        assertThat((List<?>) app.page.evaluate(SMALL_CONTROLS)).as("small controls").isEmpty();
    }
}
