package org.lankit.store;

import java.nio.file.Path;
import java.util.Locale;

/** Where Lankit keeps its files when the user does not say: the OS's per-user app-data folder. */
public final class DataFolders {

    private DataFolders() {
    }

    public static Path defaultDataDir() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String home = System.getProperty("user.home");
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return appData != null ? Path.of(appData, "Lankit") : Path.of(home, "AppData", "Roaming", "Lankit");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "Lankit");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "lankit") : Path.of(home, ".local", "share", "lankit");
    }

    /** Where the native database library is unpacked; shared by all data folders of this user. */
    public static Path runtimeDir() {
        String override = System.getProperty("lankit.runtimeDir");
        return override != null ? Path.of(override) : defaultDataDir().resolve("runtime");
    }
}
