package org.lankit.app;

import io.javalin.util.JavalinBindException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.lankit.backup.BackupOrigin;
import org.lankit.backup.BackupScheduler;
import org.lankit.backup.BackupSettings;
import org.lankit.backup.RecoveryKey;
import org.lankit.backup.RecoveryKeys;
import org.lankit.hub.Hub;
import org.lankit.hub.HubConfig;
import org.lankit.hub.MasterIdentity;
import org.lankit.hub.SuccessionSource;
import org.lankit.hub.Supersession;
import org.lankit.hub.Supersession.Superseded;
import org.lankit.hub.UpstreamView;
import org.lankit.pairing.JoinCode;
import org.lankit.pairing.JoinCodes;
import org.lankit.pairing.JoinUrl;
import org.lankit.pairing.LanAddress;
import org.lankit.pairing.MasterAnnouncer;
import org.lankit.pairing.Tokens;
import org.lankit.secure.CaPin;
import org.lankit.secure.CertificateRenewal;
import org.lankit.secure.KitAuthority;
import org.lankit.secure.ServerIdentity;
import org.lankit.secure.ServerNames;
import org.lankit.store.KitStore;
import org.lankit.store.Settings;
import org.lankit.sync.HlcClock;
import org.lankit.upstream.ApiSettings;
import org.lankit.upstream.KitRef;
import org.lankit.upstream.TargetSettings;
import org.lankit.upstream.UploaderConfig;
import org.lankit.upstream.Uploads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running master: the store, its identity and join code, the kit authority, and the hub serving
 * phones and clients over HTTP and HTTPS. Remembers its device id, join code and ports across
 * restarts.
 */
public final class MasterKit implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MasterKit.class);
    /**
     * Set by the test build (and so inherited by every kit a test starts as a process): a master
     * listening on every address would answer and announce itself on the machine's real network.
     */
    static final String TEST_GUARD = "LANKIT_TEST_NETWORK_GUARD";

    private final KitStore store;
    private final MasterIdentity identity;
    private final Hub hub;
    private final String listenHost;
    private final MasterAnnouncer announcer;
    private final Uploads uploader;
    private final BackupScheduler backups;
    private final KitAuthority authority;
    private final CertificateRenewal renewal;
    private final Optional<String> startNotice;
    private final Optional<RecoveryKey> newRecoveryKey;
    private final Supersession supersession;
    private final TakeOverDuties duties;
    private volatile JoinCodes codes;

    private MasterKit(KitStore store, MasterIdentity identity, Hub hub, String listenHost, MasterAnnouncer announcer,
                      Uploads uploader, BackupScheduler backups, KitAuthority authority, CertificateRenewal renewal,
                      JoinCodes codes, Optional<String> startNotice, Optional<RecoveryKey> newRecoveryKey,
                      Supersession supersession, TakeOverDuties duties) {
        this.store = store;
        this.identity = identity;
        this.hub = hub;
        this.listenHost = listenHost;
        this.announcer = announcer;
        this.uploader = uploader;
        this.backups = backups;
        this.authority = authority;
        this.renewal = renewal;
        this.codes = codes;
        this.startNotice = startNotice;
        this.newRecoveryKey = newRecoveryKey;
        this.supersession = supersession;
        this.duties = duties;
    }

    /**
     * Starts the master on an open store. {@code hubConfig}'s ports are replaced by the options, the
     * remembered ports, or the defaults, in that order (with {@code --port 0} and no remembered
     * secure port, any free one).
     */
    public static MasterKit start(KitStore store, KitOptions options, HubConfig hubConfig) {
        return start(store, options, hubConfig, UploaderConfig.defaults());
    }

    /** The same, with the uploader's batching and retry timing (tests use short waits). */
    public static MasterKit start(KitStore store, KitOptions options, HubConfig hubConfig, UploaderConfig uploaderConfig) {
        if (hubConfig.listensEverywhere() && System.getenv(TEST_GUARD) != null) throw CannotListenException.everyAddressInATest();
        Settings settings = store.settings();
        store.forms().installDefaultIfEmpty();
        String deviceId = remembered(settings, SettingKeys.DEVICE_ID, Tokens::newDeviceId);
        String name = options.name() != null ? options.name()
                : settings.get(SettingKeys.TEAM_NAME).orElseGet(MasterKit::computerName);
        settings.put(SettingKeys.TEAM_NAME, name);
        JoinCodeSecrets joinCodes = new JoinCodeSecrets(store.secrets());
        String chosen = options.joinCode() != null ? options.joinCode() : joinCodes.phone().orElse(null);
        Optional<String> weakness = chosen == null ? Optional.empty() : JoinCode.weakness(chosen);
        String code = chosen != null && weakness.isEmpty() ? chosen : JoinCode.random();
        Optional<String> notice = weakness.map(why -> "The join code was too weak (" + why + "): phones now join with "
                + code + ".");
        notice.ifPresent(LOG::warn);
        String laptopCode = joinCodes.laptop().orElseGet(JoinCode::random);
        joinCodes.keep(new JoinCodes(code, laptopCode));

        int port = options.port() != null ? options.port()
                : settings.get(SettingKeys.PORT).map(Integer::parseInt).orElse(KitOptions.DEFAULT_PORT);
        int httpsPort = options.httpsPort() != null ? options.httpsPort()
                : settings.get(SettingKeys.HTTPS_PORT).map(Integer::parseInt).orElse(port == 0 ? 0 : KitOptions.DEFAULT_HTTPS_PORT);
        KitAuthority authority = KitAuthority.openOrCreate(store.dataDir(), store.dataKey(), name);
        String computerName = computerName();
        Supplier<ServerNames> names = () -> serverNames(hubConfig, computerName);
        ServerIdentity serverIdentity = authority.serverIdentity(names.get());
        MasterIdentity identity = new MasterIdentity(deviceId, name, Version.current(), HlcClock.system(deviceId));
        MasterKit[] self = new MasterKit[1];
        Supersession supersession = new Supersession(store);
        // a master replaced by a take-over leaves the team's servers to its successor
        Uploads uploader = supersession.current().isPresent() ? Uploads.stopped(store, new KitRef(deviceId, name), uploaderConfig)
                : Uploads.start(store, new KitRef(deviceId, name), commandLineTarget(options, store), uploaderConfig);
        supersession.current().ifPresent(s -> LOG.warn("this laptop is the team's former master: {}", s.explanation()));
        if (options.retryFailed()) uploader.retryFailed();
        Hub hub;
        try {
            hub = Hub.start(store, identity, hubConfig.withAddress(hubConfig.host(), port).withHttpsPort(httpsPort),
                    () -> self[0].codes, upstreamView(uploader), Optional.of(serverIdentity), supersession);
        } catch (JavalinBindException e) {
            uploader.close();
            throw boundNowhere(e) ? CannotListenException.notThisComputer(hubConfig.host())
                    : CannotListenException.portInUse(port, httpsPort);
        }
        // devices read the receipts when they connect: moves before this point reach them that way
        uploader.onReceiptsChanged(hub::receiptsChanged);
        if (port != 0) settings.put(SettingKeys.PORT, Integer.toString(port));
        // kept even when chosen freely: laptops and phones remember the secure address they joined
        settings.put(SettingKeys.HTTPS_PORT, Integer.toString(hub.httpsPort().orElseThrow()));
        CertificateRenewal renewal = CertificateRenewal.start(authority, serverIdentity, names, hub::useServerIdentity);
        String host = hubConfig.listensEverywhere() ? LanAddress.bestHost() : hubConfig.host();
        MasterAnnouncer announcer = hubConfig.announce() ? announce(host, name, hub.port(), deviceId) : null;
        // before the first backup: a backup nobody can open elsewhere is worth nothing
        Optional<RecoveryKey> recoveryKey = RecoveryKeys.makeIfMissing(store);
        BackupScheduler backups = BackupScheduler.start(store, new BackupOrigin(name, deviceId, Version.current()),
                BackupSettings.read(settings, store.dataDir()));
        supersession.onChanged(s -> {
            LOG.warn("this master was replaced: {}", s.explanation());
            uploader.close();
        });
        SuccessionSource succession = new SuccessionSource(store, identity, () -> self[0].codes);
        TakeOverDuties duties = new TakeOverDuties(store, supersession, succession::selfToken, authority.pin().pin(),
                "https://" + host + ":" + hub.httpsPort().orElseThrow());
        self[0] = new MasterKit(store, identity, hub, hubConfig.host(), announcer, uploader, backups, authority, renewal,
                new JoinCodes(code, laptopCode), notice, recoveryKey, supersession, duties);
        LOG.info("master {} serving on port {} and securely on {}", deviceId, hub.port(), hub.httpsPort().orElseThrow());
        ClassDataArchive.writeSoonIfAsked();
        return self[0];
    }

    public KitStore store() {
        return store;
    }

    /**
     * The team's recovery key when this start made it (a new team, or the first start of a version
     * with encrypted backups): to be shown to the coordinator now, never again.
     */
    public Optional<RecoveryKey> newRecoveryKey() {
        return newRecoveryKey;
    }

    public Hub hub() {
        return hub;
    }

    /** The uploads to the team's servers: status, settings, "Test connection", "Retry failed", receipts. */
    public Uploads uploads() {
        return uploader;
    }

    /**
     * Slot {@code main} as the command line gives it ({@code --api-*}), laid over the remembered
     * one; empty when the command line says nothing about it.
     */
    private static Optional<TargetSettings> commandLineTarget(KitOptions options, KitStore store) {
        return options.api().over(ApiSettings.load(store).stream().filter(t -> t.id().equals(TargetSettings.MAIN)).findFirst());
    }

    /** Set once another laptop took over as the team's master: this one refuses writes and hands its entries over. */
    public Optional<Superseded> superseded() {
        return supersession.current();
    }

    /** Called (on a server thread) when this master learns it was replaced, or where its successor is. */
    public void onSuperseded(Consumer<Superseded> listener) {
        supersession.onChanged(listener);
    }

    TakeOverDuties takeOverDuties() {
        return duties;
    }

    public MasterIdentity identity() {
        return identity;
    }

    public String joinCode() {
        return codes.phone();
    }

    /** What the start has to tell the coordinator (a weak join code replaced), if anything. */
    public Optional<String> startNotice() {
        return startNotice;
    }

    /**
     * Makes a new join code and laptop join code; devices already paired keep working, the old
     * codes stop.
     */
    public String renewJoinCode() {
        JoinCodes renewed = new JoinCodes(JoinCode.random(), JoinCode.random());
        new JoinCodeSecrets(store.secrets()).keep(renewed);
        codes = renewed;
        return renewed.phone();
    }

    public BackupScheduler backups() {
        return backups;
    }

    /**
     * The address phones are shown now: {@code --bind}'s, else the one picked in Settings, else
     * the best LAN address (it follows the laptop from one network to another).
     */
    public JoinAddress joinAddress() {
        return JoinAddress.now(listenHost, hub.port(), store.settings().get(KitChoices.LAN_HOST));
    }

    public String joinUrl() {
        return joinAddress().joinUrl(joinCode());
    }

    /** The join URL over HTTPS, for phones that trust the kit authority. */
    public String secureJoinUrl() {
        return JoinUrl.secure(joinAddress().host(), hub.httpsPort().orElseThrow(), joinCode());
    }

    /** The page that walks a phone through trusting the kit, then moves it to the secure join URL. */
    public String setupUrl() {
        return joinAddress().setupUrl(joinCode());
    }

    public String certificateUrl() {
        return JoinUrl.certificate(joinAddress().host(), hub.port());
    }

    /** The kit authority's fingerprint, whole and short. */
    public CaPin authorityPin() {
        return authority.pin();
    }

    /**
     * What a client laptop types: the laptop code (shown only here, so it proves the laptop was
     * given it on the master), then the kit authority's pin it will trust alone.
     */
    public String laptopJoinCode() {
        return codes.laptop() + "-" + authority.pin().pin();
    }

    @Override
    public void close() {
        duties.close();
        renewal.close();
        if (announcer != null) announcer.close();
        backups.close();
        uploader.close();
        hub.close();
    }

    /** The uploads as devices see them: the state, the second receipt, "retry failed". */
    private static UpstreamView upstreamView(Uploads uploads) {
        return new UpstreamView(() -> uploads.status().toProtocol(), uploads::receipts, uploads::retryFailed);
    }

    /**
     * The addresses the certificate names: the one the hub listens on, or, listening everywhere,
     * every LAN address this laptop has now and loopback.
     */
    private static ServerNames serverNames(HubConfig hubConfig, String computerName) {
        Set<String> addresses = new LinkedHashSet<>();
        if (hubConfig.listensEverywhere()) {
            LanAddress.candidates().forEach(c -> addresses.add(c.address().getHostAddress()));
            addresses.add("127.0.0.1");
        } else {
            addresses.add(hubConfig.host());
        }
        return ServerNames.of(addresses, computerName);
    }

    /** The bind failed because the address belongs to no adapter of this computer (not because a port is taken). */
    private static boolean boundNowhere(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException && String.valueOf(t.getMessage()).contains("assign")) return true;
        }
        return false;
    }

    /** Discovery is a convenience: when it cannot start, devices still join by address or code. */
    private static MasterAnnouncer announce(String host, String name, int port, String deviceId) {
        try {
            return MasterAnnouncer.start(InetAddress.getByName(host), name, port, deviceId);
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot announce the master on {}: {}", host, e.getMessage());
            return null;
        }
    }

    private static String remembered(Settings settings, String key, Supplier<String> fresh) {
        return settings.get(key).orElseGet(() -> {
            String value = fresh.get();
            settings.put(key, value);
            return value;
        });
    }

    /** The computer's name, which a new team is called until the coordinator names it. */
    static String computerName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "Lankit";
        }
    }
}
