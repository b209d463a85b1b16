package org.lankit.secure;

/** A vault that cannot be asked now (no credential store, or one that does not answer). */
public final class KeyVaultUnavailableException extends RuntimeException {

    public KeyVaultUnavailableException(String message) {
        super(message);
    }
}
