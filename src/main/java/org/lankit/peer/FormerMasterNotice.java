package org.lankit.peer;

import java.io.IOException;
import org.lankit.store.TeamIdentity;

/**
 * A promoted laptop tells the team's former master, should it run again, that it was replaced:
 * one call with this laptop's token there, naming the new epoch and where the successor answers.
 * The former master then refuses writes and hands its entries over.
 */
public final class FormerMasterNotice {

    private final MasterClient former;

    /** {@code link}: this laptop's link to its former master, as it was before the take-over. */
    public FormerMasterNotice(PeerLink link, TeamIdentity team, String successorUrl) {
        this.former = link.client();
        former.sendEpoch(team.epoch());
        former.sendSuccessor(successorUrl);
    }

    /** One call; {@link IOException} while the former master is off (the usual case). */
    public void tell() throws IOException {
        former.status();
    }
}
