package org.lankit.pwa;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.lankit.testkit.Eventually;
import org.lankit.testkit.RunningMaster;

/**
 * Wakes the phone's service worker for its background push, as the browser would once it sees the
 * network come back: the test says when, through DevTools, with the app's pages closed.
 */
final class BackgroundSync {

    private BackgroundSync() {
    }

    static void fire(BrowserContext phone, RunningMaster master) {
        Page blank = phone.newPage();
        CDPSession devtools = phone.newCDPSession(blank);
        List<String> registrations = new CopyOnWriteArrayList<>();
        devtools.on("ServiceWorker.workerRegistrationUpdated", event -> {
            for (JsonElement r : event.getAsJsonArray("registrations")) {
                JsonObject registration = r.getAsJsonObject();
                if (registration.get("scopeURL").getAsString().startsWith(master.baseUrl())) {
                    registrations.add(registration.get("registrationId").getAsString());
                }
            }
        });
        devtools.send("ServiceWorker.enable");
        // Playwright hands over events only while it is called
        Eventually.within(Duration.ofSeconds(10), "the phone's service worker registration", () -> {
            blank.waitForTimeout(50);
            return !registrations.isEmpty();
        });
        JsonObject sync = new JsonObject();
        sync.addProperty("origin", master.baseUrl());
        sync.addProperty("registrationId", registrations.get(0));
        sync.addProperty("tag", "lankit-push");
        sync.addProperty("lastChance", false);
        devtools.send("ServiceWorker.dispatchSyncEvent", sync);
    }
}
