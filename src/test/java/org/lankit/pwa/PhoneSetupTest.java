package org.lankit.pwa;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.lankit.sync.Json;
import org.lankit.testkit.RunningMaster;

/**
 * The set-up page a coordinator's QR code opens on a phone: the steps to install the kit's
 * certificate for that kind of phone, a check that the phone trusts the master's secure page,
 * and a plain answer when it does not.
 */
class PhoneSetupTest extends PhoneTestBase {

    static final String ANDROID = "Mozilla/5.0 (Linux; Android 14; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/131.0.0.0 Mobile Safari/537.36";
    static final String IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

    private Page openSetup(BrowserContext context) {
        Page page = context.newPage();
        page.navigate(master.baseUrl() + "/setup#" + RunningMaster.JOIN_CODE);
        return page;
    }

    private static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name);
    }

    @Test
    void an_android_phone_is_shown_the_android_steps_and_downloads_the_kit_certificate() throws Exception {
        try (BrowserContext android = browser.newPhone(o -> o.setUserAgent(ANDROID).setAcceptDownloads(true))) {
            Page page = openSetup(android);
            assertThat(page.locator("#steps-android")).isVisible();
            assertThat(page).hasURL(master.baseUrl() + "/setup");
            assertThat(page.locator("#steps-iphone")).isHidden();
            assertThat(page.locator("#steps-android")).containsText(
                    "Settings → Security → Encryption & credentials → Install a certificate → CA certificate");
            assertThat(page.locator("#steps-android")).containsText("type Lankit");
            assertThat(page.getByRole(AriaRole.BUTTON, named("Android"))).hasAttribute("aria-pressed", "true");
            screenshotForTheDocs(page, "setup-android");

            Download download = page.waitForDownload(
                    () -> page.getByRole(AriaRole.LINK, named("Download the certificate")).click());
            X509Certificate authority;
            try (InputStream der = Files.newInputStream(download.path())) {
                authority = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(der);
            }
            assertThat(authority.getBasicConstraints()).as("a certificate authority").isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void a_french_phone_reads_the_steps_in_french_with_the_taps_in_bold() {
        try (BrowserContext android = browser.newPhone(o -> o.setUserAgent(ANDROID).setLocale("fr-FR"))) {
            Page page = openSetup(android);
            assertThat(page.locator("#setup-heading")).hasText("Configurer ce téléphone pour travailler hors ligne");
            assertThat(page).hasTitle("Configurer ce téléphone · Lankit");
            assertThat(page.locator("#steps-android")).containsText(
                    "Paramètres → Sécurité → Chiffrement et identifiants → Installer un certificat → Certificat CA");
            assertThat(page.locator("#steps-android li").nth(1).locator("b").first()).hasText("Paramètres");
            assertThat(page.getByRole(AriaRole.BUTTON, named("Vérifier"))).isVisible();
            screenshotForTheDocs(page, "setup-android-french");
        }
    }

    @Test
    void an_iphone_is_shown_the_profile_and_the_full_trust_steps() {
        try (BrowserContext iphone = browser.newPhone(o -> o.setUserAgent(IPHONE).setAcceptDownloads(true))) {
            Page page = openSetup(iphone);
            assertThat(page.locator("#steps-iphone")).isVisible();
            assertThat(page.locator("#steps-android")).isHidden();
            assertThat(page.locator("#steps-iphone")).containsText(
                    "Settings → General → VPN & Device Management → the Lankit profile → Install");
            assertThat(page.locator("#steps-iphone")).containsText(
                    "Settings → General → About → Certificate Trust Settings and turn on full trust for the Lankit certificate");
            screenshotForTheDocs(page, "setup-iphone");

            Download profile = page.waitForDownload(
                    () -> page.getByRole(AriaRole.LINK, named("Download the certificate")).click());
            assertThat(profile.suggestedFilename()).endsWith(".mobileconfig");

            page.getByRole(AriaRole.BUTTON, named("Android")).click();
            assertThat(page.locator("#steps-android")).isVisible();
            assertThat(page.locator("#steps-iphone")).isHidden();
        }
    }

    @Test
    void check_says_plainly_that_a_phone_without_the_certificate_does_not_trust_the_kit_yet() {
        try (BrowserContext android = browser.newPhone(o -> o.setUserAgent(ANDROID))) {
            Page page = openSetup(android);
            page.getByRole(AriaRole.BUTTON, named("Check")).click();

            assertThat(page.locator("#check-message")).containsText("Not trusted yet");
            assertThat(page.locator("#not-yet")).isVisible();
            assertThat(page.locator("#not-yet")).containsText("keeps working on the plain page");
            assertThat(page.locator("#not-yet")).containsText("cannot be reopened");
            assertThat(page).hasURL(master.baseUrl() + "/setup");
            page.locator(".check").screenshot(new Locator.ScreenshotOptions()
                    .setPath(Path.of("target", "screenshots", "setup-not-trusted.png")));
        }
    }

    @Test
    void a_master_without_a_secure_page_is_named_and_nothing_is_offered_to_install() {
        phone.route("**/api/v1/info", PhoneSetupTest::withoutSecure);
        Page page = openSetup(phone);

        assertThat(page.locator("#setup-status")).containsText("The coordinator's laptop offers no secure page");
        assertThat(page.locator("#setup-steps")).isHidden();
    }

    @Test
    void a_phone_that_trusts_the_kit_and_is_not_paired_yet_joins_on_the_secure_page_with_its_code() {
        try (BrowserContext trusting = browser.newPhone(o -> o.setUserAgent(ANDROID).setIgnoreHTTPSErrors(true))) {
            Page page = openSetup(trusting);
            page.getByRole(AriaRole.BUTTON, named("Check")).click();

            page.waitForURL(master.secureBaseUrl() + "/");
            assertThat(page.getByLabel("Join code")).hasValue(RunningMaster.JOIN_CODE);
            page.getByLabel("Your name").fill("Amina");
            page.getByRole(AriaRole.BUTTON, named("Join")).click();
            assertThat(page.locator("#entry-form")).isVisible();
            assertThat(master.store().devices().all()).hasSize(1);
        }
    }

    /**
     * The master as one without an HTTPS listener answers: no "secure" in its info. The real
     * answer is fetched at 127.0.0.1, since Playwright's own requests do not know the browser's
     * host resolver rules.
     */
    static void withoutSecure(Route route) {
        URI asked = URI.create(route.request().url());
        APIResponse real = route.fetch(new Route.FetchOptions().setUrl("http://127.0.0.1:" + asked.getPort() + asked.getRawPath()));
        try {
            ObjectNode info = (ObjectNode) Json.MAPPER.readTree(real.text());
            info.remove("secure");
            route.fulfill(new Route.FulfillOptions().setResponse(real).setBody(info.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole page at phone width, into target/screenshots for the docs (src/site/markdown/images). */
    private static void screenshotForTheDocs(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", name + ".png")).setFullPage(true));
    }
}
