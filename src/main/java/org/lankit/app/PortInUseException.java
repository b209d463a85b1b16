package org.lankit.app;

/** A port phones expect is taken, most likely by another Lankit. */
public final class PortInUseException extends RuntimeException {

    public PortInUseException(int port, int httpsPort) {
        super("Port " + port + " or " + httpsPort + " is already in use, perhaps by another Lankit. Close it, or start with "
                + "--port N --https-port M (phones that joined on the old ports must then scan the new QR code).");
    }
}
