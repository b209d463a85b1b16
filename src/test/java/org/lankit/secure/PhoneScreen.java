package org.lankit.secure;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The phone app's screens in one tab of a {@link org.lankit.testkit.NamespacedPhone}, as a field worker uses them. */
final class PhoneScreen {

    final Page page;
    final List<String> pageErrors = new CopyOnWriteArrayList<>();

    private PhoneScreen(Page page) {
        this.page = page;
        page.onPageError(pageErrors::add);
    }

    /** Opens {@code url} in {@code tab}. */
    static PhoneScreen open(Page tab, String url) {
        PhoneScreen screen = new PhoneScreen(tab);
        tab.navigate(url);
        return screen;
    }

    boolean isSecureContext() {
        return (Boolean) page.evaluate("window.isSecureContext");
    }

    /** Joins with the code from the address and {@code name}; returns once the form shows. */
    PhoneScreen join(String name) {
        page.getByLabel("Your name").fill(name);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join")).click();
        assertThat(page.locator("#entry-form")).isVisible();
        return this;
    }

    /** Saves one household visit and waits until the phone stored it (the form is emptied only then). */
    void saveHousehold(String respondent, String householdSize) {
        page.getByLabel("Respondent").fill(respondent);
        page.getByLabel("Household size").fill(householdSize);
        page.locator("#save-button").click();
        assertThat(page.locator("#form-message")).containsText("Saved on this phone");
        assertThat(page.getByLabel("Respondent")).hasValue("");
    }

    void openEntries() {
        page.locator("#tab-list").click();
        assertThat(page.locator("#list-view")).isVisible();
    }

    void openForm() {
        page.locator("#tab-form").click();
        assertThat(page.locator("#entry-form")).isVisible();
    }

    /** The sync badge of the list item titled exactly {@code title}. */
    Locator badge(String title) {
        Locator titled = page.locator(".entry-title:text-is(\"" + title + "\")");
        return page.locator("#entries .entry").filter(new Locator.FilterOptions().setHas(titled)).locator(".badge");
    }

    /** The device id the phone got when it joined, as its IndexedDB keeps it (null before joining). */
    String deviceId() {
        return (String) page.evaluate("() => new Promise((resolve, reject) => {"
                + " const open = indexedDB.open('lankit');"
                + " open.onerror = () => reject(open.error);"
                + " open.onsuccess = () => {"
                + "   const db = open.result;"
                + "   const get = db.transaction('meta').objectStore('meta').get('device');"
                + "   get.onerror = () => reject(get.error);"
                + "   get.onsuccess = () => { db.close(); resolve(get.result ? get.result.deviceId : null); };"
                + " }; })");
    }

    /** Waits until the app's service worker controls this page. */
    void awaitServiceWorkerControl() {
        page.waitForFunction("navigator.serviceWorker && navigator.serviceWorker.controller !== null",
                null, new Page.WaitForFunctionOptions().setTimeout(20_000));
    }
}
