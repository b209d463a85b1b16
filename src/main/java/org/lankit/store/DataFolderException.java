package org.lankit.store;

/** The data folder cannot be used; the message says why and what to do, in plain words. */
public abstract class DataFolderException extends RuntimeException {

    DataFolderException(String message, Throwable cause) {
        super(message, cause);
    }
}
