package org.lankit.bench;

import com.microsoft.playwright.BrowserContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.lankit.testkit.PhoneBrowser;
import org.lankit.testkit.RunningMaster;

/**
 * What sealing the answers costs the phone: the same app in the same Chromium, once on a secure
 * page (127.0.0.1: entries sealed in IndexedDB) and once on a plain one (a host name mapped to
 * 127.0.0.1, no secure context: entries plain), in turns. Pull: a fresh phone joins a master
 * holding {@code stored} entries and pulls them all; all are then read back from IndexedDB (what
 * a page pays at start). Outbox: a fresh phone of a fresh master stores {@code waiting} entries
 * offline and sends them once back online. Prints figures; nothing is asserted on time.
 * <p>
 * {@code java -cp target/test-classes:target/classes:<test class path> org.lankit.bench.PhoneSealingBenchmark [waiting] [stored] [rounds]}
 * (defaults 1,000, 10,000 and 2).
 */
public final class PhoneSealingBenchmark {

    private static final String PLAIN_HOST = "lankit.test";

    private PhoneSealingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int waiting = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int stored = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        System.out.printf("Phone sealing benchmark: %,d waiting, %,d stored, %d rounds; %d cores, Java %s; load average %s%n",
                waiting, stored, rounds, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), loadAverage());
        Path dir = Files.createTempDirectory("lankit-phone-sealing-bench");
        try (PhoneBrowser browser = PhoneBrowser.launch(List.of("--host-resolver-rules=MAP " + PLAIN_HOST + " 127.0.0.1"))) {
            try (RunningMaster master = RunningMaster.start(dir.resolve("pull"))) {
                PhoneListBench.seed(master, stored);
                for (int round = 1; round <= rounds; round++) {
                    for (boolean sealed : new boolean[] {true, false}) {
                        try (BrowserContext phone = browser.newPhone()) {
                            pull(phone, master, base(master, sealed), title(sealed, round));
                        }
                    }
                }
            }
            for (int round = 1; round <= rounds; round++) {
                for (boolean sealed : new boolean[] {true, false}) {
                    try (RunningMaster master = RunningMaster.start(dir.resolve("outbox-" + round + "-" + sealed));
                         BrowserContext phone = browser.newPhone()) {
                        outbox(phone, master, base(master, sealed), title(sealed, round), waiting);
                    }
                }
            }
        } finally {
            UploadBenchmark.delete(dir);
        }
        System.out.printf("%nload average at the end: %s%n", loadAverage());
        System.exit(0); // the web server's socket ping thread outlives the closed master
    }

    private static String base(RunningMaster master, boolean sealed) {
        return sealed ? master.baseUrl() : "http://" + PLAIN_HOST + ":" + master.port();
    }

    private static String title(boolean sealed, int round) {
        return (sealed ? "sealed" : "plain") + " page, round " + round;
    }

    private static void pull(BrowserContext phone, RunningMaster master, String base, String title) {
        int total = (int) master.store().entryCount();
        long start = System.nanoTime();
        PhonePage app = PhonePage.join(phone, base, title);
        app.await("document.getElementById('entry-count').textContent === '" + total + "'", 600_000);
        double pullMs = (System.nanoTime() - start) / 1e6;
        double pullLongest = app.longestTaskSince(0);
        app.awaitBanner("nothing waiting");
        double readAllMs = ((Number) app.page.evaluate(PhoneListBench.READ_ALL)).doubleValue();
        System.out.printf("%npull, %s (%s)%n", title, storage(app));
        print("join -> all " + total + " counted, ms", pullMs);
        print("longest task, ms", pullLongest);
        print("reading every stored entry from IndexedDB, ms", readAllMs);
    }

    private static void outbox(BrowserContext phone, RunningMaster master, String base, String title, int waiting)
            throws InterruptedException {
        PhonePage app = PhonePage.join(phone, base, title);
        PhoneOutboxBench.Result outbox = PhoneOutboxBench.run(phone, app, master, waiting);
        System.out.printf("%noutbox, %s (%s)%n", title, storage(app));
        print("storing " + waiting + " new entries in the outbox, ms", outbox.storeMs());
        print("online -> master holds all " + waiting + ", ms", outbox.masterHoldsAllMs());
        print("online -> phone shows nothing waiting, ms", outbox.phoneSeesAllSentMs());
        print("longest task, ms", outbox.longestTaskMs());
    }

    /** Whether the page is a secure context and its store seals, as the app's own store says. */
    private static String storage(PhonePage app) {
        return (String) app.page.evaluate("""
                async () => {
                  const store = await (await import('/db.js')).LocalStore.open();
                  const sealed = store.sealed;
                  store.close();
                  return `secure context: ${window.isSecureContext}, entries sealed: ${sealed}`;
                }""");
    }

    private static void print(String label, double ms) {
        System.out.printf("  %-62s %10.0f%n", label, ms);
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }
}
