package org.lankit.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import ch.qos.logback.classic.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.hub.HubConfig;
import org.lankit.store.Attachments;
import org.lankit.sync.Json;
import org.lankit.sync.PushStatus;
import org.lankit.testkit.CapturedLog;
import org.lankit.testkit.Entries;
import org.lankit.testkit.PairedDevice;
import org.lankit.testkit.RunningMaster;

/**
 * Photos on a real 48 MB file system (a tmpfs the test mounts; skipped where tests may not mount):
 * phones send photos until the master answers 507 "storage full", the refused chunk leaves the
 * upload where it was, and the last 32 MB stay free for entries, which the master still takes.
 */
class PhotoDiskFullTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path base;

    /** The master logs the upload the full disk refuses; kept here and checked, not printed. */
    private final CapturedLog log = CapturedLog.of("org.lankit.hub.ErrorMapper");

    @AfterEach
    void putTheLogBack() {
        log.close();
    }

    @Test
    void photos_fill_the_disk_to_the_last_32_mb_and_entries_still_go_in() throws Exception {
        Path disk = Files.createDirectory(base.resolve("small-disk"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=48m", "tmpfs", disk.toString()), "this machine does not let tests mount a file system");
        try (RunningMaster master = RunningMaster.start(disk.resolve("kit"), 0,
                HubConfig.defaults().withAnnouncement(false).withRateLimit(10_000, 10_000))) {
            PairedDevice phone = master.pair("Phone");
            byte[] chunk = new byte[Attachments.MAX_CHUNK_BYTES];
            new Random(7).nextBytes(chunk);
            HttpResponse<String> full = null;
            String name = null;
            long offset = 0;
            long size = 4L * chunk.length;
            for (int photo = 0; photo < 200 && full == null; photo++) {
                name = String.format("%032x.jpg", photo);
                for (offset = 0; offset < size; offset += chunk.length) {
                    HttpResponse<String> answer = put(master, phone, name, offset, size, chunk);
                    if (answer.statusCode() != 200) {
                        full = answer;
                        break;
                    }
                }
            }
            assertThat(full).as("the disk filled up").isNotNull();
            assertThat(full.statusCode()).isEqualTo(507);
            JsonNode error = Json.MAPPER.readTree(full.body());
            assertThat(error.path("error").asText()).isEqualTo("storage_full");
            assertThat(error.path("detail").asText()).contains("disk is full").doesNotContain("Exception");
            assertThat(log.lines(Level.ERROR)).as("the master's log").isNotEmpty()
                    .allMatch(line -> line.contains("/api/v1/attachments/") && line.contains("failed: the store is full"));

            HttpResponse<String> status = HTTP.send(request(master, phone, name + "/upload").GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(Json.MAPPER.readTree(status.body()).path("received").asLong()).as("the refused chunk was not kept").isEqualTo(offset);
            assertThat(Files.getFileStore(disk).getUsableSpace()).as("room left for entries").isGreaterThan(30L << 20);
            assertThat(phone.client().push(List.of(Entries.household(phone.clock(), "After the photos", 3))).results())
                    .singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(PushStatus.APPLIED));
        } finally {
            run("umount", "-l", disk.toString());
        }
    }

    private static HttpResponse<String> put(RunningMaster master, PairedDevice phone, String name, long offset, long size, byte[] chunk)
            throws Exception {
        HttpRequest r = request(master, phone, name + "?offset=" + offset + "&size=" + size)
                .header("Content-Type", "application/octet-stream").PUT(HttpRequest.BodyPublishers.ofByteArray(chunk)).build();
        return HTTP.send(r, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(RunningMaster master, PairedDevice phone, String path) {
        return HttpRequest.newBuilder(URI.create(master.baseUrl() + "/api/v1/attachments/" + path))
                .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + phone.token());
    }

    private static boolean run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
    }
}
