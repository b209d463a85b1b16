package org.lankit.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.lankit.store.KitStore;
import org.lankit.sync.Entry;
import org.lankit.sync.HlcClock;
import org.lankit.testkit.Entries;
import org.lankit.testkit.FakeTeamApi;
import org.lankit.testkit.PairedDevice;
import org.lankit.testkit.RunningMaster;
import org.lankit.upstream.ApiTarget;
import org.lankit.upstream.TargetKind;
import org.lankit.upstream.TargetSettings;

/**
 * What the second receipt costs the devices while a real master uploads N entries to a local team
 * API: how often the uploads said the receipts moved, how many {@code receipts} messages each
 * connected device got (the hub sends at most one per 250 ms), the {@code /status} reads they
 * caused, and the size of {@code /status} with no refusal and with 1,000 refused entries listed.
 * Prints figures and asserts no time.
 * <p>
 * {@code java -cp target/test-classes:target/classes:$(cat target/test-cp.txt) org.lankit.bench.ReceiptsBenchmark [entries] [devices]}
 * (the class path as phone-app.md builds it for PhoneBenchmark)
 */
public final class ReceiptsBenchmark {

    private ReceiptsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int devices = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        System.out.printf("Receipts benchmark: %,d entries uploaded, %d devices on the live socket; %d cores, Java %s%n",
                entries, devices, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        run(entries, devices, 0);
        run(entries, devices, 1000);
    }

    private static void run(int n, int deviceCount, int refusals) throws Exception {
        Path dir = Files.createTempDirectory("lankit-receipts-bench");
        ExecutorService readers = Executors.newCachedThreadPool();
        try (FakeTeamApi api = FakeTeamApi.start().keepNoRequestLog(); RunningMaster master = RunningMaster.start(dir)) {
            List<Entry> seeded = seed(master.store(), n);
            for (int i = 0; i < refusals; i++) api.rejectEntry(seeded.get(i * (n / refusals)).uuid(), "village is unknown");
            long last = master.store().lastSeq();
            AtomicInteger moves = new AtomicInteger();
            master.kit().uploads().onReceiptsChanged(moves::incrementAndGet);
            AtomicInteger messages = new AtomicInteger();
            AtomicInteger statusReads = new AtomicInteger();
            List<AtomicInteger> perDevice = new ArrayList<>();
            List<WebSocket> sockets = new ArrayList<>();
            for (int d = 0; d < deviceCount; d++) {
                PairedDevice device = master.pair("Phone " + d);
                AtomicInteger mine = new AtomicInteger();
                perDevice.add(mine);
                // as a device does: each message makes it read /status (off the socket's thread)
                sockets.add(device.client().live(seq -> { }, () -> { }, through -> {
                    messages.incrementAndGet();
                    mine.incrementAndGet();
                    readers.execute(() -> {
                        try {
                            device.client().status();
                            statusReads.incrementAndGet();
                        } catch (Exception ignored) {
                            // the benchmark counts reads that worked
                        }
                    });
                }, () -> { }).get(20, TimeUnit.SECONDS));
            }
            Thread.sleep(500); // the hub admits sockets just after their handshake

            long start = System.nanoTime();
            ApiTarget server = ApiTarget.of(api.url(), null).orElseThrow();
            master.kit().uploads().configure(List.of(new TargetSettings(TargetSettings.MAIN, TargetKind.JSON, server, Map.of())));
            while (master.kit().uploads().receipts().through() < last) Thread.sleep(5);
            double seconds = (System.nanoTime() - start) / 1e9;
            Thread.sleep(600); // the last coalesced message and the reads it causes
            int least = perDevice.stream().mapToInt(AtomicInteger::get).min().orElse(0);
            int most = perDevice.stream().mapToInt(AtomicInteger::get).max().orElse(0);
            PairedDevice reader = master.pair("Reader");
            System.out.printf("%,d entries, %,d refused: uploaded in %.2f s (%,.0f entries/s); receipts moved %,d times;"
                            + " %,d messages to %d devices (%d to %d each, %.1f per device per second); %,d /status reads;"
                            + " /status %,d bytes (%,d gzipped)%n",
                    n, refusals, seconds, n / seconds, moves.get(), messages.get(), deviceCount, least, most,
                    most / seconds, statusReads.get(), statusBytes(master, reader.token(), false),
                    statusBytes(master, reader.token(), true));
            sockets.forEach(WebSocket::abort);
        } finally {
            readers.shutdownNow();
            UploadBenchmark.delete(dir);
        }
    }

    private static List<Entry> seed(KitStore store, int n) {
        HlcClock phone = HlcClock.system("phone1");
        List<Entry> all = new ArrayList<>();
        for (int done = 0; done < n; done += 5000) {
            int chunk = Math.min(5000, n - done);
            store.write(w -> {
                for (int i = 0; i < chunk; i++) {
                    Entry e = Entries.household(phone, "Respondent " + i, 1 + i % 50);
                    w.commitMasterChange(e, "phone1");
                    all.add(e);
                }
                return null;
            });
        }
        return all;
    }

    private static int statusBytes(RunningMaster master, String token, boolean gzip) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(master.baseUrl() + "/api/v1/status"))
                .header("Authorization", "Bearer " + token);
        if (gzip) request.header("Accept-Encoding", "gzip");
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray()).body().length;
    }
}
