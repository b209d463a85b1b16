package org.lankit.secure;

import java.time.Duration;

/** Which vault keeps this computer's data keys. */
public final class KeyVaults {

    /** Long enough for a credential store that is slow to wake, short enough that a D-Bus without one costs seconds, not the start. */
    static final Duration KEYRING_OPEN_TIMEOUT = Duration.ofSeconds(5);
    /** A store that is there may first ask the user to unlock it. */
    static final Duration KEYRING_CALL_TIMEOUT = Duration.ofSeconds(60);
    private static volatile KeyVault computer;

    private KeyVaults() {
    }

    /**
     * The system's credential store with a key file as fallback ({@link ComputerVault}); only the
     * key file in the folder named by {@code lankit.keyHome} / {@code LANKIT_KEY_HOME} when one is
     * set, so tests and the processes they start never touch the real store.
     */
    public static KeyVault thisComputer() {
        if (UserKeyFile.overridden()) return UserKeyFile.forThisUser();
        KeyVault known = computer;
        if (known != null) return known;
        synchronized (KeyVaults.class) {
            if (computer == null) computer = new ComputerVault(OsKeyring.open(KEYRING_OPEN_TIMEOUT, KEYRING_CALL_TIMEOUT), UserKeyFile.forThisUser());
            return computer;
        }
    }
}
