package org.lankit.secure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * A key as a file in this user's own settings folder, not in the data folder: a copied data folder
 * comes without it. Readable by this user only where the file system says so.
 */
public final class UserKeyFile implements KeyVault {

    /** Tests point this (or the environment variable, which processes they start inherit) elsewhere, so they never touch the real settings folder. */
    public static final String HOME_PROPERTY = "lankit.keyHome";
    public static final String HOME_VARIABLE = "LANKIT_KEY_HOME";

    private final Path folder;

    public UserKeyFile(Path folder) {
        this.folder = folder;
    }

    /** This user's key folder: {@code lankit.keyHome} or {@code LANKIT_KEY_HOME} if set, else the system's usual place for settings. */
    public static UserKeyFile forThisUser() {
        String override = System.getProperty(HOME_PROPERTY, System.getenv(HOME_VARIABLE));
        if (override != null && !override.isBlank()) return new UserKeyFile(Path.of(override));
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return new UserKeyFile((appData != null ? Path.of(appData) : home).resolve("Lankit").resolve("keys"));
        }
        if (os.contains("mac")) return new UserKeyFile(home.resolve("Library/Application Support/Lankit/keys"));
        String xdg = System.getenv("XDG_CONFIG_HOME");
        return new UserKeyFile((xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".config")).resolve("lankit").resolve("keys"));
    }

    @Override
    public Optional<byte[]> read(String kitKeyId) {
        try {
            return Optional.of(Files.readAllBytes(file(kitKeyId)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the data key in " + folder, e);
        }
    }

    @Override
    public void write(String kitKeyId, byte[] key) {
        DurableFile.write(file(kitKeyId), key);
    }

    @Override
    public String describe() {
        return "a key file in " + folder;
    }

    private Path file(String kitKeyId) {
        if (!kitKeyId.matches("[A-Za-z0-9_-]{1,64}")) throw new IllegalArgumentException("not a kit key id");
        return folder.resolve(kitKeyId + ".key");
    }
}
