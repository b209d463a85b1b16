package org.lankit.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;
import org.lankit.backup.RecoveryKeys;
import org.lankit.pairing.JoinCodes;
import org.lankit.peer.KnownTeam;
import org.lankit.peer.PeerLink;
import org.lankit.peer.SuccessionCopy;
import org.lankit.peer.TakeOverEntries;
import org.lankit.secure.DataKey;
import org.lankit.secure.KitAuthority;
import org.lankit.store.Device;
import org.lankit.store.KitStore;
import org.lankit.store.Settings;
import org.lankit.store.TeamIdentity;
import org.lankit.sync.Succession;
import org.lankit.upstream.ApiSettings;
import org.lankit.upstream.ApiTarget;
import org.lankit.upstream.TargetKind;
import org.lankit.upstream.TargetSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Make this laptop the team's master": a client laptop whose master is gone for good takes over
 * from the succession bundle it keeps. The team keeps its id (one epoch later), its join codes, its
 * kit authority (devices keep trusting it), its devices (their tokens keep working) and its team
 * servers with what each already holds. This laptop's entries and pending edits become the
 * master's. The role changes last: a promotion cut short is finished by running it again.
 */
public final class Promotion {

    private static final Logger LOG = LoggerFactory.getLogger(Promotion.class);
    /** The former master's address: the new master tells it that it was replaced (with the laptop's link to it, kept). */
    static final String FORMER_MASTER = "takeover.formerMaster";

    /** What the promotion did, in words for the coordinator. */
    public record Promoted(TeamIdentity team, String teamName, long entries, long alreadyUploaded, long leftOut, int devices) {

        public String summary() {
            return "This laptop is now the master of \"" + teamName + "\" (take-over " + team.epoch() + "): " + entries
                    + " entries, " + alreadyUploaded + " of them already on the team's server, " + devices + " devices kept"
                    + (leftOut > 0 ? "; " + leftOut + " entries the old master had refused stay out" : "") + ".";
        }
    }

    /** Why this laptop cannot take over now, in plain words. */
    public static final class CannotPromoteException extends IllegalStateException {
        CannotPromoteException(String message) {
            super(message);
        }
    }

    private Promotion() {
    }

    /** Why this laptop cannot take over now (empty: it can): it must be a client holding a bundle from its master. Cheap: the panel asks every few seconds. */
    public static Optional<String> problem(KitStore store) {
        if (!Role.CLIENT.name().equals(store.settings().get(SettingKeys.ROLE).orElse(null))) {
            return Optional.of("only a client laptop can take over as the team's master");
        }
        if (new SuccessionCopy(store).version() == null) {
            return Optional.of("this laptop does not hold what a take-over needs yet: it gets it from the master over a secure "
                    + "connection, within a minute of syncing");
        }
        return Optional.empty();
    }

    public static Promoted promote(KitStore store) {
        problem(store).ifPresent(why -> {
            throw new CannotPromoteException(why);
        });
        Succession bundle = new SuccessionCopy(store).bundle().orElseThrow();
        PeerLink link = PeerLink.load(store).orElseThrow(() -> new CannotPromoteException("this laptop never joined a team"));
        long known = KnownTeam.load(store.settings()).filter(t -> t.teamId().equals(bundle.teamId())).map(TeamIdentity::epoch).orElse(0L);
        TeamIdentity team = new TeamIdentity(bundle.teamId(), Math.max(bundle.epoch(), known) + 1);

        takeAuthority(store.dataDir(), store.dataKey(), bundle.authority());
        int devices = takeDevices(store, bundle, link.deviceId());
        TakeOverEntries.Renumbered entries = TakeOverEntries.renumber(store, bundle, link.deviceId());
        Settings settings = store.settings();
        store.write(w -> {
            settings.put(SettingKeys.DEVICE_ID, link.deviceId());
            settings.put(SettingKeys.TEAM_NAME, bundle.teamName());
            new JoinCodeSecrets(store.secrets()).keep(new JoinCodes(bundle.joinCode(), bundle.laptopCode()));
            bundle.choices().forEach(settings::put);
            settings.put(FORMER_MASTER, link.masterUrl());
            w.audit(link.deviceId(), "take-over", null, "took over as the team's master from " + bundle.masterId()
                    + " (take-over " + team.epoch() + ")");
            return null;
        });
        ApiSettings.save(store, targets(bundle));
        if (bundle.recoveryKey() != null) {
            RecoveryKeys.adopt(store, new SecretKeySpec(Base64.getDecoder().decode(bundle.recoveryKey()), "AES"));
        }
        store.setTeam(team);
        settings.put(SettingKeys.ROLE, Role.MASTER.name());
        new SuccessionCopy(store).forget();
        Promoted promoted = new Promoted(team, bundle.teamName(), entries.entries(), entries.alreadyUploaded(), entries.leftOut(), devices);
        LOG.warn("{}", promoted.summary());
        return promoted;
    }

    /** The team's kit authority, so phones and laptops trust this laptop as they trusted the old master. */
    private static void takeAuthority(Path dataDir, DataKey dataKey, Succession.Authority authority) {
        if (authority == null) return;
        Optional<KitAuthority.KeptFiles> own = KitAuthority.kept(dataDir, dataKey);
        if (own.isPresent() && own.get().certificate().equals(authority.certificate())) return;
        if (own.isPresent()) {
            // this folder was a master of its own once: its authority is kept aside, not lost
            Path folder = dataDir.resolve(KitAuthority.FOLDER);
            try {
                Files.move(folder, dataDir.resolve(KitAuthority.FOLDER + ".before-take-over-" + System.currentTimeMillis()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot set this laptop's own kit certificate aside: " + e.getMessage(), e);
            }
        }
        KitAuthority.restore(dataDir, dataKey, new KitAuthority.KeptFiles(authority.certificate(), authority.key()));
    }

    private static int takeDevices(KitStore store, Succession bundle, String self) {
        int added = 0;
        for (Succession.PairedDevice d : bundle.devices()) {
            if (d.deviceId().equals(self) || store.devices().byId(d.deviceId()).isPresent()) continue;
            store.devices().add(new Device(d.deviceId(), d.name(), d.kind(), d.approved(), d.revoked(), d.pairedAt(), 0, false),
                    d.tokenHash());
            added++;
        }
        return added;
    }

    private static List<TargetSettings> targets(Succession bundle) {
        List<TargetSettings> targets = new ArrayList<>();
        for (Succession.Target t : bundle.targets()) {
            Optional<TargetKind> kind = TargetKind.ofWireName(t.kind());
            Optional<ApiTarget> server = ApiTarget.of(t.url(), t.token(), t.user(), t.password());
            if (kind.isEmpty() || server.isEmpty()) {
                LOG.warn("the team server {} of the bundle cannot be used here; set it up again in the settings", t.id());
                continue;
            }
            targets.add(new TargetSettings(t.id(), kind.get(), server.get(), t.forms()));
        }
        return targets;
    }
}
