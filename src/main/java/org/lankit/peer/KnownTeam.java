package org.lankit.peer;

import java.util.Optional;
import org.lankit.store.Settings;
import org.lankit.store.TeamIdentity;

/**
 * The team and master epoch a client laptop follows: its pull checkpoint belongs to that epoch,
 * and the epoch is what it names on every call. Absent until the first master that says them.
 */
public final class KnownTeam {

    static final String SETTING = "peer.team";

    private KnownTeam() {
    }

    public static Optional<TeamIdentity> load(Settings settings) {
        return settings.get(SETTING).map(v -> v.split(" ")).filter(p -> p.length == 2)
                .map(p -> new TeamIdentity(p[0], Long.parseLong(p[1])));
    }

    /** Joining another team: its epochs have nothing to do with the former team's. */
    public static void forget(Settings settings) {
        settings.remove(SETTING);
    }

    static void save(Settings settings, TeamIdentity team) {
        settings.put(SETTING, team.teamId() + " " + team.epoch());
    }
}
