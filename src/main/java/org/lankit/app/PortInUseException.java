package org.lankit.app;

/** The port phones expect is taken, most likely by another Lankit. */
public final class PortInUseException extends RuntimeException {

    public PortInUseException(int port) {
        super("Port " + port + " is already in use, perhaps by another Lankit. Close it, or start with --port N "
                + "(phones that joined on the old port must then scan the new QR code).");
    }
}
