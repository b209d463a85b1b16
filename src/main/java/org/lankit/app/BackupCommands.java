package org.lankit.app;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.lankit.backup.BackupExporter;
import org.lankit.backup.BackupImporter;
import org.lankit.backup.BackupOrigin;
import org.lankit.backup.BackupRejectedException;
import org.lankit.backup.BackupUnlock;
import org.lankit.backup.CsvExporter;
import org.lankit.backup.ImportReport;
import org.lankit.backup.Manifest;
import org.lankit.backup.RecoveryKeys;
import org.lankit.backup.VerifiedBackup;
import org.lankit.pairing.Tokens;
import org.lankit.secure.KitAuthority;
import org.lankit.store.DataFolderException;
import org.lankit.store.KitStore;
import org.lankit.sync.Hlc;

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
    static int run(KitOptions options, String recoveryKey, PrintStream out, PrintStream err) {
        try (KitStore store = KitStore.open(options.dataDir())) {
            if (options.importBackup() != null) out.println(importBackup(store, options.importBackup(), unlock(recoveryKey)));
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

    private static BackupUnlock unlock(String recoveryKey) {
        return recoveryKey == null || recoveryKey.isBlank() ? BackupUnlock.none() : BackupUnlock.recoveryKey(recoveryKey);
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

    /**
     * Restores into a master's folder. A folder that never ran takes over the backup's master
     * identity (device id, team name), so the restored master is the team's master again. A folder
     * with its own kit authority takes only backups it signed; the second line says how the
     * backup's origin was checked (a warning for an unsigned one). A new folder also becomes the
     * backup's team (same teamId and epoch) and keeps the recovery key that opened it.
     */
    private static String importBackup(KitStore store, Path file, BackupUnlock unlock) {
        if (store.settings().get(SettingKeys.ROLE).map(Role.CLIENT.name()::equals).orElse(false)) {
            throw new IllegalArgumentException("this data folder belongs to a client; restore backups into a master's folder");
        }
        try (VerifiedBackup backup = VerifiedBackup.open(file, store.dataDir(), BackupUnlock.ofTeam(store).and(unlock))) {
            Manifest manifest = backup.manifest();
            boolean fresh = store.settings().get(SettingKeys.DEVICE_ID).isEmpty();
            String deviceId = store.settings().get(SettingKeys.DEVICE_ID)
                    .orElse(Hlc.isValidDeviceId(manifest.masterDeviceId()) ? manifest.masterDeviceId() : Tokens.newDeviceId());
            ImportReport report = new BackupImporter(store, deviceId).importFrom(backup);
            if (fresh) {
                // only after the import worked: a refused backup leaves the folder as it was;
                // the kit authority comes back too, so the team's phones keep trusting their master
                backup.kitAuthority().ifPresent(files -> KitAuthority.restore(store.dataDir(), files));
                BackupImporter.adoptTeam(store, backup);
                store.settings().put(SettingKeys.DEVICE_ID, deviceId);
                if (manifest.team() != null && store.settings().get(SettingKeys.TEAM_NAME).isEmpty()) {
                    store.settings().put(SettingKeys.TEAM_NAME, manifest.team());
                }
            }
            return "Backup " + file.getFileName() + " imported: " + report.summary() + System.lineSeparator()
                    + backup.signatureNote();
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
