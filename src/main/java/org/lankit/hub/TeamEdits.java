package org.lankit.hub;

import org.lankit.store.Device;
import org.lankit.store.Settings;

/**
 * The coordinator's switch "phones may edit the team's entries" and whom it binds. Off (the
 * default), a phone changes only entries it created; client laptops and the master itself may
 * change any entry either way. Read at each request, so the panel's switch applies at once.
 * Thread-safe.
 */
public final class TeamEdits {

    /** Setting ("true"/"false", default false): phones may change entries other devices created. */
    public static final String SETTING = "phonesEditTeamEntries";

    private final Settings settings;

    public TeamEdits(Settings settings) {
        this.settings = settings;
    }

    public boolean phonesAllowed() {
        return settings.get(SETTING).map(Boolean::parseBoolean).orElse(false);
    }

    public void allowPhones(boolean on) {
        settings.put(SETTING, Boolean.toString(on));
    }

    /** Whether pushes from {@code device} may change only the entries it created. */
    boolean ownEntriesOnly(Device device) {
        return "phone".equals(device.kind()) && !phonesAllowed();
    }
}
