package org.lankit.hub;

import io.javalin.http.Context;
import org.lankit.store.TeamIdentity;

/**
 * Every protocol answer names the team and this master's epoch, so a device notices a take-over
 * (a higher epoch) or a former master (a lower one) on any call, not only on {@code /info}.
 * Devices send the highest epoch they know in {@link #EPOCH} too.
 */
final class TeamHeaders {

    static final String TEAM = "Lankit-Team";
    static final String EPOCH = "Lankit-Epoch";

    private TeamHeaders() {
    }

    static void add(Context ctx, TeamIdentity team) {
        ctx.header(TEAM, team.teamId());
        ctx.header(EPOCH, Long.toString(team.epoch()));
    }
}
