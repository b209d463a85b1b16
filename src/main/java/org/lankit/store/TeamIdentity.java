package org.lankit.store;

/**
 * The team as devices know it: {@code teamId} stays the same across a take-over and a restore;
 * {@code epoch} grows by one with every take-over, so the newest master is the one with the highest.
 */
public record TeamIdentity(String teamId, long epoch) {

    public TeamIdentity {
        if (teamId == null || !teamId.matches("[A-Za-z0-9_-]{8,64}")) throw new IllegalArgumentException("not a team id");
        if (epoch < 1) throw new IllegalArgumentException("an epoch starts at 1");
    }

    /** The same team, one take-over later. */
    public TeamIdentity next() {
        return new TeamIdentity(teamId, epoch + 1);
    }
}
