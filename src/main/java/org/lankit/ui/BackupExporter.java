package org.lankit.ui;

import java.io.IOException;
import java.nio.file.Path;

/** Writes a backup of everything the kit holds into one file; called off the event thread. */
public interface BackupExporter {

    /**
     * @return a plain sentence of what went into the backup (e.g. "243 entries, 2 forms")
     * @throws IOException with a plain sentence saying what failed
     */
    String exportTo(Path file) throws IOException;
}
