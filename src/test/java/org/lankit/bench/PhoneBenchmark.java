package org.lankit.bench;

import com.microsoft.playwright.BrowserContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.lankit.testkit.PhoneBrowser;
import org.lankit.testkit.RunningMaster;

/**
 * The phone app in real Chromium (the PWA tests' driver) against a real master on 127.0.0.1 with
 * its default limits: (1) entries waiting in a fresh phone's outbox reach the master once it is
 * back online; (2) a phone pulls the team's stored entries, is reloaded, opens, scrolls and
 * searches its entries list and sees another device's entry arrive; (3) that phone, holding them
 * all, sends its own waiting entries. Prints figures; nothing is asserted on time.
 * <p>
 * {@code java -cp target/test-classes:target/classes:<test class path> org.lankit.bench.PhoneBenchmark [waiting] [stored]}
 * (defaults 1,000 and 10,000; web-assets are served from target/classes/web).
 */
public final class PhoneBenchmark {

    private PhoneBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int waiting = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int stored = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        System.out.printf("Phone benchmark: %,d waiting, %,d stored; %d cores, Java %s; load average %s%n", waiting, stored,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), loadAverage());
        Path dir = Files.createTempDirectory("lankit-phone-bench");
        try (PhoneBrowser browser = PhoneBrowser.launch(); RunningMaster master = RunningMaster.start(dir)) {
            for (int round = 1; round <= 2; round++) {
                try (BrowserContext phone = browser.newPhone()) {
                    PhonePage app = PhonePage.join(phone, master, "Sender " + round);
                    print("outbox, fresh phone, run " + round, PhoneOutboxBench.run(phone, app, master, waiting));
                }
            }
            PhoneListBench.seed(master, stored - (int) master.store().entryCount());
            int total = (int) master.store().entryCount();
            try (BrowserContext phone = browser.newPhone()) {
                PhonePage app = PhonePage.join(phone, master, "Reader");
                System.out.printf("%nlist, phone holding %,d entries%n", total);
                for (Map.Entry<String, Object> e : PhoneListBench.run(app, master, total, 9).entrySet()) {
                    System.out.printf("  %-62s %10s%n", e.getKey(), figure(e.getValue()));
                }
                print("outbox, phone holding its list", PhoneOutboxBench.run(phone, app, master, waiting));
            }
        } finally {
            UploadBenchmark.delete(dir);
        }
        System.out.printf("%nload average at the end: %s%n", loadAverage());
        System.exit(0); // the web server's socket ping thread outlives the closed master
    }

    private static void print(String title, PhoneOutboxBench.Result r) {
        System.out.printf("%n%s (%,d entries): %,d waiting%n", title, r.alreadyStored(), r.entries());
        System.out.printf("  %-62s %10.0f%n", "storing them in the outbox (one transaction), ms", r.storeMs());
        System.out.printf("  %-62s %10.0f%n", "online -> master holds all, ms", r.masterHoldsAllMs());
        System.out.printf("  %-62s %10.0f%n", "online -> phone shows nothing waiting, ms", r.phoneSeesAllSentMs());
        System.out.printf("  %-62s %10d%n", "push requests", r.pushes());
        System.out.printf("  %-62s %10.0f%n", "longest task, ms", r.longestTaskMs());
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }

    private static String figure(Object value) {
        if (value instanceof Number n && n.doubleValue() != Math.rint(n.doubleValue())) {
            return String.format("%.1f", n.doubleValue());
        }
        return String.valueOf(value);
    }
}
