package org.lankit.peer;

import java.io.IOException;

/**
 * The computer at the master's address is the team's former master: another laptop took over
 * since (a higher epoch of the same team is known). Nothing is sent to it.
 */
public final class FormerMasterException extends IOException {

    public FormerMasterException(String address) {
        super("the computer at " + address + " is the team's former master: another laptop has taken over. Ask your "
                + "coordinator for the new master's address.");
    }
}
