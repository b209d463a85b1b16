package org.lankit.app;

import java.io.IOException;
import java.net.URI;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import org.lankit.peer.KnownTeam;
import org.lankit.peer.MasterClient;
import org.lankit.peer.MasterError;
import org.lankit.peer.PeerLink;
import org.lankit.peer.PeerSync;
import org.lankit.store.KitStore;
import org.lankit.store.TeamIdentity;

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
        Optional<PeerLink> remembered = PeerLink.load(store);
        PeerLink link;
        boolean otherMaster = options.masterUrl() != null
                && remembered.map(l -> !sameMaster(l, options.masterUrl())).orElse(true);
        Optional<PeerLink> moved = otherMaster && remembered.isPresent() && options.joinCode() == null
                ? sameTeamAt(remembered.get(), options.masterUrl(), store) : Optional.empty();
        if (moved.isPresent()) {
            link = moved.get();
            link.save(store);
        } else if (otherMaster) {
            if (options.joinCode() == null) throw new NotPairedException("--join-code is needed to join " + options.masterUrl());
            link = PeerLink.pair(options.masterUrl(), options.joinCode(), options.name() != null ? options.name() : hostName());
            link.save(store);
            KnownTeam.forget(store.settings()); // another team's epoch must not reach this one's master
        } else {
            link = remembered.orElseThrow(() -> new NotPairedException(
                    "this laptop has not joined a team yet: start it with --master URL --join-code CODE"));
            Optional<PeerLink> secured = link.movedToHttps();
            if (secured.isPresent()) {
                link = secured.get();
                link.save(store);
            }
        }
        store.settings().put(SettingKeys.ROLE, Role.CLIENT.name());
        PeerSync sync = new PeerSync(store, link, Duration.ofMillis(500), Duration.ofSeconds(30));
        if (otherMaster) takeFormsIfAllowed(sync);
        sync.start();
        ClassDataArchive.writeSoonIfAsked();
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

    /**
     * A new member takes the forms at once, so it can type entries even offline later. A laptop
     * that joined with the phones' code waits for the coordinator's approval first: its sync loop
     * takes the forms once approved.
     */
    private static void takeFormsIfAllowed(PeerSync sync) throws IOException {
        try {
            sync.refreshForms();
        } catch (MasterError e) {
            if (!"awaiting_approval".equals(e.error())) throw e;
        }
    }

    /**
     * Whether {@code url} names the master this laptop joined. The link may hold the master's
     * secure address while the command line names its plain one: on the same host, the master's
     * own id decides; when it cannot be asked now, the laptop stays with the team it joined.
     */
    private static boolean sameMaster(PeerLink link, String url) {
        if (normalised(link.masterUrl()).equalsIgnoreCase(normalised(url))) return true;
        URI known = URI.create(link.masterUrl());
        URI given = URI.create(url);
        if (known.getHost() == null || !known.getHost().equalsIgnoreCase(given.getHost())) return false;
        try {
            return link.masterId().equals(new MasterClient(url, null).info().deviceId());
        } catch (IOException | MasterError cannotTell) {
            return true;
        }
    }

    /** The team's master at a new address (moved, or another laptop took over): this laptop keeps its token. */
    private static Optional<PeerLink> sameTeamAt(PeerLink link, String url, KitStore store) throws IOException {
        Optional<TeamIdentity> known = KnownTeam.load(store.settings());
        return known.isEmpty() ? Optional.empty() : link.movedTo(url, known.get());
    }

    private static String normalised(String url) {
        return url.replaceAll("/+$", "");
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
