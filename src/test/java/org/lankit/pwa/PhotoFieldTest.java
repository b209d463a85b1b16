package org.lankit.pwa;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.FileChooser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lankit.sync.AttachmentName;
import org.lankit.testkit.PhoneStorage;
import org.lankit.testkit.TestPhotos;

/** An image question's control on its own page: the photo is made smaller, kept in the outbox, removed. */
class PhotoFieldTest extends PhoneTestBase {

    /** What the outbox holds under the field's value (as the app reads it): type, size and the decoded picture's sides. */
    private static final String KEPT_PHOTO = """
            async () => {
              const name = window.photo.value;
              const db = await new Promise((resolve) => {
                const open = indexedDB.open('lankit');
                open.onsuccess = () => resolve(open.result);
              });
              // through the app's store: on a secure page the picture is kept sealed
              const store = await (await import('/db.js')).LocalStore.open();
              const kept = await store.getAttachment(name);
              store.close();
              const count = await new Promise((resolve) => {
                const all = db.transaction('attachments').objectStore('attachments').count();
                all.onsuccess = () => resolve(all.result);
              });
              db.close();
              if (!kept) return { name, count };
              const bitmap = await createImageBitmap(kept.blob);
              return { name, count, type: kept.blob.type, size: kept.size, width: bitmap.width, height: bitmap.height,
                       sent: kept.sent };
            }""";

    private PhoneApp app;

    @BeforeEach
    void openTheField() {
        app = PhoneApp.open(phone, master);
        app.page.navigate(master.baseUrl() + "/manifest.webmanifest"); // the app's origin, without the app
        app.page.evaluate("""
                async () => {
                  await (await import('/words.js')).loadWords(); // as the app does before it draws anything
                  const { photoField } = await import('/photo.js');
                  window.photo = photoField({ name: 'door', label: 'Photo of the door', type: 'image' });
                  window.events = 0;
                  window.photo.element.addEventListener('input', () => window.events++);
                  document.body.replaceChildren(window.photo.element);
                }""");
    }

    private void choose(FilePayload file) {
        FileChooser chooser = app.page.waitForFileChooser(() ->
                app.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Choose file")).click());
        chooser.setFiles(file);
    }

    @Test
    void a_large_picture_is_kept_as_a_jpeg_of_at_most_1600_px_under_a_fresh_attachment_name() {
        choose(TestPhotos.png("door.png", 2400, 1800));

        assertThat(app.page.getByAltText("Photo for Photo of the door")).isVisible();
        @SuppressWarnings("unchecked")
        Map<String, Object> kept = (Map<String, Object>) app.page.evaluate(KEPT_PHOTO);
        assertThat((String) kept.get("name")).matches("[0-9a-f]{32}\\.jpg").satisfies(n -> assertThat(AttachmentName.isValid(n)).isTrue());
        assertThat(kept).containsEntry("type", "image/jpeg").containsEntry("width", 1600).containsEntry("height", 1200)
                .containsEntry("sent", false).containsEntry("count", 1);
        assertThat(((Number) kept.get("size")).intValue()).isBetween(1, 10 * 1024 * 1024);
        assertThat((Number) app.page.evaluate("window.events")).isEqualTo(1);
        assertThat(app.page.locator("input[capture=environment][accept='image/*']")).hasCount(1);
        app.assertNoScriptErrors();
    }

    @Test
    void remove_empties_the_answer_and_lets_the_photo_go_from_the_phone() {
        choose(TestPhotos.png("door.png", 800, 600));
        assertThat(app.page.getByAltText("Photo for Photo of the door")).isVisible();

        app.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove")).click();

        assertThat(app.page.getByAltText("Photo for Photo of the door")).isHidden();
        assertThat(app.page.locator(".photo-message")).hasText("No photo yet.");
        assertThat(app.page.evaluate("window.photo.value")).isNull();
        app.page.waitForFunction("""
                () => new Promise((resolve) => {
                  const open = indexedDB.open('lankit');
                  open.onsuccess = () => {
                    const count = open.result.transaction('attachments').objectStore('attachments').count();
                    count.onsuccess = () => { resolve(count.result === 0); open.result.close(); };
                  };
                })""");
        app.assertNoScriptErrors();
    }

    @Test
    void on_a_secure_page_the_kept_photo_is_sealed_and_still_shown() {
        choose(TestPhotos.png("door.png", 800, 600));
        assertThat(app.page.getByAltText("Photo for Photo of the door")).isVisible();
        String raw = (String) app.page.evaluate(PhoneStorage.RAW_RECORDS);
        // a JPEG from the canvas carries its JFIF marker in the clear; the sealed picture does not
        assertThat(raw).contains("attachments: {", "sealedPhoto: ").doesNotContain("JFIF").doesNotContain("blob: ");
        @SuppressWarnings("unchecked")
        Map<String, Object> kept = (Map<String, Object>) app.page.evaluate(KEPT_PHOTO);
        assertThat(kept).containsEntry("type", "image/jpeg").containsEntry("width", 800).containsEntry("height", 600);
        app.assertNoScriptErrors();
    }

    @Test
    void a_file_that_is_not_a_picture_is_named_and_leaves_the_answer_as_it_was() {
        choose(TestPhotos.png("door.png", 800, 600));
        assertThat(app.page.getByAltText("Photo for Photo of the door")).isVisible();
        String before = (String) app.page.evaluate("window.photo.value");

        choose(new FilePayload("notes.txt", "text/plain", "not a photo".getBytes(StandardCharsets.UTF_8)));
        assertThat(app.page.locator(".photo-message")).hasText(
                "\"notes.txt\" is not a picture. Take a photo or choose a JPEG or PNG file.");
        choose(new FilePayload("broken.jpg", "image/jpeg", "not a jpeg at all".getBytes(StandardCharsets.UTF_8)));
        assertThat(app.page.locator(".photo-message")).hasText(
                "\"broken.jpg\" could not be read as a picture. Take a photo or choose a JPEG or PNG file.");

        assertThat(app.page.evaluate("window.photo.value")).isEqualTo(before);
        assertThat(app.page.getByAltText("Photo for Photo of the door")).isVisible();
        app.assertNoScriptErrors();
    }

    @Test
    void a_value_set_by_the_form_shows_the_photo_the_phone_holds_and_says_when_it_was_sent() {
        choose(TestPhotos.png("door.png", 800, 600));
        assertThat(app.page.getByAltText("Photo for Photo of the door")).isVisible();
        String name = (String) app.page.evaluate("window.photo.value");
        app.page.evaluate("window.photo.value = null");
        assertThat(app.page.getByAltText("Photo for Photo of the door")).isHidden();

        app.page.evaluate("name => { window.photo.value = name; }", name);
        assertThat(app.page.getByAltText("Photo for Photo of the door")).isVisible();
        assertThat(app.page.locator(".photo-message")).hasText("Photo kept on this phone until it is sent.");
        app.page.evaluate("window.photo.value = '0123456789abcdef0123456789abcdef.jpg'");
        assertThat(app.page.locator(".photo-message")).hasText("The photo was sent to the coordinator's laptop.");
        assertThat(app.page.getByAltText("Photo for Photo of the door")).isHidden();
        app.assertNoScriptErrors();
    }

    /** A browser that cannot encode the canvas (toBlob gives nothing), as some do for large pictures. */
    private void withoutCanvasEncoding() {
        app.page.evaluate("() => { HTMLCanvasElement.prototype.toBlob = function (done) { done(null); }; }");
    }

    @Test
    void a_png_the_phone_cannot_make_smaller_is_kept_as_it_is_under_a_png_name() {
        withoutCanvasEncoding();
        FilePayload png = TestPhotos.png("door.png", 800, 600);
        choose(png);

        assertThat(app.page.getByAltText("Photo for Photo of the door")).isVisible();
        @SuppressWarnings("unchecked")
        Map<String, Object> kept = (Map<String, Object>) app.page.evaluate(KEPT_PHOTO);
        assertThat((String) kept.get("name")).matches("[0-9a-f]{32}\\.png");
        assertThat(kept).containsEntry("type", "image/png").containsEntry("size", png.buffer.length)
                .containsEntry("width", 800).containsEntry("height", 600);
        app.assertNoScriptErrors();
    }

    @Test
    void a_photo_too_large_to_send_is_named_with_its_size_and_not_kept() {
        withoutCanvasEncoding();
        FilePayload huge = TestPhotos.png("huge.png", 2400, 1800);
        assertThat(huge.buffer.length).as("a PNG over the master's 10 MiB").isGreaterThan(10 * 1024 * 1024);
        choose(huge);

        assertThat(app.page.locator(".photo-message")).hasText(String.format(java.util.Locale.ROOT,
                "This photo is too large to send (%.1f MB; at most 10 MB).", huge.buffer.length / (1024.0 * 1024)));
        assertThat(app.page.locator(".photo-message")).hasClass("photo-message field-error");
        assertThat(app.page.evaluate("window.photo.value")).isNull();
        assertThat((Number) app.page.evaluate("window.events")).isEqualTo(0);
        app.assertNoScriptErrors();
    }
}
