package org.lankit.upstream;

import org.lankit.sync.Entry;

/**
 * One entry revision on its way to a target, with what the target holds of it already.
 *
 * @param entry    the entry as the master holds it now
 * @param previous the revision this target last took of it, or null when it has none
 */
public record Outgoing(Entry entry, Delivered previous) {

    /**
     * A revision a target took: the master's seq of it and the server's own name for it (a CouchDB
     * {@code _rev}, an OpenRosa instanceID), null where the server gives none.
     */
    public record Delivered(long seq, String ref) {
    }
}
