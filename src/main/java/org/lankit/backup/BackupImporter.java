package org.lankit.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.lankit.store.Device;
import org.lankit.store.KitStore;
import org.lankit.store.StoredEntry;
import org.lankit.sync.Entry;
import org.lankit.sync.Form;

/**
 * Restores a backup into a master's store, whether empty or already holding data. First the file
 * is verified ({@link VerifiedBackup}: signed by this master's kit authority when it has one) and
 * its content checked at this computer's time ({@link BackupContent}); a refusal changes nothing. Then missing form versions and devices are added (devices without tokens: they
 * pair again) and photos this master lacks, and in one transaction the audit log is restored and every entry merged by
 * {@link ReplayMerge}: never duplicated, never silently overwritten. Each changed entry gets a new
 * seq and an audit event with action {@code import}; one more event sums the import up.
 */
public final class BackupImporter {

    public static final String ACTION = "import";

    private final KitStore store;
    private final String masterDeviceId;

    /** {@code masterDeviceId}: the master of this store, the authority of the merge rules. */
    public BackupImporter(KitStore store, String masterDeviceId) {
        this.store = store;
        this.masterDeviceId = masterDeviceId;
    }

    public ImportReport importFrom(Path file) {
        try (VerifiedBackup backup = VerifiedBackup.open(file, store.dataDir())) {
            return importFrom(backup);
        }
    }

    /** Puts back the backup's photos that this master lacks; one it holds is kept as it is (a name's bytes never change). */
    private long restorePhotos(VerifiedBackup backup) {
        long added = 0;
        for (String name : backup.attachmentNames()) {
            try (InputStream bytes = backup.member(BackupFormat.attachmentMember(name))) {
                if (store.attachments().restore(name, bytes)) added++;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot restore photo " + name + " from " + backup.file().getFileName(), e);
            }
        }
        return added;
    }

    /** Imports a backup opened by the caller; whose signature it needed is the caller's choice ({@link VerifiedBackup#open(Path, Path)}). */
    public ImportReport importFrom(VerifiedBackup backup) {
        BackupContent content = BackupContent.check(backup, store, System.currentTimeMillis());
        int forms = 0;
        for (Form f : content.forms()) {
            if (store.forms().version(f.id(), f.version()).isEmpty()) {
                store.forms().save(f);
                forms++;
            }
        }
        int devices = 0;
        for (Device d : content.devices()) {
            if (d.deviceId().equals(masterDeviceId) || store.devices().byId(d.deviceId()).isPresent()) continue;
            store.devices().add(d, null);
            devices++;
        }
        long photos = restorePhotos(backup);
        int formsAdded = forms;
        int devicesAdded = devices;
        Manifest manifest = backup.manifest();
        ReplayMerge merge = new ReplayMerge(masterDeviceId);
        return store.write(writer -> {
            if (masterDeviceId.equals(manifest.masterDeviceId())) writer.raiseSeqAbove(manifest.lastSeq());
            long[] audit = new long[1];
            content.eachAuditEvent(event -> {
                if (writer.restoreAudit(event)) audit[0]++;
            });
            long[] counts = new long[4];
            content.eachEntry(fromBackup -> {
                Entry stored = writer.find(fromBackup.uuid()).map(StoredEntry::entry).orElse(null);
                ReplayMerge.Result result = merge.merge(stored, fromBackup);
                counts[result.kind().ordinal()]++;
                if (result.newConflicts()) counts[3]++;
                if (result.kind() != ReplayMerge.Kind.UNCHANGED) {
                    writer.commitMasterChange(result.entry(), masterDeviceId, ACTION);
                }
            });
            ImportReport report = new ImportReport(formsAdded, devicesAdded, counts[0], counts[1], counts[2], counts[3], audit[0], photos);
            writer.audit(masterDeviceId, ACTION, null, "backup " + backup.file().getFileName() + " of "
                    + manifest.team() + " (" + manifest.createdAt() + "): " + report.summary() + ". " + backup.signatureNote());
            return report;
        });
    }
}
