package org.lankit.app;

import java.util.Optional;
import org.lankit.pairing.JoinCodes;
import org.lankit.store.Secrets;

/**
 * The master's two join codes as it remembers them: in the sealed secrets, since either lets a
 * device into the team (older folders kept them in the settings; the store moves them at open).
 */
final class JoinCodeSecrets {

    private static final String PHONE = "joinCode";
    /** The head of the laptop join code: a second code, shown only on the master. */
    private static final String LAPTOP = "laptopCode";

    private final Secrets secrets;

    JoinCodeSecrets(Secrets secrets) {
        this.secrets = secrets;
    }

    Optional<String> phone() {
        return secrets.get(PHONE);
    }

    Optional<String> laptop() {
        return secrets.get(LAPTOP);
    }

    void keep(JoinCodes codes) {
        secrets.put(PHONE, codes.phone());
        secrets.put(LAPTOP, codes.laptop());
    }
}
