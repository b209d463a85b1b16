package org.lankit.store;

import java.util.List;

/**
 * One page of a walk through a box in storage order; pass {@code lastId} as the next call's
 * {@code afterId}. An empty page ends the walk.
 */
public record Page<T>(List<T> items, long lastId) {

    public Page {
        items = List.copyOf(items);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }
}
