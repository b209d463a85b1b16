package org.lankit.testkit;

import java.util.List;
import java.util.Map;
import org.lankit.store.KitStore;
import org.lankit.upstream.ApiSettings;
import org.lankit.upstream.ApiTarget;
import org.lankit.upstream.TargetKind;
import org.lankit.upstream.TargetSettings;

/**
 * Puts a team server's answers about entries straight into a master's store, as its uploader
 * records them, for tests of what depends on them (retention, the panel) rather than of uploading.
 */
public final class TeamServerReceipts {

    private TeamServerReceipts() {
    }

    /** Sets up the JSON API at {@code url} as the master's one server (slot main), unless one is set up. */
    public static void serverAt(KitStore store, String url) {
        if (!ApiSettings.load(store).isEmpty()) return;
        ApiTarget api = ApiTarget.of(url, null).orElseThrow();
        ApiSettings.save(store, List.of(new TargetSettings(TargetSettings.MAIN, TargetKind.JSON, api, Map.of())));
    }

    /** The server took the entry as it is now. */
    public static void held(KitStore store, String uuid) {
        serverAt(store, "http://127.0.0.1:9/unused");
        long seq = store.find(uuid).orElseThrow().entry().seq();
        store.write(w -> {
            store.deliveries().delivered(TargetSettings.MAIN, uuid, seq, null);
            return null;
        });
    }

    /** The server refused the entry as it is now, for {@code why}. */
    public static void refused(KitStore store, String uuid, String why) {
        serverAt(store, "http://127.0.0.1:9/unused");
        long seq = store.find(uuid).orElseThrow().entry().seq();
        store.write(w -> {
            store.deliveries().refused(TargetSettings.MAIN, uuid, seq, why);
            return null;
        });
    }
}
