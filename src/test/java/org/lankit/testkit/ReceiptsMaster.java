package org.lankit.testkit;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.lankit.hub.Hub;
import org.lankit.hub.HubConfig;
import org.lankit.hub.MasterIdentity;
import org.lankit.hub.UpstreamView;
import org.lankit.pairing.JoinCodes;
import org.lankit.store.KitStore;
import org.lankit.sync.HlcClock;
import org.lankit.sync.Protocol.UpstreamStatus;
import org.lankit.upstream.UploadReceipts;

/**
 * A real hub (store in a temp folder, 127.0.0.1, port 0, plain HTTP) whose second receipt the
 * test sets, as an uploader would hand it over: devices see the receipts in {@code /status} and
 * hear on the live socket that they moved. Phones join it with {@link #JOIN_CODE}. For receipts
 * that come from a real upload, use {@link RunningMaster} with a {@link FakeTeamApi}. Always close it.
 */
public final class ReceiptsMaster implements AutoCloseable {

    public static final String JOIN_CODE = RunningMaster.JOIN_CODE;
    private static final String DEVICE_ID = "5e1ec7ed0001";

    private final KitStore store;
    private final Hub hub;
    private final AtomicReference<UploadReceipts> receipts;

    private ReceiptsMaster(KitStore store, Hub hub, AtomicReference<UploadReceipts> receipts) {
        this.store = store;
        this.hub = hub;
        this.receipts = receipts;
    }

    public static ReceiptsMaster start(Path dataDir) {
        KitStore store = KitStore.open(dataDir);
        try {
            store.forms().installDefaultIfEmpty();
            AtomicReference<UploadReceipts> receipts = new AtomicReference<>(UploadReceipts.NONE);
            UpstreamView upstream = new UpstreamView(() -> new UpstreamStatus("idle", 0, 0, 0, null), receipts::get, () -> 0);
            Hub hub = Hub.start(store, new MasterIdentity(DEVICE_ID, "Test team", "0.1.0", HlcClock.system(DEVICE_ID)),
                    HubConfig.defaults().withAddress("127.0.0.1", 0).withAnnouncement(false),
                    () -> new JoinCodes(JOIN_CODE, "LAPTOP-CODE"), upstream, Optional.empty());
            return new ReceiptsMaster(store, hub, receipts);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** What the team's server holds from now on: every entry up to {@code through}, except {@code refused}. */
    public void receipts(long through, List<String> refused) {
        receipts.set(new UploadReceipts(through, refused));
        hub.receiptsChanged();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + hub.port();
    }

    public KitStore store() {
        return store;
    }

    public Hub hub() {
        return hub;
    }

    @Override
    public void close() {
        hub.close();
        store.close();
    }
}
