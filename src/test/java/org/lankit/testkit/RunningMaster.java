package org.lankit.testkit;

import java.io.IOException;
import java.nio.file.Path;
import org.lankit.app.KitOptions;
import org.lankit.app.MasterKit;
import org.lankit.hub.HubConfig;
import org.lankit.peer.MasterClient;
import org.lankit.store.KitStore;
import org.lankit.sync.Protocol.PairResponse;

/** A real master (store in a temp folder, hub on 127.0.0.1, port 0) for tests; always close it. */
public final class RunningMaster implements AutoCloseable {

    public static final String JOIN_CODE = "TEST-CODE";

    private final KitStore store;
    private final MasterKit kit;

    private RunningMaster(KitStore store, MasterKit kit) {
        this.store = store;
        this.kit = kit;
    }

    public static RunningMaster start(Path dataDir) {
        return start(dataDir, 0, HubConfig.defaults().withAnnouncement(false));
    }

    /** A master with the given limits; it announces itself (on loopback only) if the config says so. */
    public static RunningMaster start(Path dataDir, int port, HubConfig hubConfig) {
        return start(KitStore.open(dataDir), dataDir, port, hubConfig);
    }

    /** A master whose database may not grow past {@code maxSizeKByte}: a small disk that fills up. */
    public static RunningMaster startWithStoreLimit(Path dataDir, int port, HubConfig hubConfig, long maxSizeKByte) {
        return start(KitStore.open(dataDir, System::currentTimeMillis, maxSizeKByte), dataDir, port, hubConfig);
    }

    /** A master on a store opened by the caller (the sealing benchmark opens a plain one); it closes the store. */
    public static RunningMaster start(KitStore store, Path dataDir, int port, HubConfig hubConfig) {
        try {
            KitOptions options = new KitOptions(true, null, port, dataDir, "Test team", JOIN_CODE, null, null, null).withBind("127.0.0.1");
            return new RunningMaster(store, MasterKit.start(store, options, hubConfig.withAddress("127.0.0.1", port)));
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** A master the test started itself (e.g. with a team server, or after a take-over), closed with its store. */
    public static RunningMaster of(KitStore store, MasterKit kit) {
        return new RunningMaster(store, kit);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + kit.hub().port();
    }

    public int port() {
        return kit.hub().port();
    }

    /** The same master over HTTPS, signed by its kit authority. */
    public String secureBaseUrl() {
        return "https://127.0.0.1:" + kit.hub().httpsPort().orElseThrow();
    }

    public KitStore store() {
        return store;
    }

    public MasterKit kit() {
        return kit;
    }

    /** A device paired with this master: its client already carries the token. */
    public PairedDevice pair(String name) throws IOException {
        MasterClient client = new MasterClient(baseUrl(), null);
        PairResponse paired = client.pair(JOIN_CODE, name, "phone");
        return new PairedDevice(paired.deviceId(), paired.token(), client);
    }

    @Override
    public void close() {
        kit.close();
        store.close();
    }
}
