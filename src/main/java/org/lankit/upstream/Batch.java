package org.lankit.upstream;

import java.util.List;

/**
 * One request's worth of entries, exactly as sent: the body is kept so that a batch re-sent after
 * a restart carries the same bytes under the same Idempotency-Key.
 *
 * @param key   the Idempotency-Key: unique per batch, the same for every try of it
 * @param items the entries in it, each at the revision (seq) that was sent
 * @param body  the JSON request body
 */
public record Batch(String key, List<Item> items, String body) {

    public record Item(String uuid, long seq) {
    }

    public Batch {
        items = List.copyOf(items);
    }

    public int size() {
        return items.size();
    }
}
