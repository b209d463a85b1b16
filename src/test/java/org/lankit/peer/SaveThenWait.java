package org.lankit.peer;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.lankit.store.KitStore;
import org.lankit.sync.DefaultForm;

/**
 * A client process for the kill test: saves entries while the master is away, says so, and waits
 * to be killed. Run by {@link ClientLaptopSyncTest} in a child JVM.
 */
public final class SaveThenWait {

    static final String SAVED = "SAVED";

    private SaveThenWait() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        KitStore store = KitStore.open(dataDir);
        PeerLink link = PeerLink.load(store).orElseThrow();
        PeerSync sync = new PeerSync(store, link, Duration.ofMillis(200), Duration.ofSeconds(1));
        sync.start();
        var form = store.forms().latest(DefaultForm.ID).orElseThrow();
        LocalEntries entries = sync.entries();
        for (int i = 0; i < count; i++) {
            entries.create(form, Map.of("respondent", TextNode.valueOf("Killed " + i), "household_size", IntNode.valueOf(2)));
        }
        System.out.println(SAVED);
        System.out.flush();
        Thread.sleep(120_000);
    }
}
