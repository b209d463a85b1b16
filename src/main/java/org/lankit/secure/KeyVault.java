package org.lankit.secure;

import java.util.Optional;

/** Where this computer keeps data keys, away from the data folders they open. */
public interface KeyVault {

    Optional<byte[]> read(String kitKeyId);

    void write(String kitKeyId, byte[] key);

    /** For the log and the coordinator: where the key is, in plain words. */
    String describe();
}
