package org.lankit.ui;

import java.util.List;
import java.util.Map;
import org.lankit.sync.Protocol.UpstreamStatus;
import org.lankit.upstream.ConnectionCheck;
import org.lankit.upstream.TargetSettings;

/**
 * What the panel needs from the uploads to the team's servers. The panel shows "not set up" while
 * no uploader is wired in ({@link PanelServices#api()} gives null). Implementations are called
 * off the event thread only.
 */
public interface ApiLink {

    /** Where uploading stands now, every server together; {@code state} uses the words of {@code GET /api/v1/status}. */
    UpstreamStatus status();

    /** Where uploading stands per server, by target id. */
    Map<String, UpstreamStatus> statuses();

    /** The servers entries go to, {@code main} first; empty when none is set up. */
    List<TargetSettings> targets();

    /**
     * Tries a server without uploading entries; a server that must know the kit's forms says
     * which it lacks.
     */
    ConnectionCheck test(TargetSettings target);

    /**
     * Remembers the servers and uploads to them from now on; an empty list turns uploads off.
     *
     * @throws IllegalArgumentException with a plain sentence when a server cannot be used
     */
    void save(List<TargetSettings> targets);

    /** Queues the entries a server refused again; returns how many. */
    int retryFailed();
}
