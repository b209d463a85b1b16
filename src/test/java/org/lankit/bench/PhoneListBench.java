package org.lankit.bench;

import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.lankit.sync.Entry;
import org.lankit.sync.FieldValue;
import org.lankit.sync.HlcClock;
import org.lankit.testkit.Entries;
import org.lankit.testkit.PairedDevice;
import org.lankit.testkit.RunningMaster;

/**
 * A phone holding many entries: it pulls them from the master, is reloaded, opens its entries
 * list, scrolls to the end, searches for the oldest entry and sees another device's new entry.
 * Figures in milliseconds; each "frame" figure runs until the next frame after the action was drawn.
 */
final class PhoneListBench {

    /** What a page pays to read all it holds at start (the app's own store class, a second connection). */
    static final String READ_ALL = """
            async () => {
              const store = await (await import('/db.js')).LocalStore.open();
              const t = performance.now();
              await store.allEntries();
              const ms = performance.now() - t;
              store.close();
              return ms;
            }
            """;

    private static final String OPEN_LIST = """
            async () => {
              const t = performance.now();
              document.getElementById('tab-list').click();
              await window.__bench.frame();
              return { ms: performance.now() - t, rows: document.getElementById('entries').childElementCount };
            }
            """;

    /** Flings to the end of the page `times` times: the slowest frame, and how long more rows took to come. */
    private static final String SCROLL = """
            async (times) => {
              const list = document.getElementById('entries');
              let slowest = 0;
              let more = 0;
              for (let i = 0; i < times; i++) {
                const rows = list.childElementCount;
                const t = performance.now();
                scrollTo(0, document.documentElement.scrollHeight);
                await window.__bench.frame();
                slowest = Math.max(slowest, performance.now() - t);
                while (list.childElementCount === rows && performance.now() - t < 1000) await window.__bench.frame();
                if (list.childElementCount > rows) more = Math.max(more, performance.now() - t);
              }
              scrollTo(0, 0);
              await window.__bench.frame();
              return { slowestFrameMs: slowest, moreRowsMs: more, rows: list.childElementCount };
            }
            """;

    /** Types `text` into the search box (if the app has one) and waits until the list shows what `done` says. */
    private static final String SEARCH = """
            async ([text, title]) => {
              const box = document.getElementById('entry-search');
              if (!box) return -1;
              const t = performance.now();
              box.value = text;
              box.dispatchEvent(new Event('input', { bubbles: true }));
              const shown = () => {
                const titles = [...document.querySelectorAll('#entries .entry-title')].map((e) => e.textContent);
                return title ? titles.length === 1 && titles[0] === title : titles.length > 1;
              };
              while (!shown()) {
                if (performance.now() - t > 10000) return -2;
                await new Promise((resolve) => requestAnimationFrame(resolve));
              }
              await window.__bench.frame();
              return performance.now() - t;
            }
            """;

    private PhoneListBench() {
    }

    /** Stores {@code n} entries of another device on the master, as if pushed during a season. */
    static void seed(RunningMaster master, int n) throws IOException {
        PairedDevice tablet = master.pair("Seeding tablet");
        HlcClock clock = tablet.clock();
        for (int done = 0; done < n; done += 2000) {
            int first = done;
            int chunk = Math.min(2000, n - done);
            master.store().write(w -> {
                for (int i = first; i < first + chunk; i++) w.commitMasterChange(household(clock, i), tablet.deviceId());
                return null;
            });
        }
    }

    private static Entry household(HlcClock clock, int i) {
        Entry e = Entries.household(clock, "Respondent " + i, 1 + i % 50);
        Map<String, FieldValue> fields = new TreeMap<>(e.fields());
        fields.put("village", FieldValue.edit(TextNode.valueOf("Village " + i % 40), clock.now(), ""));
        String notes = "Two wells, one dry since March; visit again after the rains";
        fields.put("notes", FieldValue.edit(TextNode.valueOf(notes), clock.now(), ""));
        return e.withFields(fields, null);
    }

    /** Measures on a phone that has just joined; returns the figures in print order. */
    static Map<String, Object> run(PhonePage app, RunningMaster master, int expected, int liveRounds) throws IOException {
        Map<String, Object> r = new LinkedHashMap<>();
        int tasks = app.longTaskCount();
        long start = System.nanoTime();
        app.await("document.getElementById('entry-count').textContent === '" + expected + "'", 600_000);
        r.put("pull: joined -> all " + expected + " counted on the phone, ms", (System.nanoTime() - start) / 1e6);
        r.put("pull: longest task, ms", app.longestTaskSince(tasks));
        app.awaitBanner("nothing waiting");

        app.page.evaluate("(n) => sessionStorage.setItem('bench-expected', String(n))", expected);
        app.page.reload();
        app.await("performance.getEntriesByName('bench:counted').length > 0", 120_000);
        r.put("reload: navigation -> form and tabs shown, ms", markTime(app, "bench:app"));
        r.put("reload: navigation -> rows in the list (hidden), ms", markTime(app, "bench:first-rows"));
        r.put("reload: navigation -> count shown, ms", markTime(app, "bench:counted"));
        r.put("reload: longest task, ms", app.longestTaskSince(0));
        r.put("reading every stored entry from IndexedDB, ms", app.page.evaluate(READ_ALL));

        tasks = app.longTaskCount();
        @SuppressWarnings("unchecked")
        Map<String, Object> open = (Map<String, Object>) app.page.evaluate(OPEN_LIST);
        r.put("open list: tap -> drawn, ms", open.get("ms"));
        r.put("open list: rows in the page", open.get("rows"));
        @SuppressWarnings("unchecked")
        Map<String, Object> scroll = (Map<String, Object>) app.page.evaluate(SCROLL, 5);
        r.put("scroll to end x5: slowest frame, ms", scroll.get("slowestFrameMs"));
        r.put("scroll to end x5: more rows after, ms", scroll.get("moreRowsMs"));
        r.put("scroll to end x5: rows in the page", scroll.get("rows"));
        r.put("search oldest entry: typed -> only it drawn, ms",
                app.page.evaluate(SEARCH, List.of("Respondent 0", "Respondent 0")));
        r.put("search cleared: -> full list drawn, ms", app.page.evaluate(SEARCH, List.of("", "")));
        r.put("list: longest task, ms", app.longestTaskSince(tasks));

        PairedDevice tablet = master.pair("Live tablet");
        List<Double> live = new ArrayList<>();
        tasks = app.longTaskCount();
        for (int i = 0; i < liveRounds; i++) {
            String title = "Live " + i;
            long sent = System.nanoTime();
            tablet.client().push(List.of(Entries.household(tablet.clock(), title, 2)));
            app.await("document.querySelector('#entries .entry-title')?.textContent === '" + title + "'", 60_000);
            live.add((System.nanoTime() - sent) / 1e6);
        }
        live.sort(null);
        r.put("another device's entry: pushed -> in the open list, median ms", live.get(live.size() / 2));
        r.put("another device's entry: pushed -> in the open list, max ms", live.get(live.size() - 1));
        r.put("live: longest task, ms", app.longestTaskSince(tasks));
        return r;
    }

    /** When the page's probe set the mark, in ms after navigation; -1 when it never did. */
    private static Object markTime(PhonePage app, String mark) {
        return app.page.evaluate("(name) => performance.getEntriesByName(name)[0]?.startTime ?? -1", mark);
    }
}
