package org.lankit.secure;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.store.KitStore;
import org.lankit.sync.Entry;
import org.lankit.testkit.LanNamespaces;
import org.lankit.testkit.NamespacedMaster;
import org.lankit.testkit.NamespacedPhone;
import org.lankit.testkit.StoreDump;

/**
 * A phone that joined over plain http, with entries waiting while the master was off, is set up
 * for offline use and moves to the secure page without losing or doubling an entry.
 */
class SecurePhoneMoveIT {

    private static final List<String> WAITING = List.of("Waiting first", "Waiting second", "Waiting third");

    @TempDir
    Path dataDir;
    @TempDir
    Path workDir;
    @TempDir
    Path phoneDir;

    @Test
    void a_phone_with_three_entries_waiting_over_http_moves_to_https_and_the_master_gets_each_once_under_its_device_id() throws Exception {
        String deviceId = moveAPhoneWithThreeWaitingEntries(false);

        assertMasterHasEachWaitingEntryOnceFrom(deviceId);
    }

    @Test
    void when_the_last_push_over_http_does_not_get_through_the_waiting_entries_travel_with_the_phone_to_https() throws Exception {
        String deviceId = moveAPhoneWithThreeWaitingEntries(true);

        assertMasterHasEachWaitingEntryOnceFrom(deviceId);
    }

    /**
     * The story up to the move; {@code lastPushFails} cuts the plain page's pushes during the move,
     * as when the WiFi drops at that moment. Returns the phone's device id from when it joined.
     */
    private String moveAPhoneWithThreeWaitingEntries(boolean lastPushFails) throws Exception {
        String deviceId;
        try (LanNamespaces lan = LanNamespaces.create(); NamespacedPhone phone = NamespacedPhone.create(lan, phoneDir)) {
            try (NamespacedMaster master = NamespacedMaster.start(lan, lan.masterAddress(), dataDir, workDir)) {
                PhoneScreen plain = PhoneScreen.open(phone.openTab(), master.joinUrl()).join("Amina");
                deviceId = plain.deviceId();
                assertThat(master.stop()).as("exit code after SIGTERM").isIn(0, 143);
                for (String respondent : WAITING) plain.saveHousehold(respondent, "2");
                plain.openEntries();
                for (String respondent : WAITING) assertThat(plain.badge(respondent)).hasText("Waiting");
                phone.closeBrowser();
            }

            try (NamespacedMaster master = NamespacedMaster.start(lan, lan.masterAddress(), dataDir, workDir)) {
                Page setup = phone.openTab();
                setup.navigate(master.setupPageUrl());
                Download download = setup.waitForDownload(() -> setup.getByRole(AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Download the certificate")).click());
                phone.trustKitCertificate(Files.readAllBytes(download.path()));

                PhoneScreen screen = PhoneScreen.open(phone.openTab(), master.setupPageUrl());
                AtomicInteger cutPushes = new AtomicInteger();
                if (lastPushFails) {
                    screen.page.route("http://" + lan.masterAddress() + ":8377/api/v1/sync/push", route -> {
                        cutPushes.incrementAndGet();
                        route.abort("internetdisconnected");
                    });
                }
                screen.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check")).click();
                screen.page.waitForURL(Pattern.compile("^https://" + Pattern.quote(lan.masterAddress()) + ":8378/.*"));
                assertThat(screen.page.locator("#entry-form")).isVisible();
                assertThat(screen.page.url()).as("the handover leaves the address bar at once").doesNotContain("#");
                assertThat(screen.isSecureContext()).isTrue();
                assertThat(screen.deviceId()).as("the device id on the secure page").isEqualTo(deviceId);
                screen.openEntries();
                for (String respondent : WAITING) assertThat(screen.badge(respondent)).hasText("Synced");
                assertThat(screen.pageErrors).as("uncaught errors in the page").isEmpty();
                if (lastPushFails) assertThat(cutPushes.get()).as("pushes the plain page tried during the move").isPositive();
                phone.closeBrowser();
                assertThat(master.stop()).as("exit code after SIGTERM").isIn(0, 143);
            }
        }
        return deviceId;
    }

    private void assertMasterHasEachWaitingEntryOnceFrom(String deviceId) {
        try (KitStore store = KitStore.open(dataDir)) {
            List<Entry> entries = StoreDump.entries(store);
            assertThat(entries).extracting(e -> e.fields().get("respondent").value().asText())
                    .containsExactlyInAnyOrderElementsOf(WAITING);
            assertThat(entries).extracting(Entry::uuid).doesNotHaveDuplicates();
            assertThat(entries).extracting(Entry::createdBy).containsOnly(deviceId);
            assertThat(store.devices().all()).as("devices paired with the master").hasSize(1);
        }
    }
}
