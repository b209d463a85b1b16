package org.lankit.upstream;

/**
 * Where one entry stands with the team's servers, as the control panel shows it.
 *
 * @param error the server's reason when it refused the entry, else null
 */
public record EntryUpload(State state, String error) {

    public enum State {
        /** No team server is set up. */
        NOT_SET_UP,
        /** Some server does not hold the entry's current revision yet. */
        WAITING,
        /** Every server holds the entry's current revision. */
        UPLOADED,
        /** A server refused the entry's current revision. */
        REFUSED
    }
}
