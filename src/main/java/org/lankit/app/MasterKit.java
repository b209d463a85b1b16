package org.lankit.app;

import io.javalin.util.JavalinBindException;
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
import org.lankit.pairing.Tokens;
import org.lankit.store.KitStore;
import org.lankit.store.Settings;
import org.lankit.sync.HlcClock;
import org.lankit.sync.Protocol.UpstreamStatus;
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
    private final BackupScheduler backups;
    private volatile String joinCode;

    private MasterKit(KitStore store, MasterIdentity identity, Hub hub, BackupScheduler backups, String joinCode) {
        this.store = store;
        this.identity = identity;
        this.hub = hub;
        this.backups = backups;
        this.joinCode = joinCode;
    }

    /**
     * Starts the master on an open store. {@code hubConfig}'s port is replaced by the option, the
     * remembered port, or the default, in that order.
     */
    public static MasterKit start(KitStore store, KitOptions options, HubConfig hubConfig) {
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
        Supplier<UpstreamStatus> upstream = () -> new UpstreamStatus("disabled", 0, 0, 0, null);
        Hub hub;
        try {
            hub = Hub.start(store, identity, hubConfig.withAddress(hubConfig.host(), port), () -> self[0].joinCode, upstream);
        } catch (JavalinBindException e) {
            throw new PortInUseException(port);
        }
        if (port != 0) settings.put(SettingKeys.PORT, Integer.toString(port));
        BackupScheduler backups = BackupScheduler.start(store, new BackupOrigin(name, deviceId, Version.current()),
                BackupSettings.read(settings, store.dataDir()));
        self[0] = new MasterKit(store, identity, hub, backups, code);
        LOG.info("master {} serving on port {}", deviceId, hub.port());
        return self[0];
    }

    public KitStore store() {
        return store;
    }

    public Hub hub() {
        return hub;
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
        return JoinUrl.of(LanAddress.bestHost(), hub.port(), joinCode);
    }

    @Override
    public void close() {
        backups.close();
        hub.close();
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
