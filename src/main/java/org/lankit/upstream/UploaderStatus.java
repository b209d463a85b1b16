package org.lankit.upstream;

import java.util.Locale;
import org.lankit.sync.Protocol.UpstreamStatus;

/**
 * What the uploader is doing, for the panel and {@code GET /api/v1/status}; an immutable snapshot.
 *
 * @param until     while backing off or offline: when the next try is due (epoch ms), else null
 * @param pending   entries waiting to go up (including the batch being sent)
 * @param lastError the latest problem in plain words, null after a clean upload
 * @param breaker   the circuit breaker: closed, open or half_open
 */
public record UploaderStatus(State state, Long until, long pending, long synced, long failed, String lastError,
                             String breaker) {

    public enum State {
        /** A batch is on its way. */
        UPLOADING,
        /** The API failed or asked to slow down; the next try is due at {@code until}. */
        BACKING_OFF,
        /** The API cannot be reached; the next try is due at {@code until}. */
        OFFLINE,
        /** Nothing to send. */
        IDLE,
        /** No API address is set. */
        DISABLED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public UpstreamStatus toProtocol() {
        return new UpstreamStatus(state.wireName(), pending, synced, failed, lastError, until);
    }
}
