package org.lankit.secure;

/** Sealed data that does not open: a wrong key, a changed byte or a cut file. The message is plain words. */
public final class SealedDataException extends RuntimeException {

    public SealedDataException(String message) {
        super(message);
    }
}
