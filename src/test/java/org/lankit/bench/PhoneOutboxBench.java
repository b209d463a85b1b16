package org.lankit.bench;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Request;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.lankit.testkit.RunningMaster;

/**
 * Entries saved while the master was out of reach: the phone goes offline, the app's own code
 * stores {@code n} new entries in its outbox (one IndexedDB transaction, as a day of saves would
 * leave them; on a secure page each is sealed first, and that time is measured too), and the clock
 * runs from "back online" until the master holds all of them, and until the phone's banner says
 * nothing is waiting any more.
 */
final class PhoneOutboxBench {

    record Result(int entries, int alreadyStored, double storeMs, double masterHoldsAllMs, double phoneSeesAllSentMs,
            int pushes, double longestTaskMs) {
    }

    /** The app's modules, loaded again by URL, are the very ones the page runs. */
    private static final String WRITE_OUTBOX = """
            async (n) => {
              const [{ LocalStore }, { newRecord }, { HlcClock, newUuid }] =
                await Promise.all([import('/db.js'), import('/entries.js'), import('/clock.js')]);
              const store = await LocalStore.open();
              try {
                const device = await store.getMeta('device');
                const form = (await store.getMeta('forms')).find((f) => f.id === 'household_visit');
                const clock = new HlcClock(device.deviceId, (await store.getMeta('clock')) ?? {});
                const records = [];
                for (let i = 0; i < n; i++) {
                  records.push(newRecord({ uuid: newUuid(), form, clock, values: {
                    respondent: `Waiting ${i}`, village: 'Kisumu', household_size: 1 + (i % 50),
                    visit_date: '2026-11-30', water_source: 'well', notes: 'Saved while the master was out of reach' } }));
                }
                const t = performance.now();
                await store.putAll(records, { clock: clock.state() });
                return performance.now() - t;
              } finally {
                store.close();
              }
            }
            """;

    private PhoneOutboxBench() {
    }

    static Result run(BrowserContext phone, PhonePage app, RunningMaster master, int n) throws InterruptedException {
        app.awaitBanner("Laptop connected");
        app.awaitBanner("nothing waiting");
        int stored = app.entryCount();
        phone.setOffline(true);
        app.awaitBanner("Laptop out of reach");
        double storeMs = ((Number) app.page.evaluate(WRITE_OUTBOX, n)).doubleValue();
        app.awaitBanner(n + " waiting");

        long before = master.store().entryCount();
        AtomicInteger pushes = new AtomicInteger();
        Consumer<Request> countPushes = r -> {
            if (r.url().endsWith("/api/v1/sync/push")) pushes.incrementAndGet();
        };
        app.page.onRequest(countPushes);
        int tasks = app.longTaskCount();
        long start = System.nanoTime();
        phone.setOffline(false);
        long deadline = start + 300_000_000_000L;
        while (master.store().entryCount() < before + n) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the master did not get all entries within 5 minutes");
            }
            Thread.sleep(1);
        }
        long masterDone = System.nanoTime();
        app.awaitBanner("nothing waiting");
        long phoneDone = System.nanoTime();
        app.page.offRequest(countPushes);
        return new Result(n, stored, storeMs, (masterDone - start) / 1e6, (phoneDone - start) / 1e6, pushes.get(),
                app.longestTaskSince(tasks));
    }
}
