package org.lankit.app;

import io.javalin.util.JavalinBindException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.function.Supplier;
import org.lankit.backup.BackupOrigin;
import org.lankit.backup.BackupScheduler;
import org.lankit.backup.BackupSettings;
import org.lankit.hub.Hub;
import org.lankit.hub.HubConfig;
import org.lankit.hub.MasterIdentity;
import org.lankit.pairing.JoinCode;
import org.lankit.pairing.JoinUrl;
import org.lankit.pairing.LanAddress;
import org.lankit.pairing.MasterAnnouncer;
import org.lankit.pairing.Tokens;
import org.lankit.store.KitStore;
import org.lankit.store.Settings;
import org.lankit.sync.HlcClock;
import org.lankit.upstream.KitRef;
import org.lankit.upstream.Uploader;
import org.lankit.upstream.UploaderConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running master: the store, its identity and join code, and the hub serving phones and
 * clients. Remembers its device id, join code and port across restarts.
 */
public final class MasterKit implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MasterKit.class);

    private final KitStore store;
    private final MasterIdentity identity;
    private final Hub hub;
    private final String advertisedHost;
    private final MasterAnnouncer announcer;
    private final Uploader uploader;
    private final BackupScheduler backups;
    private volatile String joinCode;

    private MasterKit(KitStore store, MasterIdentity identity, Hub hub, String advertisedHost, MasterAnnouncer announcer,
                      Uploader uploader, BackupScheduler backups, String joinCode) {
        this.store = store;
        this.identity = identity;
        this.hub = hub;
        this.advertisedHost = advertisedHost;
        this.announcer = announcer;
        this.uploader = uploader;
        this.backups = backups;
        this.joinCode = joinCode;
    }

    /**
     * Starts the master on an open store. {@code hubConfig}'s port is replaced by the option, the
     * remembered port, or the default, in that order.
     */
    public static MasterKit start(KitStore store, KitOptions options, HubConfig hubConfig) {
        return start(store, options, hubConfig, UploaderConfig.defaults());
    }

    /** The same, with the uploader's batching and retry timing (tests use short waits). */
    public static MasterKit start(KitStore store, KitOptions options, HubConfig hubConfig, UploaderConfig uploaderConfig) {
        Settings settings = store.settings();
        store.forms().installDefaultIfEmpty();
        String deviceId = remembered(settings, SettingKeys.DEVICE_ID, Tokens::newDeviceId);
        String name = options.name() != null ? options.name()
                : settings.get(SettingKeys.TEAM_NAME).orElseGet(MasterKit::hostName);
        settings.put(SettingKeys.TEAM_NAME, name);
        String code = options.joinCode() != null ? options.joinCode()
                : remembered(settings, SettingKeys.JOIN_CODE, JoinCode::random);
        settings.put(SettingKeys.JOIN_CODE, code);

        int port = options.port() != null ? options.port()
                : settings.get(SettingKeys.PORT).map(Integer::parseInt).orElse(KitOptions.DEFAULT_PORT);
        MasterIdentity identity = new MasterIdentity(deviceId, name, Version.current(), HlcClock.system(deviceId));
        MasterKit[] self = new MasterKit[1];
        Uploader uploader = Uploader.start(store, new KitRef(deviceId, name), options.apiUrl(), options.apiToken(), uploaderConfig);
        if (options.retryFailed()) uploader.retryFailed();
        Hub hub;
        try {
            hub = Hub.start(store, identity, hubConfig.withAddress(hubConfig.host(), port), () -> self[0].joinCode,
                    () -> uploader.status().toProtocol(), uploader::retryFailed);
        } catch (JavalinBindException e) {
            uploader.close();
            throw new PortInUseException(port);
        }
        if (port != 0) settings.put(SettingKeys.PORT, Integer.toString(port));
        String host = hubConfig.listensEverywhere() ? LanAddress.bestHost() : hubConfig.host();
        MasterAnnouncer announcer = hubConfig.announce() ? announce(host, name, hub.port(), deviceId) : null;
        BackupScheduler backups = BackupScheduler.start(store, new BackupOrigin(name, deviceId, Version.current()),
                BackupSettings.read(settings, store.dataDir()));
        self[0] = new MasterKit(store, identity, hub, host, announcer, uploader, backups, code);
        LOG.info("master {} serving on port {}", deviceId, hub.port());
        return self[0];
    }

    public KitStore store() {
        return store;
    }

    public Hub hub() {
        return hub;
    }

    /** The upload to the team's API: status, settings, "Test connection", "Retry failed". */
    public Uploader uploader() {
        return uploader;
    }

    public MasterIdentity identity() {
        return identity;
    }

    public String joinCode() {
        return joinCode;
    }

    /** Makes a new join code; devices already paired keep working, the old code stops. */
    public String renewJoinCode() {
        joinCode = JoinCode.random();
        store.settings().put(SettingKeys.JOIN_CODE, joinCode);
        return joinCode;
    }

    public BackupScheduler backups() {
        return backups;
    }

    public String joinUrl() {
        return JoinUrl.of(advertisedHost, hub.port(), joinCode);
    }

    @Override
    public void close() {
        if (announcer != null) announcer.close();
        backups.close();
        uploader.close();
        hub.close();
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

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "Lankit";
        }
    }
}
