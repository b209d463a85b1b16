package org.lankit.backup;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lankit.store.Delivery;
import org.lankit.store.KitStore;
import org.lankit.store.Page;
import org.lankit.store.StoredEntry;
import org.lankit.store.TeamIdentity;
import org.lankit.sync.Json;
import org.lankit.upstream.ApiSettings;
import org.lankit.upstream.ApiTarget;
import org.lankit.upstream.TargetKind;
import org.lankit.upstream.TargetSettings;

/**
 * What a backup carries of the team besides its entries: its identity, its team servers with
 * their secrets, and per server and entry what the server holds (a receipt), with the entry's seq
 * at the time, so a restore can tell a receipt for the entry as it is from one for an older revision.
 */
final class TeamState {

    /** One team server, secrets included (the backup is encrypted). */
    record Target(String id, String kind, String url, String token, String user, String password, Map<String, String> forms) {
    }

    /** {@code entrySeq}: the entry's seq when the backup was made. */
    record Receipt(String target, String uuid, long entrySeq, long deliveredSeq, String ref, long failedSeq, String error) {
    }

    private TeamState() {
    }

    static void writeTargets(List<TargetSettings> targets, OutputStream out) throws IOException {
        List<Target> list = new ArrayList<>();
        for (TargetSettings t : targets) {
            ApiTarget s = t.server();
            list.add(new Target(t.id(), t.kind().wireName(), s.url().toString(), s.token(), s.user(), s.password(), t.forms()));
        }
        Json.MAPPER.writeValue(out, list);
    }

    /** Every receipt of every target, entry by entry (nothing to look up when no server is set up). */
    static long writeReceipts(KitStore store, List<TargetSettings> targets, OutputStream out) throws IOException {
        if (targets.isEmpty()) return 0;
        long count = 0;
        long after = 0;
        for (Page<StoredEntry> page = store.entryPage(after, BackupExporter.PAGE); !page.isEmpty();
             page = store.entryPage(after, BackupExporter.PAGE)) {
            for (StoredEntry stored : page.items()) {
                for (TargetSettings t : targets) {
                    Optional<Delivery> d = store.deliveries().find(t.id(), stored.entry().uuid());
                    if (d.isEmpty()) continue;
                    out.write(Json.MAPPER.writeValueAsBytes(new Receipt(t.id(), d.get().uuid(), stored.entry().seq(),
                            d.get().deliveredSeq(), d.get().ref(), d.get().failedSeq(), d.get().error())));
                    out.write('\n');
                    count++;
                }
            }
            after = page.lastId();
        }
        return count;
    }

    static Optional<TeamIdentity> readTeam(VerifiedBackup backup) {
        if (!backup.holds(BackupFormat.TEAM)) return Optional.empty();
        try (InputStream in = backup.member(BackupFormat.TEAM)) {
            return Optional.of(Json.MAPPER.readValue(in, TeamIdentity.class));
        } catch (IOException | RuntimeException e) {
            throw new BackupRejectedException("the backup cannot be imported: " + BackupFormat.TEAM + " is unreadable");
        }
    }

    /** The backup's team servers; refuses the backup when one is not a usable server. */
    static List<TargetSettings> readTargets(VerifiedBackup backup) {
        if (!backup.holds(BackupFormat.UPSTREAM)) return List.of();
        List<Target> list;
        try (InputStream in = backup.member(BackupFormat.UPSTREAM)) {
            list = Json.MAPPER.readValue(in, new TypeReference<List<Target>>() { });
        } catch (IOException e) {
            throw new BackupRejectedException("the backup cannot be imported: " + BackupFormat.UPSTREAM + " is unreadable");
        }
        List<TargetSettings> targets = new ArrayList<>();
        for (Target t : list == null ? List.<Target>of() : list) {
            try {
                TargetKind kind = TargetKind.ofWireName(t.kind()).orElseThrow(() -> new IllegalArgumentException("unknown kind " + t.kind()));
                ApiTarget server = ApiTarget.of(t.url(), t.token(), t.user(), t.password())
                        .orElseThrow(() -> new IllegalArgumentException("no address"));
                targets.add(new TargetSettings(t.id(), kind, server, t.forms()));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new BackupRejectedException("the backup cannot be imported: " + BackupFormat.UPSTREAM
                        + " holds a team server that is not usable");
            }
        }
        return targets;
    }

    /** Sets the backup's servers when this master has none; returns how many. A master with its own keeps them. */
    static int restoreTargets(KitStore store, List<TargetSettings> targets) {
        if (targets.isEmpty() || !ApiSettings.load(store).isEmpty()) return 0;
        ApiSettings.save(store, targets);
        return targets.size();
    }
}
