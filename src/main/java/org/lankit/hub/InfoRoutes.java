package org.lankit.hub;

import io.javalin.http.Context;
import java.io.IOException;
import java.util.function.Supplier;
import org.lankit.backup.BackupSettings;
import org.lankit.store.KitStore;
import org.lankit.store.TeamIdentity;
import org.lankit.sync.Protocol.Info;
import org.lankit.sync.Protocol.PairRequest;
import org.lankit.sync.Protocol.Secure;
import org.lankit.sync.Protocol.Status;

/** The small endpoints: info, pair, forms, status. */
final class InfoRoutes {

    private final KitStore store;
    private final MasterIdentity master;
    private final PairingService pairing;
    private final UpstreamView upstream;
    private final TeamEdits teamEdits;
    private final Supplier<Secure> secure;
    private final long maxBodyBytes;

    InfoRoutes(KitStore store, MasterIdentity master, PairingService pairing, UpstreamView upstream,
               TeamEdits teamEdits, Supplier<Secure> secure, long maxBodyBytes) {
        this.store = store;
        this.master = master;
        this.pairing = pairing;
        this.upstream = upstream;
        this.teamEdits = teamEdits;
        this.secure = secure;
        this.maxBodyBytes = maxBodyBytes;
    }

    void info(Context ctx) {
        TeamIdentity team = store.team();
        ctx.json(new Info("lankit", master.version(), "master", master.deviceId(), master.name(), master.clock().physicalNow(),
                secure.get(), 2, team.teamId(), team.epoch()));
    }

    void pair(Context ctx) throws IOException {
        ctx.json(pairing.pair(JsonBody.read(ctx, PairRequest.class, maxBodyBytes), Access.isSecure(ctx), ctx.ip()));
    }

    void forms(Context ctx) {
        ctx.json(store.forms().latest());
    }

    void status(Context ctx) {
        ctx.json(new Status(store.entryCount(), store.devices().count(), upstream.forDevices(), teamEdits.phonesAllowed(),
                BackupSettings.retentionDays(store.settings()), master.clock().physicalNow()));
    }
}
