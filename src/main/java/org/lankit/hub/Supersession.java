package org.lankit.hub;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.lankit.store.KitStore;
import org.lankit.sync.Json;

/**
 * Whether another laptop took over as the team's master (a device or the successor itself named a
 * higher epoch than this master's). Kept in the store, so a master started again stays replaced:
 * it refuses every write and tells the coordinator. Thread-safe.
 */
public final class Supersession {

    static final String SETTING = "team.supersededBy";

    /**
     * This master was replaced by the master of {@code epoch}, learnt at {@code since};
     * {@code successorUrl} is its HTTPS address once the successor said it (null until then).
     */
    public record Superseded(long epoch, String successorUrl, long since) {

        /** The plain words devices and the coordinator get. */
        public String explanation() {
            return "another laptop took over as the team's master (take-over " + epoch + "): this laptop is the team's "
                    + "former master and accepts no more entries. Ask your coordinator for the new master's address.";
        }
    }

    private final KitStore store;
    private final List<Consumer<Superseded>> listeners = new CopyOnWriteArrayList<>();
    private volatile Superseded current;

    public Supersession(KitStore store) {
        this.store = store;
        this.current = store.settings().get(SETTING).map(Supersession::read).orElse(null);
    }

    public Optional<Superseded> current() {
        return Optional.ofNullable(current);
    }

    /** Called after each change (replaced, or the successor's address learnt), on the caller's thread. */
    public void onChanged(Consumer<Superseded> listener) {
        listeners.add(listener);
    }

    /**
     * A device or the successor named {@code epoch}: above this master's own it means a take-over.
     * {@code successorUrl} is kept only when it is an https address (the hand-over trusts it by the
     * kit authority alone). Returns whether anything changed.
     */
    public synchronized boolean observe(long epoch, String successorUrl) {
        if (epoch <= store.team().epoch()) return false;
        String url = successorUrl != null && successorUrl.matches("https://[^\\s/]+") ? successorUrl : null;
        Superseded before = current;
        long highest = before == null ? epoch : Math.max(before.epoch(), epoch);
        String address = url != null && (before == null || epoch >= before.epoch()) ? url : before == null ? null : before.successorUrl();
        Superseded now = new Superseded(highest, address, before == null ? System.currentTimeMillis() : before.since());
        if (now.equals(before)) return false;
        store.settings().put(SETTING, write(now));
        current = now;
        listeners.forEach(l -> l.accept(now));
        return true;
    }

    private static String write(Superseded value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Superseded read(String json) {
        try {
            return Json.MAPPER.readValue(json, Superseded.class);
        } catch (JsonProcessingException e) {
            // unreadable means it was written: stay replaced, with no address to hand over to
            return new Superseded(Long.MAX_VALUE, null, 0);
        }
    }
}
