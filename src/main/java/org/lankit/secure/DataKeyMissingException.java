package org.lankit.secure;

/** A data folder whose key this computer does not hold: the message says so in one plain line. */
public final class DataKeyMissingException extends RuntimeException {

    public DataKeyMissingException(String message) {
        super(message);
    }
}
