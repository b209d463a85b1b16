package org.lankit.peer;

import java.io.IOException;
import java.net.URI;

/**
 * The computer at the master's address showed a certificate from another kit than the one this
 * laptop trusts (the pin in its join code): maybe a machine in the middle, maybe another team's
 * master. Nothing is sent to it.
 */
public final class UntrustedMasterException extends IOException {

    public UntrustedMasterException(URI address) {
        super("the computer at " + address + " is not your team's master: its certificate does not match the laptop "
                + "join code. Check the address and the code shown on the master's screen.");
    }

    public UntrustedMasterException(String message) {
        super(message);
    }
}
