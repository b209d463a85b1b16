package org.lankit.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.lankit.backup.BackupUnlock;
import org.lankit.hub.HubConfig;
import org.lankit.store.KitStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kit from launch to stop, the same for the control panel and headless: the options, the
 * claim on the data folder (one running kit per folder), the store, the role, the master (hub,
 * uploader, discovery, backups) or the client's sync, and the shutdown in order. The window, when
 * there is one, only shows what this starts and asks the coordinator what this needs to know.
 * Blocking steps: call them off the event thread.
 */
public final class KitLifecycle implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KitLifecycle.class);

    private volatile KitOptions options;
    private final HubConfig hubConfig;
    private boolean claimed;
    private SingleInstance instance;
    private volatile KitStore store;
    private volatile MasterKit master;
    private volatile ClientKit client;
    private volatile KitWindow window;
    private boolean closed;

    /** A kit on the command line's options, listening where they say ({@code --bind}, else every adapter). */
    public KitLifecycle(KitOptions options) {
        this(options, HubConfig.defaults());
    }

    /** The same with the hub's limits and announcement from {@code limits} (tests); the address still comes from the options. */
    public KitLifecycle(KitOptions options, HubConfig limits) {
        this.options = options;
        this.hubConfig = limits.withAddress(options.bind() != null ? options.bind() : HubConfig.ALL_ADDRESSES, 0);
    }

    public KitOptions options() {
        return options;
    }

    public Path dataDir() {
        return options.dataDir();
    }

    /** Where the hub listens: {@code --bind}'s address, or every adapter. */
    public HubConfig hubConfig() {
        return hubConfig;
    }

    /** Another launch runs this data folder: {@code line} says so in words; {@code windowShown} when its window came forward. */
    public record AlreadyRunning(boolean windowShown, String line) {
    }

    /**
     * Takes the data folder for this launch. Empty when it is now this launch's (or cannot be
     * guarded: the store then says why the folder is unusable); else what the running launch did.
     */
    public synchronized Optional<AlreadyRunning> claim() {
        if (claimed) return Optional.empty();
        SingleInstance.Claim claim = SingleInstance.claim(dataDir(), this::answerSecondLaunch);
        if (claim instanceof SingleInstance.Taken) return Optional.of(alreadyRunning());
        claimed = true;
        if (claim instanceof SingleInstance.Mine mine) instance = mine.instance();
        if (claim instanceof SingleInstance.Unguarded unguarded) {
            LOG.debug("a second launch on {} cannot be turned away: {}", dataDir(), unguarded.why());
        }
        return Optional.empty();
    }

    /** Asks the launch that holds the folder to show itself, and says what it did. */
    private AlreadyRunning alreadyRunning() {
        return SingleInstance.ask(dataDir())
                .map(a -> a.windowShown()
                        ? new AlreadyRunning(true, "Lankit is already open with this data folder: its window is now in front.")
                        : new AlreadyRunning(false, "Lankit is already running with this data folder: " + a.where() + "."))
                .orElse(new AlreadyRunning(false, "Lankit is already running with the data folder " + dataDir()
                        + " but did not answer; wait until it has started, or close it first."));
    }

    /** Shows {@code shown} when a second launch asks for the kit. */
    public void shownIn(KitWindow shown) {
        this.window = shown;
    }

    /** Opens the data folder (claiming it first when {@link #claim} was not called). */
    public KitStore openStore() {
        Optional<AlreadyRunning> running = claim();
        if (running.isPresent()) throw new IllegalStateException(running.get().line());
        KitStore opened = KitStore.open(dataDir());
        store = opened;
        return opened;
    }

    public KitStore store() {
        return store;
    }

    /** The role the command line gives, else the remembered one; empty on a first start, where the window asks. */
    public Optional<Role> role() {
        return Optional.ofNullable(options.role()).or(() -> new KitChoices(store).role());
    }

    public void remember(Role role) {
        new KitChoices(store).role(role);
    }

    /** The name a new team is offered: {@code --name}, else the remembered one, else the computer's name. */
    public String suggestedTeamName() {
        return Optional.ofNullable(options.name()).or(() -> new KitChoices(store).teamName()).orElseGet(MasterKit::computerName);
    }

    /** The coordinator started a team under {@code name}: remembered with the role, used by the master about to start. */
    public void startTeam(String name) {
        KitChoices choices = new KitChoices(store);
        choices.teamName(name);
        choices.role(Role.MASTER);
        options = options.withName(name);
    }

    /** Starts the master on {@link #hubConfig}; closed with the kit. */
    public MasterKit startMaster() {
        MasterKit started = MasterKit.start(store, options, hubConfig);
        master = started;
        return started;
    }

    /** The running master, or null. */
    public MasterKit master() {
        return master;
    }

    /** Starts (or pairs and starts) the client's sync, as {@code --master} and {@code --join-code} say; headless. */
    public ClientKit startClient() throws IOException {
        ClientKit started = ClientKit.start(store, options);
        client = started;
        return started;
    }

    /** A new laptop takes the lost master's place from its backup (see {@link TeamRestore}). */
    public String restoreTeam(Path backup, BackupUnlock unlock) {
        return TeamRestore.restore(store, backup, unlock);
    }

    /** This client laptop takes over as the team's master; {@link #startMaster} then starts it as the master. */
    public Promotion.Promoted takeOver() {
        Promotion.Promoted promoted = Promotion.promote(store);
        options = options.asPromoted();
        return promoted;
    }

    /** Stops what runs (master or client), then the store, then gives up the folder. Once. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        window = null;
        if (master != null) master.close();
        if (client != null) client.close();
        if (store != null) store.close();
        if (instance != null) instance.close();
    }

    /** What a second launch on this folder is told, on the listener's thread. */
    private SingleInstance.Answer answerSecondLaunch() {
        KitWindow shown = window;
        if (shown != null) {
            shown.bringToFront();
            return new SingleInstance.Answer(true, "");
        }
        MasterKit running = master;
        return new SingleInstance.Answer(false, running != null ? "phones join at " + running.joinUrl()
                : "its data folder is " + dataDir());
    }
}
