package org.lankit.ui;

import java.io.IOException;
import java.nio.file.Path;

/** Backups of everything the kit holds, one file each; called off the event thread. */
public interface BackupExporter {

    /**
     * @param file    the backup written
     * @param summary what went into it in plain words (e.g. "243 entries, 2 form versions")
     */
    record Saved(Path file, String summary) {
    }

    /**
     * Writes a new backup file into {@code folder}.
     *
     * @throws IOException with a plain sentence saying what failed
     */
    Saved exportInto(Path folder) throws IOException;

    /**
     * Merges a backup file into this kit (entries already here are kept; newer answers win).
     *
     * @return a plain sentence of what the restore added or changed
     * @throws IOException with a plain sentence saying why the file was refused
     */
    String restoreFrom(Path file) throws IOException;
}
