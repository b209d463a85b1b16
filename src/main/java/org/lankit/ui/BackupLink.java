package org.lankit.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.lankit.app.MasterKit;
import org.lankit.app.Version;
import org.lankit.backup.BackupImporter;
import org.lankit.backup.BackupLockedException;
import org.lankit.backup.BackupOrigin;
import org.lankit.backup.BackupRejectedException;
import org.lankit.backup.BackupSettings;
import org.lankit.backup.SecondPlace;
import org.lankit.backup.BackupUnlock;
import org.lankit.backup.ImportReport;
import org.lankit.backup.Manifest;
import org.lankit.backup.VerifiedBackup;

/** The backup screen's view of the backup engine, for the running master. */
final class BackupLink implements BackupExporter {

    private final MasterKit kit;

    BackupLink(MasterKit kit) {
        this.kit = kit;
    }

    @Override
    public SecondPlaceView secondPlace() {
        SecondPlace.Status now = new SecondPlace(kit.store()).status();
        DateTimeFormatter when = DateTimeFormatter.ofPattern(Text.get("backup.secondPlace.pattern"), Text.locale());
        String state = now.lastCopy().map(t -> Text.get("backup.secondPlace.lastCopy",
                now.folder().map(Path::toString).orElse(Text.get("backup.secondPlace.it")),
                when.format(t.atZone(ZoneId.systemDefault())))).orElse("");
        return new SecondPlaceView(now.folder(), warning(now, when), state);
    }

    /** The backup engine decides when to warn; the words are the panel's. */
    private static Optional<String> warning(SecondPlace.Status now, DateTimeFormatter when) {
        if (now.warning(Instant.now(), ZoneId.systemDefault()).isEmpty()) return Optional.empty();
        String cause = now.problem().map(p -> " " + Text.get("backup.secondPlace.lastTryFailed", p)).orElse("");
        if (now.folder().isEmpty()) return Optional.of(Text.get("backup.secondPlace.none"));
        if (now.lastCopy().isEmpty()) return Optional.of(Text.get("backup.secondPlace.noCopyYet", now.folder().get()) + cause);
        return Optional.of(Text.get("backup.secondPlace.old", now.folder().get(),
                when.format(now.lastCopy().get().atZone(ZoneId.systemDefault())), cause));
    }

    /** Chooses the place and copies the newest backup there at once (a new one when the folder holds none yet). */
    @Override
    public SecondPlaceView secondPlace(Optional<Path> folder) throws IOException {
        SecondPlace place = new SecondPlace(kit.store());
        if (folder.isEmpty()) {
            place.clear();
            return secondPlace();
        }
        try {
            place.choose(folder.get());
        } catch (IllegalArgumentException e) {
            throw new IOException(Text.get("backup.secondPlace.chooseAnother", e.getMessage()), e);
        }
        BackupSettings settings = BackupSettings.read(kit.store().settings(), kit.store().dataDir());
        Path newest = new org.lankit.backup.BackupExporter(kit.store(), origin()).exportToFolder(settings.folder());
        place.copy(newest, kit.identity().name(), settings.keep());
        return secondPlace();
    }

    @Override
    public Saved exportInto(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) throw new IOException(Text.get("backup.folderMissing", folder));
        org.lankit.backup.BackupExporter exporter = new org.lankit.backup.BackupExporter(kit.store(), origin());
        Path file;
        try {
            file = exporter.exportToFolder(folder);
        } catch (UncheckedIOException e) {
            throw new IOException(Text.get("backup.cannotWrite", folder, e.getCause().getMessage()), e);
        }
        // read back whole, as the command line does: the coordinator is told only about a good copy
        try (VerifiedBackup written = VerifiedBackup.open(file, kit.store().dataDir(), BackupUnlock.ofTeam(kit.store()))) {
            Manifest.Counts counts = written.manifest().counts();
            return new Saved(file, Text.get("backup.summary", Text.plural("backup.summary.entries", counts.entries()),
                    Text.plural("backup.summary.forms", counts.forms()), Text.plural("backup.summary.devices", counts.devices())));
        } catch (BackupRejectedException e) {
            throw new IOException(Text.get("backup.badCopy", file, e.getMessage()), e);
        }
    }

    private BackupOrigin origin() {
        return new BackupOrigin(kit.identity().name(), kit.identity().deviceId(), Version.current());
    }

    @Override
    public String restoreFrom(Path file, Optional<String> recoveryKey) throws IOException {
        BackupUnlock unlock;
        try {
            unlock = recoveryKey.map(BackupUnlock::recoveryKey).orElse(BackupUnlock.none());
        } catch (IllegalArgumentException e) {
            throw new NeedsRecoveryKey(e.getMessage()); // mistyped: its length, or a letter no key holds
        }
        try {
            return Text.get("backup.restored", file.getFileName(),
                    summary(new BackupImporter(kit.store(), kit.identity().deviceId()).importFrom(file, unlock)));
        } catch (BackupLockedException e) {
            throw new NeedsRecoveryKey(e.getMessage());
        } catch (BackupRejectedException e) {
            throw new IOException(Text.get("backup.cannotRestore", e.getMessage()), e);
        } catch (UncheckedIOException e) {
            throw new IOException(Text.get("backup.cannotRead", file.getFileName(), e.getCause().getMessage()), e);
        }
    }

    private static String summary(ImportReport r) {
        String summary = Text.get("backup.restored.summary", r.created(), r.updated(), r.unchanged(), r.withNewConflicts(),
                r.formsAdded(), r.devicesAdded(), r.auditRestored(), r.photosAdded());
        return r.serversAdded() > 0 ? summary + Text.get("backup.restored.servers", r.serversAdded(), r.receiptsRestored()) : summary;
    }
}
