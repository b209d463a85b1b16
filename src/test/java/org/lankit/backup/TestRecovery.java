package org.lankit.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.lankit.store.KitStore;

/**
 * One known recovery key for the backup tests: stores opened here keep it (as a master keeps its
 * team's), so a backup made by one opens in another, as on the team's new laptop after a restore.
 */
final class TestRecovery {

    static final String KEY = "ABCD-EFGH-JKMN-PQRS-TVWX-YZ23";

    private TestRecovery() {
    }

    /** A store that keeps {@link #KEY} as its team's recovery key. */
    static KitStore open(Path dataDir) {
        KitStore store = KitStore.open(dataDir);
        RecoveryKeys.adopt(store, RecoveryKey.parse(KEY).derive());
        return store;
    }

    static BackupUnlock unlock() {
        return BackupUnlock.recoveryKey(KEY);
    }

    /** The zip inside an encrypted backup, written next to it, for tests that look at (or forge) its members. */
    static Path plain(Path sealed) throws IOException {
        Path plain = sealed.resolveSibling(sealed.getFileName() + ".plain.zip");
        try (FileChannel file = FileChannel.open(sealed, StandardOpenOption.READ)) {
            BackupEnvelope.Opened opened = BackupEnvelope.open(file, sealed.getFileName().toString(), unlock());
            try (InputStream in = Channels.newInputStream(new SealedChannel(file, opened, sealed.getFileName().toString()))) {
                Files.copy(in, plain, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return plain;
    }
}
