package org.lankit.app;

import java.nio.file.Path;
import org.lankit.backup.BackupImporter;
import org.lankit.backup.BackupUnlock;
import org.lankit.backup.ImportReport;
import org.lankit.backup.Manifest;
import org.lankit.backup.VerifiedBackup;
import org.lankit.pairing.Tokens;
import org.lankit.secure.KitAuthority;
import org.lankit.store.KitStore;
import org.lankit.sync.Hlc;

/** A backup restored into a master's data folder: {@code --import-backup}, and the panel's "Restore the team from a backup". */
public final class TeamRestore {

    private TeamRestore() {
    }

    /**
     * Restores into a master's folder. A folder that never ran takes over the backup's master
     * identity (device id, team name), so the restored master is the team's master again. A folder
     * with its own kit authority takes only backups it signed; the second line says how the
     * backup's origin was checked (a warning for an unsigned one). A new folder also becomes the
     * backup's team (same teamId and epoch) and keeps the recovery key that opened it.
     */
    public static String restore(KitStore store, Path file, BackupUnlock unlock) {
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
                backup.kitAuthority().ifPresent(files -> KitAuthority.restore(store.dataDir(), store.dataKey(), files));
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
}
