package org.lankit.ui;

import java.io.IOException;

/**
 * A client laptop's link to its master (the peer sync loop), as the panel sees it. Called off the
 * event thread only; closed when the window closes.
 */
public interface PeerLink extends AutoCloseable {

    /** How the link stands, in words the panel can show as they are. */
    enum Phase {
        NOT_JOINED("Not part of a team yet"),
        CONNECTING("Connecting to the master…"),
        CONNECTED("Connected to the master"),
        WAITING_FOR_MASTER("Waiting for the master (it is off or out of reach); entries are kept here");

        private final String words;

        Phase(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /**
     * @param masterName    the master's team name, null before joining
     * @param masterUrl     the master's address, null before joining
     * @param waitingToSend entries saved here that the master has not confirmed yet
     * @param problem       the last problem in plain words, or null
     */
    record State(Phase phase, String masterName, String masterUrl, long waitingToSend, String problem) {
    }

    State state();

    /** Pairs with the master at {@code masterUrl} and starts syncing; throws with a plain message. */
    void join(String masterUrl, String joinCode, String laptopName) throws IOException;

    @Override
    void close();
}
