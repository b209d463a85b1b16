package org.lankit.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.lankit.app.ClientKit;
import org.lankit.app.KitOptions;
import org.lankit.app.Role;
import org.lankit.store.KitStore;
import org.lankit.sync.DefaultForm;
import org.lankit.sync.Entry;

/** A client laptop in this JVM: its own store in a temp folder, syncing with a master; always close it. */
public final class RunningClient implements AutoCloseable {

    private final KitStore store;
    private final ClientKit kit;

    private RunningClient(KitStore store, ClientKit kit) {
        this.store = store;
        this.kit = kit;
    }

    /**
     * Pairs with the master on first start, with the laptop join code shown on its screen; later
     * starts reconnect with what the store remembers.
     */
    public static RunningClient start(Path dataDir, RunningMaster master, String name) throws IOException {
        return start(dataDir, master.baseUrl(), name, master.kit().laptopJoinCode());
    }

    /** As above, with the code the laptop types (e.g. the laptop join code, which pins the kit). */
    public static RunningClient start(Path dataDir, String masterUrl, String name, String joinCode) throws IOException {
        KitStore store = KitStore.open(dataDir);
        try {
            KitOptions options = new KitOptions(true, Role.CLIENT, null, dataDir, name, joinCode, masterUrl, null, null);
            return new RunningClient(store, ClientKit.start(store, options));
        } catch (IOException | RuntimeException e) {
            store.close();
            throw e;
        }
    }

    public KitStore store() {
        return store;
    }

    public ClientKit kit() {
        return kit;
    }

    /** Types a household visit on this laptop. */
    public Entry saveHousehold(String respondent, int size) {
        Map<String, JsonNode> values = Map.of("respondent", TextNode.valueOf(respondent), "household_size", IntNode.valueOf(size));
        return kit.sync().entries().create(store.forms().latest(DefaultForm.ID).orElseThrow(), values);
    }

    @Override
    public void close() {
        kit.close();
        store.close();
    }
}
