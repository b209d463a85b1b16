package io.objectbox.internal;

import org.lankit.store.ObjectBoxNative;

/**
 * Takes the place of ObjectBox's own loader, which unpacks its native library into the process's
 * working directory: a double-clicked jar would litter whatever folder the user started it from.
 * Ours unpacks it into Lankit's per-user runtime folder instead (see {@link ObjectBoxNative}).
 */
public class NativeLibraryLoader {

    static {
        ObjectBoxNative.load();
    }

    public static void ensureLoaded() {
        // loading happens once, in the static initialiser above
    }
}
