package org.lankit.pwa;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.sync.Json;
import org.lankit.testkit.PhoneBrowser;
import org.lankit.testkit.RunningMaster;

/** The installable shell: manifest, icons, service worker in secure contexts, plain http without it. */
class PhoneShellTest {

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void the_manifest_its_icons_and_the_service_worker_are_served_with_fitting_types() throws Exception {
        try (RunningMaster master = RunningMaster.start(dataDir)) {
            HttpResponse<String> manifest = get(master, "/manifest.webmanifest");
            assertThat(manifest.statusCode()).isEqualTo(200);
            assertThat(manifest.headers().firstValue("Content-Type").orElse("")).startsWith("application/manifest+json");
            JsonNode json = Json.MAPPER.readTree(manifest.body());
            assertThat(json.path("id").asText()).isEqualTo("/");
            assertThat(json.path("start_url").asText()).isEqualTo("/");
            assertThat(json.path("scope").asText()).isEqualTo("/");
            assertThat(json.path("display").asText()).isEqualTo("standalone");
            List<String> icons = new ArrayList<>();
            json.path("icons").forEach(icon -> icons.add(icon.path("sizes").asText() + " " + icon.path("purpose").asText()));
            assertThat(icons).as("installable on Android").contains("192x192 any", "512x512 any", "192x192 maskable", "512x512 maskable");
            for (JsonNode icon : json.path("icons")) {
                HttpResponse<String> image = get(master, "/" + icon.path("src").asText());
                assertThat(image.statusCode()).as(icon.path("src").asText()).isEqualTo(200);
                assertThat(image.headers().firstValue("Content-Type").orElse("")).startsWith("image/");
            }
            for (String script : List.of("/sw.js", "/sw-shell.js")) {
                HttpResponse<String> worker = get(master, script);
                assertThat(worker.statusCode()).as(script).isEqualTo(200);
                assertThat(worker.headers().firstValue("Content-Type").orElse("")).contains("javascript");
            }
            for (String page : List.of("/", "/join")) {
                HttpResponse<String> html = get(master, page);
                assertThat(html.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
                assertThat(html.body()).contains("<form id=\"entry-form\"").contains("manifest.webmanifest");
            }
        }
    }

    @Test
    void in_a_secure_context_the_service_worker_lets_the_app_reopen_offline_with_its_entries() {
        try (RunningMaster master = RunningMaster.start(dataDir); PhoneBrowser browser = PhoneBrowser.launch()) {
            BrowserContext phone = browser.newPhoneWithServiceWorker();
            PhoneApp app = PhoneApp.open(phone, master).joinWithQr("Amina");
            assertThat(app.page.locator("#insecure-note")).isHidden();
            app.saveHousehold("Before going offline", "3");
            app.page.waitForFunction("navigator.serviceWorker.controller !== null",
                    null, new Page.WaitForFunctionOptions().setTimeout(10_000));
            // the master must have it before the network goes, or it would rightly still be waiting
            app.openEntries();
            assertThat(app.badge("Before going offline")).hasText("Synced");

            phone.setOffline(true);
            app.page.reload();
            assertThat(app.page.locator("#app-view")).isVisible();
            assertThat(app.banner()).containsText("Laptop out of reach");
            app.openEntries();
            assertThat(app.badge("Before going offline")).hasText("Synced");
            app.openForm();
            app.saveHousehold("Saved after an offline reload", "4");

            phone.setOffline(false);
            app.openEntries();
            assertThat(app.badge("Saved after an offline reload")).hasText("Synced");
            assertThat(master.store().entryCount()).isEqualTo(2);
            app.assertNoScriptErrors();
            phone.close();
        }
    }

    @Test
    void on_plain_http_the_app_works_without_a_service_worker_and_offers_to_set_the_phone_up() {
        try (RunningMaster master = RunningMaster.start(dataDir);
             PhoneBrowser browser = PhoneBrowser.launch(List.of("--host-resolver-rules=MAP lankit.test 127.0.0.1"))) {
            BrowserContext phone = browser.newPhoneWithServiceWorker();
            Page page = phone.newPage();
            page.navigate("http://lankit.test:" + master.port() + "/join#" + RunningMaster.JOIN_CODE);
            assertThat((Boolean) page.evaluate("window.isSecureContext")).isFalse();
            assertThat((Boolean) page.evaluate("'serviceWorker' in navigator")).isFalse();
            Locator setUp = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Set up this phone for offline use"));
            assertThat(setUp).isVisible();
            assertThat(setUp).hasAttribute("href", "/setup");
            assertThat(page.locator("#insecure-note")).isHidden();

            page.getByLabel("Your name").fill("Amina");
            page.getByLabel("Your name").press("Enter");
            page.getByLabel("Respondent").fill("Over plain http");
            page.getByLabel("Household size").fill("5");
            page.getByLabel("Household size").press("Enter");
            page.locator("#tab-list").click();
            assertThat(page.locator("#entries .badge")).hasText("Synced");
            assertThat(master.store().entryCount()).isEqualTo(1);

            setUp.click();
            assertThat(page).hasURL("http://lankit.test:" + master.port() + "/setup");
            assertThat(page.locator("#check")).isVisible();
            phone.close();
        }
    }

    @Test
    void on_plain_http_from_a_master_without_a_secure_page_the_app_says_to_keep_the_page_open() {
        try (RunningMaster master = RunningMaster.start(dataDir);
             PhoneBrowser browser = PhoneBrowser.launch(List.of("--host-resolver-rules=MAP lankit.test 127.0.0.1"))) {
            BrowserContext phone = browser.newPhone();
            phone.route("**/api/v1/info", PhoneSetupTest::withoutSecure);
            Page page = phone.newPage();
            page.navigate("http://lankit.test:" + master.port() + "/join#" + RunningMaster.JOIN_CODE);
            page.getByLabel("Your name").fill("Amina");
            page.getByLabel("Your name").press("Enter");
            assertThat(page.locator("#entry-form")).isVisible();
            assertThat(page.locator("#insecure-note")).isVisible();
            assertThat(page.locator("#insecure-note")).containsText("Keep this page open");
            assertThat(page.locator("#secure-offer")).isHidden();
            phone.close();
        }
    }

    private HttpResponse<String> get(RunningMaster master, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(master.baseUrl() + path)).timeout(Duration.ofSeconds(10)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
