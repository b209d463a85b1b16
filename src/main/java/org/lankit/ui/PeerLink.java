package org.lankit.ui;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lankit.peer.Receipts;
import org.lankit.sync.Entry;
import org.lankit.sync.Form;

/**
 * A client laptop's link to its master (the peer sync loop), as the panel sees it. Called off the
 * event thread only; closed when the window closes.
 */
public interface PeerLink extends AutoCloseable {

    /** How the link stands. */
    enum Phase {
        NOT_JOINED,
        CONNECTING,
        CONNECTED,
        WAITING_FOR_MASTER;

        /** In the words the panel shows. */
        public String words() {
            return switch (this) {
                case NOT_JOINED -> Text.get("client.phase.notJoined");
                case CONNECTING -> Text.get("client.phase.connecting");
                case CONNECTED -> Text.get("client.phase.connected");
                case WAITING_FOR_MASTER -> Text.get("client.phase.waiting");
            };
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

    /** A master announcing itself on the network. */
    record Found(String name, String url) {
    }

    State state();

    /** Masters heard on the network so far (empty when looking is not possible). */
    List<Found> mastersFound();

    /** What the team's server holds, as the master last said (nothing before joining or hearing from it). */
    Receipts receipts();

    /** The team's forms as this laptop holds them, newest version of each. */
    List<Form> forms();

    /**
     * Saves a new entry here at once; it goes to the master with the next sync.
     *
     * @throws IllegalArgumentException with a plain sentence when an answer breaks the form's rules
     */
    void save(Form form, Map<String, JsonNode> values);

    /**
     * The entry as this laptop holds it, with the version of the form it was typed on, to edit;
     * empty when this laptop no longer holds it or it was deleted.
     */
    Optional<Editable> open(String uuid);

    /** An entry opened for editing. */
    record Editable(Entry entry, Form form) {
    }

    /**
     * Saves the answers that differ from {@code seen} (the entry as opened) as this laptop's
     * edit; the others stay as the team left them. False when nothing differs.
     *
     * @throws IllegalArgumentException with a plain sentence when an answer breaks the form's rules
     */
    boolean edit(Entry seen, Map<String, JsonNode> answers);

    /** {@code listener} runs (on any thread) after each sync and when a master is found. */
    void onChange(Runnable listener);

    /** Pairs with the master at {@code masterUrl} and starts syncing; throws with a plain message. */
    void join(String masterUrl, String joinCode, String laptopName) throws IOException;

    @Override
    void close();
}
