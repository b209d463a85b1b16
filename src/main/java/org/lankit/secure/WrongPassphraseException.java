package org.lankit.secure;

/** The passphrase given does not open the data folder's key. The message says so in plain words. */
public final class WrongPassphraseException extends RuntimeException {

    public WrongPassphraseException(String message) {
        super(message);
    }
}
