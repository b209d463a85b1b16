package org.lankit.app;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.lankit.backup.BackupExporter;
import org.lankit.backup.BackupOrigin;
import org.lankit.backup.BackupRejectedException;
import org.lankit.backup.BackupUnlock;
import org.lankit.backup.CsvExporter;
import org.lankit.backup.Manifest;
import org.lankit.backup.RecoveryKeys;
import org.lankit.backup.VerifiedBackup;
import org.lankit.store.DataFolderException;
import org.lankit.store.KitStore;

/**
 * The one-off actions for scripts: {@code --import-backup}, {@code --export-backup} and
 * {@code --export-csv} on the data folder (in that order when combined), each reported in one
 * line; a failure is one line on standard error and a non-zero exit code. An encrypted backup
 * opens with the team's recovery key ({@code --recovery-key} or {@link #RECOVERY_KEY_VARIABLE}),
 * or without one in the folder of the team's own master.
 */
final class BackupCommands {

    /** Where scripts put the recovery key for {@code --import-backup}: ps does not show the environment. */
    static final String RECOVERY_KEY_VARIABLE = "LANKIT_RECOVERY_KEY";

    private BackupCommands() {
    }

    /** {@code recoveryKey}: as typed, or null when none was given. */
    /** {@code passphrase}: the folder's passphrase ({@code --passphrase-file}, {@code LANKIT_PASSPHRASE}), which opens a backup as the recovery key does. */
    static int run(KitOptions options, String recoveryKey, Optional<char[]> passphrase, PrintStream out, PrintStream err) {
        try (KitStore store = KitStore.open(options.dataDir())) {
            if (options.importBackup() != null) out.println(TeamRestore.restore(store, options.importBackup(), unlock(recoveryKey, passphrase)));
            if (options.exportBackup() != null) out.println(exportBackup(store, options.exportBackup()));
            if (options.exportCsv() != null) {
                List<Path> files = new CsvExporter(store).exportTo(options.exportCsv());
                out.println("Wrote " + files.size() + " CSV file(s) to " + options.exportCsv());
            }
            return Main.OK;
        } catch (BackupRejectedException | DataFolderException | UncheckedIOException | IllegalArgumentException
                 | IllegalStateException e) {
            err.println("lankit: " + firstLine(e.getMessage()));
            return Main.FAILED;
        }
    }

    private static BackupUnlock unlock(String recoveryKey, Optional<char[]> passphrase) {
        BackupUnlock byKey = recoveryKey == null || recoveryKey.isBlank() ? BackupUnlock.none() : BackupUnlock.recoveryKey(recoveryKey);
        return passphrase.map(p -> byKey.and(BackupUnlock.passphrase(p))).orElse(byKey);
    }

    /**
     * Writes the backup, then reads it back whole, so a script knows the copy on the stick is good.
     * A folder that never ran as master has no recovery key yet: it is made now and shown on the
     * first line, once.
     */
    private static String exportBackup(KitStore store, Path target) {
        String made = RecoveryKeys.makeIfMissing(store).map(key -> key.notice() + System.lineSeparator()).orElse("");
        BackupExporter exporter = new BackupExporter(store, origin(store));
        Path file = target;
        if (Files.isDirectory(target)) {
            file = exporter.exportToFolder(target);
        } else {
            exporter.export(target);
        }
        try (VerifiedBackup written = VerifiedBackup.open(file, store.dataDir(), BackupUnlock.ofTeam(store))) {
            Manifest.Counts counts = written.manifest().counts();
            return made + "Backup written and verified (encrypted): " + file.toAbsolutePath() + " (" + counts.entries() + " entries, "
                    + counts.forms() + " form version(s), " + counts.audit() + " audit event(s))";
        }
    }

    private static BackupOrigin origin(KitStore store) {
        String team = store.settings().get(SettingKeys.TEAM_NAME).orElse("lankit");
        return new BackupOrigin(team, store.settings().get(SettingKeys.DEVICE_ID).orElse(null), Version.current());
    }

    private static String firstLine(String message) {
        return message == null ? "failed" : message.lines().findFirst().orElse("failed");
    }
}
