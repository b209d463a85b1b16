package org.lankit.upstream;

import java.util.List;

/**
 * The second receipt for devices: what the team's servers hold, in one number and a short list.
 * An entry revision is at the team's servers when its seq is at most {@code through} and its uuid
 * is not in {@code refused}.
 *
 * @param through every entry whose current seq is at most this is held by every configured server,
 *                except the refused ones; 0 when no server is set up
 * @param refused entries some server refused at their current revision (at most {@link #MAX_REFUSED})
 */
public record UploadReceipts(long through, List<String> refused) {

    public static final int MAX_REFUSED = 1000;
    public static final UploadReceipts NONE = new UploadReceipts(0, List.of());

    public UploadReceipts {
        refused = List.copyOf(refused);
    }

    public boolean holds(String uuid, long seq) {
        return seq > 0 && seq <= through && !refused.contains(uuid);
    }
}
