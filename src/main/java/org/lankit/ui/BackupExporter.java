package org.lankit.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** Backups of everything the kit holds, one file each; called off the event thread. */
public interface BackupExporter {

    /**
     * @param file    the backup written
     * @param summary what went into it in plain words (e.g. "243 entries, 2 form versions")
     */
    record Saved(Path file, String summary) {
    }

    /** The backup does not open with this team's key (another laptop made it): the panel asks for the recovery key. */
    final class NeedsRecoveryKey extends IOException {
        public NeedsRecoveryKey(String message) {
            super(message);
        }
    }

    /**
     * Where automatic backups are also copied, and what the coordinator should know about it.
     *
     * @param folder  the second place, when one is chosen
     * @param warning what is wrong (no second place, no copy yet, the last one older than a day), in words
     * @param state   one line on how it stands when nothing is wrong
     */
    record SecondPlaceView(Optional<Path> folder, Optional<String> warning, String state) {
    }

    SecondPlaceView secondPlace();

    /**
     * Automatic backups are copied to {@code folder} from now on (empty: no longer anywhere), and
     * the newest backup at once; returns how it stands then.
     *
     * @throws IOException with a plain sentence when the folder cannot be used
     */
    SecondPlaceView secondPlace(Optional<Path> folder) throws IOException;

    /**
     * Writes a new backup file into {@code folder}.
     *
     * @throws IOException with a plain sentence saying what failed
     */
    Saved exportInto(Path folder) throws IOException;

    /**
     * Merges a backup file into this kit (entries already here are kept; newer answers win).
     *
     * @param recoveryKey the team's recovery key as typed; empty: this team's own key only
     * @return a plain sentence of what the restore added or changed
     * @throws NeedsRecoveryKey when the file is encrypted with another key than the one given
     * @throws IOException with a plain sentence saying why the file was refused
     */
    String restoreFrom(Path file, Optional<String> recoveryKey) throws IOException;
}
