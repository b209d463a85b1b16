package org.lankit.testkit;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.ServiceWorkerPolicy;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Real Chromium (/usr/bin/chromium, headless) for the phone app's tests, with phone-sized
 * contexts (360x740, touch). Service workers are blocked unless a test asks for them, so that
 * request routing in tests sees every API call. Not thread-safe; one per test class.
 */
public final class PhoneBrowser implements AutoCloseable {

    public static final int WIDTH = 360;
    public static final int HEIGHT = 740;

    private final Playwright playwright;
    private final Browser browser;

    private PhoneBrowser(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static PhoneBrowser launch() {
        return launch(List.of());
    }

    /** {@code args} are extra Chromium switches, e.g. host resolver rules. */
    public static PhoneBrowser launch(List<String> args) {
        // page assertions end as soon as the page shows what is expected; the bound only matters on a busy machine
        PlaywrightAssertions.setDefaultAssertionTimeout(10_000);
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(Paths.get("/usr/bin/chromium"))
                    .setHeadless(true)
                    .setArgs(args));
            return new PhoneBrowser(playwright, browser);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /** A fresh phone: its own storage, 360x740, touch, no service worker. */
    public BrowserContext newPhone() {
        return browser.newContext(phoneOptions().setServiceWorkers(ServiceWorkerPolicy.BLOCK));
    }

    /** A fresh phone that may register the app's service worker. */
    public BrowserContext newPhoneWithServiceWorker() {
        return browser.newContext(phoneOptions().setServiceWorkers(ServiceWorkerPolicy.ALLOW));
    }

    /**
     * A fresh phone with changed options, e.g. another user agent, or accepting any certificate
     * (only for tests of the master's HTTPS listener on 127.0.0.1). Service workers are blocked
     * unless {@code changes} allows them.
     */
    public BrowserContext newPhone(UnaryOperator<Browser.NewContextOptions> changes) {
        return browser.newContext(changes.apply(phoneOptions().setServiceWorkers(ServiceWorkerPolicy.BLOCK)));
    }

    private static Browser.NewContextOptions phoneOptions() {
        return new Browser.NewContextOptions()
                .setViewportSize(WIDTH, HEIGHT)
                .setDeviceScaleFactor(2)
                .setIsMobile(true)
                .setHasTouch(true)
                .setLocale("en-GB");
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            playwright.close();
        }
    }
}
