package org.lankit.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.lankit.app.MasterKit;
import org.lankit.app.Version;
import org.lankit.backup.BackupImporter;
import org.lankit.backup.BackupOrigin;
import org.lankit.backup.BackupRejectedException;
import org.lankit.backup.Manifest;
import org.lankit.backup.VerifiedBackup;

/** The backup screen's view of the backup engine, for the running master. */
final class BackupLink implements BackupExporter {

    private final MasterKit kit;

    BackupLink(MasterKit kit) {
        this.kit = kit;
    }

    @Override
    public Saved exportInto(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) throw new IOException("the folder " + folder + " does not exist; choose another one");
        BackupOrigin origin = new BackupOrigin(kit.identity().name(), kit.identity().deviceId(), Version.current());
        org.lankit.backup.BackupExporter exporter = new org.lankit.backup.BackupExporter(kit.store(), origin);
        Path file;
        try {
            file = exporter.exportToFolder(folder);
        } catch (UncheckedIOException e) {
            throw new IOException("could not write into " + folder + " (" + e.getCause().getMessage() + "); choose another folder", e);
        }
        // read back whole, as the command line does: the coordinator is told only about a good copy
        try (VerifiedBackup written = VerifiedBackup.open(file, kit.store().dataDir())) {
            Manifest.Counts counts = written.manifest().counts();
            return new Saved(file, Words.plural(counts.entries(), "entry", "entries") + ", "
                    + Words.plural(counts.forms(), "form version", "form versions") + ", "
                    + Words.plural(counts.devices(), "device", "devices") + ", checked after writing");
        } catch (BackupRejectedException e) {
            throw new IOException("the backup written to " + file + " did not read back correctly: " + e.getMessage(), e);
        }
    }

    @Override
    public String restoreFrom(Path file) throws IOException {
        try {
            return "Restored " + file.getFileName() + ": "
                    + new BackupImporter(kit.store(), kit.identity().deviceId()).importFrom(file).summary() + ".";
        } catch (BackupRejectedException e) {
            throw new IOException("this file cannot be restored: " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new IOException("could not read " + file.getFileName() + " (" + e.getCause().getMessage() + ")", e);
        }
    }
}
