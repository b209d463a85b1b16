package org.lankit.ui;

import java.io.IOException;
import org.lankit.sync.Protocol.UpstreamStatus;

/**
 * What the panel needs from the uploader to the team's API. The panel shows "not set up" while
 * no uploader is wired in ({@link PanelServices#api()} gives null). Implementations are called
 * off the event thread only.
 */
public interface ApiLink {

    /** Where uploading stands now; {@code state} uses the words of {@code GET /api/v1/status}. */
    UpstreamStatus status();

    /**
     * Tries the address and token without uploading entries.
     *
     * @return a plain sentence saying the API answered
     * @throws IOException with a plain sentence saying what failed and what to check
     */
    String testConnection(String url, String token) throws IOException;

    /**
     * Remembers the address and token and uploads with them from now on; an empty address turns
     * uploads off.
     *
     * @throws IllegalArgumentException with a plain sentence when the address or token is unusable
     */
    void save(String url, String token);

    /** Queues the entries the API refused again; returns how many. */
    int retryFailed();
}
