package org.lankit.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.lankit.store.Device;
import org.lankit.store.KitStore;
import org.lankit.store.StoredEntry;
import org.lankit.store.TeamIdentity;
import org.lankit.sync.Entry;
import org.lankit.sync.Form;

/**
 * Restores a backup into a master's store, whether empty or already holding data. First the file
 * is verified ({@link VerifiedBackup}: signed by this master's kit authority when it has one) and
 * its content checked at this computer's time ({@link BackupContent}); a refusal changes nothing. Then missing form versions and devices are added (devices without tokens: they
 * pair again) and photos this master lacks, and in one transaction the audit log is restored and every entry merged by
 * {@link ReplayMerge}: never duplicated, never silently overwritten. Each changed entry gets a new
 * seq and an audit event with action {@code import}; one more event sums the import up. In the same
 * transaction the team's servers are set up from the backup when this master has none, and the
 * upload receipts of the entries it created are kept, so what a server holds is not sent again.
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

    /** Imports one of this team's own backups (or a plain one of an older Lankit): see {@link #importFrom(Path, BackupUnlock)}. */
    public ImportReport importFrom(Path file) {
        return importFrom(file, BackupUnlock.none());
    }

    /** Imports {@code file}, signed by this master's kit authority, opened with this team's recovery key or {@code unlock}. */
    public ImportReport importFrom(Path file, BackupUnlock unlock) {
        try (VerifiedBackup backup = VerifiedBackup.open(file, store.dataDir(), BackupUnlock.ofTeam(store).and(unlock))) {
            return importFrom(backup);
        }
    }

    /**
     * After a restore into a new data folder: this folder becomes the backup's team (same teamId
     * and epoch, so phones and laptops know it as their master) and keeps the recovery key that
     * opened the backup, so the team's key stays the one the coordinator printed.
     */
    public static void adoptTeam(KitStore store, VerifiedBackup backup) {
        Optional<TeamIdentity> team = TeamState.readTeam(backup);
        team.ifPresent(store::setTeam);
        backup.recoveryKey().ifPresent(key -> RecoveryKeys.adopt(store, key));
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
        boolean sameMaster = masterDeviceId.equals(manifest.masterDeviceId());
        return store.write(writer -> {
            if (sameMaster) writer.raiseSeqAbove(manifest.lastSeq());
            int servers = TeamState.restoreTargets(store, content.targets());
            long[] audit = new long[1];
            content.eachAuditEvent(event -> {
                if (writer.restoreAudit(event)) audit[0]++;
            });
            long[] counts = new long[4];
            Set<String> created = new HashSet<>();
            content.eachEntry(fromBackup -> {
                Entry stored = writer.find(fromBackup.uuid()).map(StoredEntry::entry).orElse(null);
                ReplayMerge.Result result = merge.merge(stored, fromBackup);
                counts[result.kind().ordinal()]++;
                if (result.newConflicts()) counts[3]++;
                if (result.kind() != ReplayMerge.Kind.UNCHANGED) {
                    writer.commitMasterChange(result.entry(), masterDeviceId, ACTION);
                }
                if (sameMaster && result.kind() == ReplayMerge.Kind.CREATED) created.add(fromBackup.uuid());
            });
            // receipts count only for entries this import created as the backup had them, under the
            // same master (whose seqs were raised above the backup's: an older revision's seq stays below)
            long[] receipts = new long[1];
            content.eachReceipt(r -> {
                if (!created.contains(r.uuid())) return;
                long seq = writer.find(r.uuid()).orElseThrow().entry().seq();
                if (r.deliveredSeq() > 0) {
                    store.deliveries().delivered(r.target(), r.uuid(), r.deliveredSeq() == r.entrySeq() ? seq : r.deliveredSeq(), r.ref());
                }
                if (r.failedSeq() > 0 && r.failedSeq() == r.entrySeq()) store.deliveries().refused(r.target(), r.uuid(), seq, r.error());
                receipts[0]++;
            });
            ImportReport report = new ImportReport(formsAdded, devicesAdded, counts[0], counts[1], counts[2], counts[3], audit[0], photos,
                    servers, receipts[0]);
            writer.audit(masterDeviceId, ACTION, null, "backup " + backup.file().getFileName() + " of "
                    + manifest.team() + " (" + manifest.createdAt() + "): " + report.summary() + ". " + backup.signatureNote());
            return report;
        });
    }
}
