package org.lankit.app;

/** The master cannot listen where phones expect it: a port is taken, or the address is not this computer's. */
public final class CannotListenException extends RuntimeException {

    private CannotListenException(String message) {
        super(message);
    }

    static CannotListenException portInUse(int port, int httpsPort) {
        return new CannotListenException("Port " + port + " or " + httpsPort + " is already in use, perhaps by another Lankit. "
                + "Close it, or start with --port N --https-port M (phones that joined on the old ports must then scan the new QR code).");
    }

    static CannotListenException everyAddressInATest() {
        return new CannotListenException("A test master must listen on one address (--bind 127.0.0.1), not on every one: "
                + MasterKit.TEST_GUARD + " is set.");
    }

    static CannotListenException notThisComputer(String address) {
        return new CannotListenException("This computer has no network address " + address + " (--bind): "
                + "connect it to that network, or start without --bind.");
    }
}
