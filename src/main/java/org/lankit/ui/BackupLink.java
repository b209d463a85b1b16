package org.lankit.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
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
import org.lankit.backup.Manifest;
import org.lankit.backup.VerifiedBackup;

/** The backup screen's view of the backup engine, for the running master. */
final class BackupLink implements BackupExporter {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    private final MasterKit kit;

    BackupLink(MasterKit kit) {
        this.kit = kit;
    }

    @Override
    public SecondPlaceView secondPlace() {
        SecondPlace.Status now = new SecondPlace(kit.store()).status();
        String state = now.lastCopy().map(t -> "The last copy reached " + now.folder().map(Path::toString).orElse("it") + " on "
                + WHEN.format(t.atZone(ZoneId.systemDefault())) + ".").orElse("");
        return new SecondPlaceView(now.folder(), now.warning(Instant.now(), ZoneId.systemDefault()), state);
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
            throw new IOException(e.getMessage() + "; choose another one", e);
        }
        BackupSettings settings = BackupSettings.read(kit.store().settings(), kit.store().dataDir());
        Path newest = new org.lankit.backup.BackupExporter(kit.store(), origin()).exportToFolder(settings.folder());
        place.copy(newest, kit.identity().name(), settings.keep());
        return secondPlace();
    }

    @Override
    public Saved exportInto(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) throw new IOException("the folder " + folder + " does not exist; choose another one");
        org.lankit.backup.BackupExporter exporter = new org.lankit.backup.BackupExporter(kit.store(), origin());
        Path file;
        try {
            file = exporter.exportToFolder(folder);
        } catch (UncheckedIOException e) {
            throw new IOException("could not write into " + folder + " (" + e.getCause().getMessage() + "); choose another folder", e);
        }
        // read back whole, as the command line does: the coordinator is told only about a good copy
        try (VerifiedBackup written = VerifiedBackup.open(file, kit.store().dataDir(), BackupUnlock.ofTeam(kit.store()))) {
            Manifest.Counts counts = written.manifest().counts();
            return new Saved(file, Words.plural(counts.entries(), "entry", "entries") + ", "
                    + Words.plural(counts.forms(), "form version", "form versions") + ", "
                    + Words.plural(counts.devices(), "device", "devices") + ", checked after writing");
        } catch (BackupRejectedException e) {
            throw new IOException("the backup written to " + file + " did not read back correctly: " + e.getMessage(), e);
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
            return "Restored " + file.getFileName() + ": "
                    + new BackupImporter(kit.store(), kit.identity().deviceId()).importFrom(file, unlock).summary() + ".";
        } catch (BackupLockedException e) {
            throw new NeedsRecoveryKey(e.getMessage());
        } catch (BackupRejectedException e) {
            throw new IOException("this file cannot be restored: " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new IOException("could not read " + file.getFileName() + " (" + e.getCause().getMessage() + ")", e);
        }
    }
}
