package org.lankit.peer;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Optional;
import org.lankit.store.KitStore;
import org.lankit.sync.Json;
import org.lankit.sync.Succession;

/**
 * A client laptop's copy of the master's succession bundle: sealed among the laptop's secrets
 * (it holds the team's API secrets and the kit authority's key), with the version it came as, so
 * it is fetched again only when the master's changed.
 */
public final class SuccessionCopy {

    static final String BUNDLE = "takeover.bundle";
    static final String VERSION = "takeover.bundleVersion";
    static final String FETCHED_AT = "takeover.bundleFetchedAt";

    private final KitStore store;

    public SuccessionCopy(KitStore store) {
        this.store = store;
    }

    /** The version held, or null before the first bundle. */
    public String version() {
        return store.settings().get(VERSION).orElse(null);
    }

    /** When the bundle was last found current (fetched, or the master said it had not changed); 0: never. */
    public long checkedAt() {
        return store.settings().get(FETCHED_AT).map(Long::parseLong).orElse(0L);
    }

    public Optional<Succession> bundle() {
        return store.secrets().get(BUNDLE).map(SuccessionCopy::read);
    }

    /** Keeps a newer bundle; the bundle and its version in one transaction. */
    void keep(MasterClient.Bundle fetched, long now) {
        read(fetched.json()); // a bundle this laptop cannot read is not kept
        store.write(w -> {
            store.secrets().put(BUNDLE, fetched.json());
            store.settings().put(VERSION, fetched.version());
            store.settings().put(FETCHED_AT, Long.toString(now));
            return null;
        });
    }

    void stillCurrent(long now) {
        store.settings().put(FETCHED_AT, Long.toString(now));
    }

    /** A promoted laptop makes its own bundles: the copy of its former master's goes. */
    public void forget() {
        store.write(w -> {
            store.secrets().remove(BUNDLE);
            store.settings().remove(VERSION);
            store.settings().remove(FETCHED_AT);
            return null;
        });
    }

    private static Succession read(String json) {
        try {
            return Json.MAPPER.readValue(json, Succession.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the take-over bundle cannot be read: " + e.getOriginalMessage());
        }
    }
}
