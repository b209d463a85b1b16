package org.lankit.secure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The kit's private keys in {@code secure/}, each sealed with the data key for its own file name
 * (so the two cannot be swapped); older folders kept them as plain PEM files beside.
 */
final class SealedKeyFiles {

    private SealedKeyFiles() {
    }

    static void write(Path folder, String name, DataKey dataKey, String pem) throws IOException {
        KitAuthority.prepareFolder(folder);
        DurableFile.write(folder.resolve(name), dataKey.seal(pem.getBytes(StandardCharsets.US_ASCII), place(name)));
    }

    /** The sealed key, else an older folder's plain one not sealed yet, else none. */
    static Optional<String> read(Path folder, String sealedName, String plainName, DataKey dataKey) throws IOException {
        Path sealed = folder.resolve(sealedName);
        if (Files.exists(sealed)) {
            return Optional.of(new String(dataKey.open(Files.readAllBytes(sealed), place(sealedName)), StandardCharsets.US_ASCII));
        }
        Path plain = folder.resolve(plainName);
        return Files.exists(plain) ? Optional.of(Files.readString(plain, StandardCharsets.US_ASCII)) : Optional.empty();
    }

    /**
     * An older folder's plain key file, sealed and then removed. A crash before the removal seals
     * it again on the next start, to the same effect.
     */
    static void sealPlain(Path folder, DataKey dataKey, String plainName, String sealedName) throws IOException {
        Path plain = folder.resolve(plainName);
        if (!Files.exists(plain)) return;
        write(folder, sealedName, dataKey, Files.readString(plain, StandardCharsets.US_ASCII));
        Files.delete(plain);
    }

    private static String place(String name) {
        return KitAuthority.FOLDER + "/" + name;
    }
}
