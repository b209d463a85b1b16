package org.lankit.bench;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.util.List;
import org.lankit.testkit.RunningMaster;

/**
 * One phone page of the benchmark: joined to the master, with probes installed before the app's
 * own scripts run (long tasks, the frame in which the entries list first has rows). Times read in
 * the page are the page's own {@code performance.now()}.
 */
final class PhonePage {

    /** Installed in every document of the phone before the app starts. */
    private static final String PROBES = """
            (() => {
              const bench = window.__bench = { longTasks: [] };
              try {
                new PerformanceObserver((list) => { for (const e of list.getEntries()) bench.longTasks.push(e.duration); })
                  .observe({ type: 'longtask' });
              } catch {}
              // the first frames in which the app (form and tabs) shows, the list has rows, the count shows `expected`
              const watch = () => {
                const rows = document.getElementById('entries');
                if (rows && rows.childElementCount > 0 && !performance.getEntriesByName('bench:first-rows').length) {
                  performance.mark('bench:first-rows');
                }
                if (document.getElementById('app-view')?.hidden === false && !performance.getEntriesByName('bench:app').length) {
                  performance.mark('bench:app');
                }
                const count = document.getElementById('entry-count')?.textContent;
                if (bench.expected && count === String(bench.expected) && !performance.getEntriesByName('bench:counted').length) {
                  performance.mark('bench:counted');
                }
                requestAnimationFrame(watch);
              };
              requestAnimationFrame(watch);
              bench.expected = Number(sessionStorage.getItem('bench-expected')) || 0;
              // resolves once the next frame has been drawn
              bench.frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
            })();
            """;

    final Page page;

    private PhonePage(Page page) {
        this.page = page;
    }

    static PhonePage join(BrowserContext phone, RunningMaster master, String name) {
        return join(phone, master.baseUrl(), name);
    }

    /** Joins the master at {@code baseUrl} (e.g. a name that is no secure context, for the plain page). */
    static PhonePage join(BrowserContext phone, String baseUrl, String name) {
        phone.addInitScript(PROBES);
        Page page = phone.newPage();
        page.navigate(baseUrl + "/join#" + RunningMaster.JOIN_CODE);
        page.getByLabel("Your name").fill(name);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join")).click();
        page.locator("#entry-form").waitFor();
        return new PhonePage(page);
    }

    /** Waits (polling every frame) until the page's expression is true. */
    void await(String expression, double timeoutMs) {
        page.waitForFunction(expression, null, new Page.WaitForFunctionOptions().setTimeout(timeoutMs));
    }

    void awaitBanner(String text) {
        page.locator("#banner").filter(new Locator.FilterOptions().setHasText(text))
                .waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED).setTimeout(120_000));
    }

    int entryCount() {
        return Integer.parseInt(page.locator("#entry-count").textContent().trim());
    }

    int longTaskCount() {
        return ((Number) page.evaluate("window.__bench.longTasks.length")).intValue();
    }

    /** The longest task (ms) since the {@code from}-th one; 0 when there was none. */
    double longestTaskSince(int from) {
        @SuppressWarnings("unchecked")
        List<Number> tasks = (List<Number>) page.evaluate("(from) => window.__bench.longTasks.slice(from)", from);
        return tasks.stream().mapToDouble(Number::doubleValue).max().orElse(0);
    }
}
