package org.lankit.pwa;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.FileChooser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lankit.hub.HubConfig;
import org.lankit.store.StoredEntry;
import org.lankit.sync.AttachmentName;
import org.lankit.sync.FieldType;
import org.lankit.sync.Form;
import org.lankit.sync.FormField;
import org.lankit.testkit.Eventually;
import org.lankit.testkit.RunningMaster;
import org.lankit.testkit.TestPhotos;

/**
 * A photo taken on the phone for an image question: kept in the outbox while the master is out
 * of reach, sent in chunks ahead of its entry, resumed after a cut, stored on the master once.
 */
class PhonePhotoTest extends PhoneTestBase {

    private static final int CHUNK = 256 * 1024;
    private static final Form DOOR_SURVEY = new Form("door_survey", 1, "Door survey", List.of(
            FormField.of("house", "House", FieldType.TEXT, true),
            FormField.of("door", "Photo of the door", FieldType.IMAGE, false)));
    /** Longer than the phone's longest wait between tries (30 s). */
    private static final LocatorAssertions.HasTextOptions WITHIN_45_S = new LocatorAssertions.HasTextOptions().setTimeout(45_000);

    /** Each chunk the phone sent: where it starts in the photo and how many bytes it carried. */
    private record Chunk(long offset, int bytes) {
    }

    private final List<Chunk> chunks = new CopyOnWriteArrayList<>();
    private PhoneApp app;

    @BeforeEach
    void openTheDoorSurvey() {
        master.store().forms().save(DOOR_SURVEY);
        app = PhoneApp.open(phone, master).joinWithQr("Amina");
        assertThat(app.page.locator("#form-picker-field")).isVisible();
        app.page.locator("#form-picker").selectOption("door_survey");
        assertThat(app.page.locator("#form-title")).hasText("Door survey");
    }

    /** Lets every call to the attachment routes through, after noting each chunk; `cut` decides per chunk. */
    private void watchChunks(java.util.function.Predicate<Chunk> cutAfterTheMasterGotIt) {
        phone.route("**/api/v1/attachments/**", route -> {
            Request request = route.request();
            if (!request.method().equals("PUT")) {
                route.resume();
                return;
            }
            Chunk chunk = new Chunk(offsetOf(request.url()), request.postDataBuffer().length);
            chunks.add(chunk);
            if (cutAfterTheMasterGotIt.test(chunk)) {
                route.fetch(); // the master stores the chunk; its answer is lost on the way back
                route.abort();
            } else {
                route.resume();
            }
        });
    }

    private static long offsetOf(String url) {
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            if (pair.startsWith("offset=")) return Long.parseLong(pair.substring("offset=".length()));
        }
        throw new AssertionError("no offset in " + url);
    }

    private void attachPhotoAndSave(String house) {
        app.field("House").fill(house);
        FileChooser chooser = app.page.waitForFileChooser(() ->
                app.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Choose file")).click());
        chooser.setFiles(TestPhotos.png("door.png", 2400, 1800));
        assertThat(app.page.getByAltText("Photo for Photo of the door")).isVisible();
        app.save();
        assertThat(app.page.locator("#form-message")).containsText("Saved on this phone");
    }

    private Path attachments() {
        return dataDir.resolve("attachments");
    }

    private List<Path> storedPhotos() throws IOException {
        if (!Files.isDirectory(attachments())) return List.of();
        try (Stream<Path> files = Files.list(attachments())) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private long photosOnThePhone() {
        return ((Number) app.page.evaluate("""
                () => new Promise((resolve) => {
                  const open = indexedDB.open('lankit');
                  open.onsuccess = () => {
                    const count = open.result.transaction('attachments').objectStore('attachments').count();
                    count.onsuccess = () => { resolve(count.result); open.result.close(); };
                  };
                })""")).longValue();
    }

    /** The master holds one entry and one photo, the one it names, a JPEG of at most 1600 px. */
    private Path theOnePhotoTheEntryNames(String house) throws IOException {
        Eventually.within(Duration.ofSeconds(10), "the master to hold the entry", () -> master.store().entryCount() == 1);
        StoredEntry stored = master.store().recent(0, 1).get(0);
        assertThat(stored.entry().fields().get("house").value().asText()).isEqualTo(house);
        String name = stored.entry().fields().get("door").value().asText();
        assertThat(AttachmentName.isValid(name)).as(name).isTrue();
        assertThat(name).endsWith(".jpg");
        assertThat(storedPhotos()).containsExactly(attachments().resolve(name));
        BufferedImage image = ImageIO.read(attachments().resolve(name).toFile());
        assertThat(image).as("a JPEG the master holds").isNotNull();
        assertThat(Math.max(image.getWidth(), image.getHeight())).isEqualTo(1600);
        return attachments().resolve(name);
    }

    @Test
    void a_photo_attached_offline_reaches_the_master_once_with_the_entry_naming_it() throws IOException {
        watchChunks(chunk -> false);
        phone.setOffline(true);
        assertThat(app.banner()).containsText("Laptop out of reach");
        attachPhotoAndSave("Blue house");
        app.openEntries();
        assertThat(app.badge("Blue house")).hasText("Waiting");
        assertThat(storedPhotos()).isEmpty();

        phone.setOffline(false);
        assertThat(app.badge("Blue house")).hasText("Synced", WITHIN_45_S);
        Path photo = theOnePhotoTheEntryNames("Blue house");
        // every byte went once: chunk after chunk, none sent again
        assertThat(chunks).extracting(Chunk::offset).isSorted().doesNotHaveDuplicates().startsWith(0L);
        assertThat(chunks.stream().mapToLong(Chunk::bytes).sum()).isEqualTo(Files.size(photo));
        assertThat(chunks).allSatisfy(c -> assertThat(c.bytes()).isLessThanOrEqualTo(CHUNK));
        Eventually.within(Duration.ofSeconds(10), "the phone to let the sent photo go", () -> photosOnThePhone() == 0);
        app.assertNoScriptErrors();
    }

    @Test
    void an_upload_cut_midway_goes_on_from_what_the_master_holds() throws IOException {
        AtomicBoolean cut = new AtomicBoolean();
        watchChunks(chunk -> chunk.offset() == CHUNK && cut.compareAndSet(false, true));
        phone.setOffline(true);
        attachPhotoAndSave("Green house");

        phone.setOffline(false);
        app.openEntries();
        assertThat(app.badge("Green house")).hasText("Synced", WITHIN_45_S);
        Path photo = theOnePhotoTheEntryNames("Green house");
        assertThat(Files.size(photo)).as("a photo of more than three chunks").isGreaterThan(3L * CHUNK);
        assertThat(cut).isTrue();
        // after the cut the phone asked the master and went on after the chunk it had got: not from 0
        assertThat(chunks).extracting(Chunk::offset).isSorted().doesNotHaveDuplicates()
                .contains(0L, (long) CHUNK, 2L * CHUNK, 3L * CHUNK);
        assertThat(chunks.stream().mapToLong(Chunk::bytes).sum()).isEqualTo(Files.size(photo));
        try (Stream<Path> partial = Files.list(attachments().resolve("partial"))) {
            assertThat(partial).as("partial uploads left on the master").isEmpty();
        }
        app.assertNoScriptErrors();
    }

    @Test
    void an_entry_refused_for_a_photo_the_master_lacks_waits_and_goes_with_the_photo_on_the_next_try() throws IOException {
        List<String> pushErrors = new CopyOnWriteArrayList<>();
        app.page.onResponse(response -> {
            if (response.url().endsWith("/api/v1/sync/push")) pushErrors.add(response.text());
        });
        // the first question "how much do you hold?" is answered wrongly with "all of it": the
        // phone sends no byte and pushes the entry, which the master refuses for the missing photo
        AtomicBoolean lied = new AtomicBoolean();
        phone.route("**/api/v1/attachments/*/upload", route -> {
            if (lied.compareAndSet(false, true)) {
                route.fulfill(new Route.FulfillOptions().setStatus(200).setContentType("application/json")
                        .setBody("{\"received\":" + 4 * CHUNK + ",\"complete\":true}"));
            } else {
                route.resume();
            }
        });
        phone.setOffline(true);
        attachPhotoAndSave("Red house");

        phone.setOffline(false);
        app.openEntries();
        assertThat(app.badge("Red house")).hasText("Synced", WITHIN_45_S);
        theOnePhotoTheEntryNames("Red house");
        assertThat(lied).isTrue();
        assertThat(pushErrors).anySatisfy(body -> assertThat(body).contains("attachment_missing"));
        Eventually.within(Duration.ofSeconds(10), "the phone to let the sent photo go", () -> photosOnThePhone() == 0);
        app.assertNoScriptErrors();
    }

    @Test
    void a_photo_saved_with_the_master_off_is_sent_by_the_service_worker_after_the_page_was_closed() throws IOException {
        try (BrowserContext withWorker = browser.newPhoneWithServiceWorker()) {
            app = PhoneApp.open(withWorker, master).joinWithQr("Amina");
            app.page.waitForFunction("navigator.serviceWorker.controller !== null", null,
                    new Page.WaitForFunctionOptions().setTimeout(10_000));
            app.page.locator("#form-picker").selectOption("door_survey");
            int port = master.port();
            master.close();
            assertThat(app.banner()).containsText("Laptop out of reach");
            attachPhotoAndSave("Yellow house");
            app.page.waitForFunction("""
                    async () => (await (await navigator.serviceWorker.ready).sync.getTags()).includes('lankit-push')""",
                    null, new Page.WaitForFunctionOptions().setTimeout(10_000));
            app.page.close();

            master = RunningMaster.start(dataDir, port, HubConfig.defaults().withAnnouncement(false));
            BackgroundSync.fire(withWorker, master);

            theOnePhotoTheEntryNames("Yellow house");
            PhoneApp reopened = PhoneApp.open(withWorker, master);
            reopened.page.navigate(master.baseUrl() + "/");
            reopened.openEntries();
            assertThat(reopened.badge("Yellow house")).hasText("Synced");
            reopened.assertNoScriptErrors();
        }
    }

    @Test
    void a_phone_moving_to_the_secure_page_sends_its_waiting_photo_first_over_a_slow_link() throws IOException {
        try (BrowserContext trusting = browser.newPhone(o -> o.setIgnoreHTTPSErrors(true))) {
            app = PhoneApp.open(trusting, master).joinWithQr("Amina");
            app.page.locator("#form-picker").selectOption("door_survey");
            String plainApi = master.baseUrl() + "/api/v1/";
            trusting.route(plainApi + "sync/**", Route::abort);
            trusting.route(plainApi + "attachments/**", Route::abort);
            attachPhotoAndSave("White house");
            app.page.navigate(master.baseUrl() + "/setup"); // the app's own sync loop ends here
            trusting.unroute(plainApi + "sync/**");
            trusting.unroute(plainApi + "attachments/**");
            // each chunk takes 1.5 s: more than the move's 4 s for entries alone, so the photo buys time
            trusting.route(plainApi + "attachments/**", route -> {
                if (route.request().method().equals("PUT")) app.page.waitForTimeout(1_500);
                route.resume();
            });

            app.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check")).click();
            app.page.waitForURL(master.secureBaseUrl() + "/", new Page.WaitForURLOptions().setTimeout(30_000));
            app.openEntries();
            assertThat(app.badge("White house")).hasText("Synced", WITHIN_45_S);
            theOnePhotoTheEntryNames("White house");
            app.assertNoScriptErrors();
        }
    }
}
