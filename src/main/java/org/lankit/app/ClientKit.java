package org.lankit.app;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import org.lankit.peer.PeerLink;
import org.lankit.peer.PeerSync;
import org.lankit.store.KitStore;

/**
 * A running client laptop: its own store, paired once with a master (remembered across restarts),
 * and the sync loop that keeps both sides equal.
 */
public final class ClientKit implements AutoCloseable {

    private final KitStore store;
    private final PeerSync sync;

    private ClientKit(KitStore store, PeerSync sync) {
        this.store = store;
        this.sync = sync;
    }

    /**
     * Starts syncing with the remembered master, or pairs first when the options name a master
     * and join code (a different master than the remembered one means joining that team instead).
     */
    public static ClientKit start(KitStore store, KitOptions options) throws IOException {
        Optional<PeerLink> remembered = PeerLink.load(store.settings());
        PeerLink link;
        boolean otherMaster = options.masterUrl() != null
                && remembered.map(l -> !sameAddress(l.masterUrl(), options.masterUrl())).orElse(true);
        if (otherMaster) {
            if (options.joinCode() == null) throw new NotPairedException("--join-code is needed to join " + options.masterUrl());
            link = PeerLink.pair(options.masterUrl(), options.joinCode(), options.name() != null ? options.name() : hostName());
            link.save(store.settings());
        } else {
            link = remembered.orElseThrow(() -> new NotPairedException(
                    "this laptop has not joined a team yet: start it with --master URL --join-code CODE"));
            Optional<PeerLink> secured = link.movedToHttps();
            if (secured.isPresent()) {
                link = secured.get();
                link.save(store.settings());
            }
        }
        store.settings().put(SettingKeys.ROLE, Role.CLIENT.name());
        PeerSync sync = new PeerSync(store, link, Duration.ofMillis(500), Duration.ofSeconds(30));
        if (otherMaster) sync.refreshForms(); // a new member can type entries at once, even offline later
        sync.start();
        return new ClientKit(store, sync);
    }

    public KitStore store() {
        return store;
    }

    public PeerSync sync() {
        return sync;
    }

    @Override
    public void close() {
        sync.close();
    }

    private static boolean sameAddress(String a, String b) {
        return a.replaceAll("/+$", "").equalsIgnoreCase(b.replaceAll("/+$", ""));
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "Laptop";
        }
    }

    /** The client cannot start syncing: it has no master yet. */
    public static final class NotPairedException extends IllegalStateException {
        public NotPairedException(String message) {
            super(message);
        }
    }
}
