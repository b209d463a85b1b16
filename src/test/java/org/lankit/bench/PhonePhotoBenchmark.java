package org.lankit.bench;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.lankit.sync.FieldType;
import org.lankit.sync.Form;
import org.lankit.sync.FormField;
import org.lankit.testkit.PhoneBrowser;
import org.lankit.testkit.RunningMaster;
import org.lankit.testkit.TestPhotos;

/**
 * Photos on the phone in real Chromium against a real master on 127.0.0.1: (1) how long the phone
 * takes to make a 2400x1800 picture a 1600 px JPEG and keep it; (2) entries with a photo each,
 * saved offline, from "online" until the master holds every entry and every photo (256 KiB
 * chunks, each fsynced by the master before its answer). Prints figures; nothing is asserted.
 * <p>
 * {@code java -cp target/test-classes:target/classes:<test class path> org.lankit.bench.PhonePhotoBenchmark [photos]}
 * (default 10).
 */
public final class PhonePhotoBenchmark {

    private static final Form DOOR_SURVEY = new Form("door_survey", 1, "Door survey", List.of(
            FormField.of("house", "House", FieldType.TEXT, true),
            FormField.of("door", "Photo of the door", FieldType.IMAGE, false)));

    private PhonePhotoBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int photos = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        System.out.printf("Phone photo benchmark: %d entries with a photo; %d cores, Java %s; load average %s%n", photos,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), loadAverage());
        Path dir = Files.createTempDirectory("lankit-phone-photo-bench");
        try (PhoneBrowser browser = PhoneBrowser.launch(); RunningMaster master = RunningMaster.start(dir);
             BrowserContext phone = browser.newPhone()) {
            master.store().forms().save(DOOR_SURVEY);
            Page page = PhonePage.join(phone, master, "Photographer").page;
            page.locator("#form-picker-field").waitFor();
            page.locator("#form-picker").selectOption("door_survey");
            phone.setOffline(true);
            // noise: the worst case for JPEG, so the sizes are an upper bound for a real photo
            FilePayload picture = TestPhotos.png("door.png", 2400, 1800);
            // when the page got the file (capturing, so before photo.js's own listener)
            page.evaluate("() => document.addEventListener('change', (e) => {"
                    + " if (e.target.type === 'file') window.pickedAt = performance.now(); }, true)");
            double keepMs = 0;
            double inPageMs = 0;
            for (int i = 1; i <= photos; i++) {
                page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("House")).fill("House " + i);
                long start = System.nanoTime();
                page.locator("input[type=file]:not([capture])").setInputFiles(picture);
                page.waitForFunction("() => document.querySelector('.photo-message')?.textContent.startsWith('Photo kept')");
                keepMs += (System.nanoTime() - start) / 1e6;
                inPageMs += ((Number) page.evaluate("performance.now() - window.pickedAt")).doubleValue();
                page.locator("#save-button").click();
                page.waitForFunction("() => document.getElementById('form-message').textContent.includes('Saved on this phone')"
                        + " && document.querySelector('.photo-message').textContent === 'No photo yet.'");
            }
            long online = System.nanoTime();
            phone.setOffline(false);
            while (master.store().entryCount() < photos || photoFiles(dir).size() < photos) Thread.sleep(20);
            double sendMs = (System.nanoTime() - online) / 1e6;
            long bytes = 0;
            for (Path photo : photoFiles(dir)) bytes += Files.size(photo);
            System.out.printf("  %-62s %10.0f%n", "2400x1800 PNG (%.1f MB) handed over -> 1600 px JPEG kept, ms per photo".formatted(picture.buffer.length / 1048576.0), keepMs / photos);
            System.out.printf("  %-62s %10.0f%n", "  of which in the page (decode, resize, encode, store), ms", inPageMs / photos);
            System.out.printf("  %-62s %10.0f%n", "photo size on the master, KB (mean)", bytes / 1024.0 / photos);
            System.out.printf("  %-62s %10.0f%n", "online -> master holds every entry and photo, ms", sendMs);
            System.out.printf("  %-62s %10.1f%n", "photo bytes per second, MB/s", bytes / 1048576.0 / (sendMs / 1000));
        } finally {
            UploadBenchmark.delete(dir);
        }
        System.out.printf("load average at the end: %s%n", loadAverage());
        System.exit(0); // the web server's socket ping thread outlives the closed master
    }

    private static List<Path> photoFiles(Path dir) throws IOException {
        Path attachments = dir.resolve("attachments");
        if (!Files.isDirectory(attachments)) return List.of();
        try (Stream<Path> files = Files.list(attachments)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }
}
