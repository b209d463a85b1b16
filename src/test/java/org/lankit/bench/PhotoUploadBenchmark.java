package org.lankit.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.lankit.hub.HubConfig;
import org.lankit.store.Attachments;
import org.lankit.testkit.PairedDevice;
import org.lankit.testkit.RunningMaster;

/**
 * What a photo costs the master: a real master on 127.0.0.1 takes photos in 256 KiB chunks over
 * HTTP, each chunk synced to the disk before it is answered, as a phone sends them one after the
 * other. Prints the time per photo, the rate, and each chunk's answer time (median, 95th
 * percentile), for phone-sized photos (300 KB) and the largest allowed (10 MiB). Asserts no time.
 * <p>
 * {@code java -cp target/test-classes:target/classes:$(cat target/test-cp.txt) org.lankit.bench.PhotoUploadBenchmark [photos]}
 */
public final class PhotoUploadBenchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private PhotoUploadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int photos = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        System.out.printf("Photo upload benchmark: %d cores, Java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        Path dir = Files.createTempDirectory("lankit-photo-bench");
        try (RunningMaster master = RunningMaster.start(dir, 0, HubConfig.defaults().withAnnouncement(false).withRateLimit(10_000, 10_000))) {
            PairedDevice phone = master.pair("Phone");
            run(master, phone, "phone-sized photos", photos, 300_000, 0);
            run(master, phone, "largest photos", Math.max(2, photos / 10), (int) Attachments.MAX_BYTES, 1_000);
        }
    }

    private static void run(RunningMaster master, PairedDevice phone, String what, int count, int size, int first) throws Exception {
        byte[] photo = new byte[size];
        new Random(size).nextBytes(photo);
        List<Long> chunkNanos = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            String name = String.format("%032x.jpg", first + i);
            for (int at = 0; at < size; at += Attachments.MAX_CHUNK_BYTES) {
                byte[] chunk = Arrays.copyOfRange(photo, at, Math.min(size, at + Attachments.MAX_CHUNK_BYTES));
                HttpRequest put = HttpRequest.newBuilder(URI.create(master.baseUrl() + "/api/v1/attachments/" + name
                                + "?offset=" + at + "&size=" + size))
                        .header("Authorization", "Bearer " + phone.token()).header("Content-Type", "application/octet-stream")
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(chunk)).build();
                long t = System.nanoTime();
                HttpResponse<String> answer = HTTP.send(put, HttpResponse.BodyHandlers.ofString());
                chunkNanos.add(System.nanoTime() - t);
                if (answer.statusCode() != 200) throw new IllegalStateException(answer.statusCode() + " " + answer.body());
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Collections.sort(chunkNanos);
        System.out.printf("%-20s %3d x %,10d bytes: %6.1f ms per photo, %6.1f MB/s; chunk answered in %5.1f ms (median), %5.1f ms (p95), %d chunks%n",
                what, count, size, seconds * 1000 / count, (double) count * size / seconds / 1e6,
                chunkNanos.get(chunkNanos.size() / 2) / 1e6, chunkNanos.get((int) (chunkNanos.size() * 0.95)) / 1e6, chunkNanos.size());
    }
}
