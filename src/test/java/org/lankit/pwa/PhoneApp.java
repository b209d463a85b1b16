package org.lankit.pwa;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.lankit.testkit.Eventually;
import org.lankit.testkit.RunningMaster;

/** The phone app as a field worker sees it, driven through real Chromium. */
final class PhoneApp {

    final Page page;
    final RunningMaster master;
    final List<String> pageErrors = new CopyOnWriteArrayList<>();
    final List<String> dialogs = new CopyOnWriteArrayList<>();

    private PhoneApp(Page page, RunningMaster master) {
        this.page = page;
        this.master = master;
        page.onPageError(pageErrors::add);
        page.onDialog(dialog -> {
            dialogs.add(dialog.message());
            dialog.dismiss();
        });
    }

    static PhoneApp open(BrowserContext phone, RunningMaster master) {
        return new PhoneApp(phone.newPage(), master);
    }

    /**
     * A phone whose page runs on Playwright's clock (time flows as usual until a test moves it on),
     * for tests that let the laptop stay out of reach long enough for the "new address?" question.
     */
    static PhoneApp openWithClock(BrowserContext phone, RunningMaster master) {
        PhoneApp app = open(phone, master);
        app.page.clock().install();
        return app;
    }

    /**
     * The laptop is out of reach and the phone does not ask for a new address at once; a minute
     * later (moved.js, ASK_AFTER_MS) it does, and the worker opens the question. Needs {@link #openWithClock}.
     */
    void askForNewAddress() {
        assertThat(banner()).hasAttribute("data-state", "unreachable");
        assertThat(page.locator("#moved")).isHidden();
        page.clock().fastForward(61_000);
        assertThat(page.locator("#moved")).isVisible();
        page.locator("#moved summary").click();
    }

    String joinUrl(String code) {
        return master.baseUrl() + "/join#" + code;
    }

    /** Opens the QR code's URL and joins with the given name; returns once the form shows (in any of the phone's languages). */
    PhoneApp joinWithQr(String name) {
        page.navigate(joinUrl(RunningMaster.JOIN_CODE));
        page.locator("#join-name").fill(name);
        page.locator("#join-form button[type=submit]").click();
        assertThat(page.locator("#entry-form")).isVisible();
        return this;
    }

    Locator field(String label) {
        return page.getByLabel(label);
    }

    void fillHousehold(String respondent, String householdSize) {
        field("Respondent").fill(respondent);
        field("Household size").fill(householdSize);
    }

    void save() {
        page.locator("#save-button").click();
    }

    /**
     * Saves and waits until the phone stored it: the form is emptied only then. The message alone
     * does not tell, since after an earlier save it already says the same; and answers typed for
     * the next entry before the emptying would be wiped.
     */
    void saveHousehold(String respondent, String householdSize) {
        fillHousehold(respondent, householdSize);
        save();
        assertThat(page.locator("#form-message")).containsText("Saved on this phone");
        assertThat(field("Respondent")).hasValue("");
    }

    /**
     * Waits until the master has admitted the phone's live socket. The phone may call itself
     * connected a moment before: an announcement in between (such as "refresh") reaches nobody.
     */
    void awaitLiveSocket() {
        Eventually.within(Duration.ofSeconds(20), "the master to admit the phone's live socket",
                () -> master.kit().hub().liveConnections() >= 1);
    }

    void openEntries() {
        page.locator("#tab-list").click();
        assertThat(page.locator("#list-view")).isVisible();
    }

    void openForm() {
        page.locator("#tab-form").click();
    }

    Locator entries() {
        return page.locator("#entries .entry");
    }

    /** The list item whose title is exactly {@code title}. */
    Locator entry(String title) {
        return entries().filter(new Locator.FilterOptions().setHas(page.locator(".entry-title",
                new Page.LocatorOptions().setHasText(Pattern.compile("^" + jsQuote(title) + "$")))));
    }

    /** Playwright runs the pattern as a JavaScript regex, which knows no \Q...\E quoting. */
    private static String jsQuote(String text) {
        return text.replaceAll("[.*+?^${}()|\\[\\]\\\\/]", "\\\\$0");
    }

    void edit(String title) {
        entry(title).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Edit")).click();
        assertThat(page.locator("#form-title")).containsText("Edit:");
    }

    Locator badge(String title) {
        return entry(title).locator(".badge");
    }

    Locator banner() {
        return page.locator("#banner");
    }

    /** The visible 360x740 screen, and the whole scrolled page as {@code <name>-full.png}. */
    void screenshot(String name) {
        Path folder = Path.of("target", "screenshots");
        page.screenshot(new Page.ScreenshotOptions().setPath(folder.resolve(name + ".png")));
        page.screenshot(new Page.ScreenshotOptions().setPath(folder.resolve(name + "-full.png")).setFullPage(true));
    }

    /**
     * The visible 360x740 screen for the documentation, as {@code src/site/markdown/images/<name>.png}
     * (and under target/screenshots): take it once the test has asserted what the screen shows.
     */
    void screenshotForTheDocs(String name) {
        screenshot(name);
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("src", "site", "markdown", "images", name + ".png")));
    }

    /** No uncaught script error happened and no dialog was opened. */
    void assertNoScriptErrors() {
        assertThat(pageErrors).as("uncaught errors in the page").isEmpty();
        assertThat(dialogs).as("dialogs the page opened").isEmpty();
    }
}
