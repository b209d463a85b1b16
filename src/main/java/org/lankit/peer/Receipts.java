package org.lankit.peer;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Optional;
import java.util.Set;
import org.lankit.sync.Json;
import org.lankit.sync.Protocol.UpstreamStatus;

/**
 * The second receipt as a device holds it, from the master's {@code /status}: every entry whose
 * seq is at most {@code through} is on the team's server, except the uuids in {@code refused}.
 * {@link #NONE} before the first status, and from a master with no server set up or too old to say.
 */
public record Receipts(long through, Set<String> refused) {

    public static final Receipts NONE = new Receipts(0, Set.of());

    public Receipts {
        refused = Set.copyOf(refused);
    }

    public static Receipts of(UpstreamStatus upstream) {
        return upstream == null ? NONE : new Receipts(upstream.through(), Set.copyOf(upstream.refused()));
    }

    /** As kept in this laptop's settings. */
    String toJson() {
        try {
            return Json.MAPPER.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What {@link #toJson} wrote; empty when it cannot be read (the next status says again). */
    static Optional<Receipts> fromJson(String json) {
        try {
            return Optional.of(Json.MAPPER.readValue(json, Receipts.class));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** Whether the master's revision {@code masterSeq} of entry {@code uuid} is on the team's server. */
    boolean holds(String uuid, long masterSeq) {
        return masterSeq > 0 && masterSeq <= through && !refused.contains(uuid);
    }
}
