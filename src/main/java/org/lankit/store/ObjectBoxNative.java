package org.lankit.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Unpacks ObjectBox's native library for this platform from the jar into Lankit's runtime folder
 * (once per version) and loads it from there.
 */
public final class ObjectBoxNative {

    static final String OBJECTBOX_VERSION = "4.3.1";

    private ObjectBoxNative() {
    }

    public static void load() {
        String name = libraryName();
        Path dir = DataFolders.runtimeDir().resolve("objectbox-" + OBJECTBOX_VERSION);
        Path target = dir.resolve(name);
        try (InputStream in = ObjectBoxNative.class.getResourceAsStream("/native/" + name)) {
            if (in == null) throw new UnsatisfiedLinkError("this computer's system is not supported (no " + name + ")");
            byte[] bytes = in.readAllBytes();
            if (!Files.exists(target) || Files.size(target) != bytes.length) {
                Files.createDirectories(dir);
                Path temp = Files.createTempFile(dir, name, ".part");
                Files.write(temp, bytes);
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the database library into " + dir, e);
        }
        System.load(target.toAbsolutePath().toString());
    }

    static String libraryName() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            return arch.contains("64") ? "objectbox-jni-windows-x64.dll" : "objectbox-jni-windows-x86.dll";
        }
        if (os.contains("mac")) return "libobjectbox-jni-macos.dylib";
        return "libobjectbox-jni-linux-x64.so";
    }
}
