package org.lankit.backup;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.lankit.backup.Manifest.Counts;
import org.lankit.backup.Manifest.Member;
import org.lankit.secure.KitAuthority;
import org.lankit.store.AuditEvent;
import org.lankit.secure.DataKeys;
import org.lankit.store.KitStore;
import org.lankit.store.Page;
import org.lankit.store.StoredEntry;
import org.lankit.store.TeamIdentity;
import org.lankit.sync.Form;
import org.lankit.sync.Json;
import org.lankit.upstream.ApiSettings;
import org.lankit.upstream.TargetSettings;

/**
 * Writes an encrypted backup of the whole store: a zip sealed in chunks as it is written
 * ({@link BackupEnvelope}, locked with the team's recovery key), so no plain byte reaches the
 * disk. Everything is read in one read transaction (a
 * consistent copy while the hub keeps working) and streamed page by page, so memory stays the
 * same for any number of entries; the file appears under its final name only when complete
 * ({@link AtomicFile}). Members: forms, entries (as stored, one JSON per line), devices (no token
 * hashes), the team's identity, its team servers with their secrets and upload receipts
 * ({@link TeamState}), the audit log, a CSV per form, the photos ({@code attachments/<name>}, complete ones
 * only: they never change once complete), the kit authority phones trust, then the manifest
 * with their SHA-256 sums and last the kit authority's signature over the manifest
 * ({@link BackupSignature}; a folder that never ran as master has no authority and writes none).
 */
public final class BackupExporter {

    static final int PAGE = 500;

    private final KitStore store;
    private final BackupOrigin origin;
    private final Clock clock;
    private final ExportProgress progress;

    public BackupExporter(KitStore store, BackupOrigin origin) {
        this(store, origin, Clock.systemDefaultZone(), ExportProgress.NONE);
    }

    public BackupExporter(KitStore store, BackupOrigin origin, Clock clock, ExportProgress progress) {
        this.store = store;
        this.origin = origin;
        this.clock = clock;
        this.progress = progress;
    }

    /** Writes {@code lankit-backup-<team>-<date-time>.zip} into {@code folder}; returns its path. */
    public Path exportToFolder(Path folder) {
        Path file = folder.resolve(BackupFormat.fileName(origin.team(), LocalDateTime.now(clock)));
        export(file);
        return file;
    }

    /**
     * Writes the backup to {@code file} (replacing it when it exists) and returns its manifest.
     * @throws IllegalStateException when the team has no recovery key yet ({@link RecoveryKeys})
     */
    public Manifest export(Path file) {
        BackupKeys keys = new BackupKeys(RecoveryKeys.required(store), store.dataKey(), DataKeys.passphraseWrap(store.dataDir())
                .map(w -> new BackupKeys.PassphraseLock(w.params(), w.salt(), w.place(), w.sealedKey())));
        TeamIdentity team = store.team(); // made on first use: a write, which the snapshot's read transaction cannot hold
        return store.snapshot(() -> {
            Manifest[] written = new Manifest[1];
            AtomicFile.write(file, out -> {
                SealedOutputStream sealed = BackupEnvelope.begin(out, keys);
                written[0] = writeZip(sealed, team);
                sealed.finish();
            });
            return written[0];
        });
    }

    private Manifest writeZip(OutputStream target, TeamIdentity team) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(target);
        List<Member> members = new ArrayList<>();
        List<Form> forms = store.forms().all();
        members.add(member(zip, BackupFormat.FORMS, out -> Json.MAPPER.writeValue(out, forms)));

        long[] entries = new long[2];
        members.add(member(zip, BackupFormat.ENTRIES, out -> {
            long[] counted = writeEntries(out);
            entries[0] = counted[0];
            entries[1] = counted[1];
        }));

        var devices = store.devices().all();
        members.add(member(zip, BackupFormat.DEVICES, out -> Json.MAPPER.writeValue(out, devices)));

        members.add(member(zip, BackupFormat.TEAM, out -> Json.MAPPER.writeValue(out, team)));
        List<TargetSettings> targets = ApiSettings.load(store);
        members.add(member(zip, BackupFormat.UPSTREAM, out -> TeamState.writeTargets(targets, out)));
        members.add(member(zip, BackupFormat.DELIVERIES, out -> TeamState.writeReceipts(store, targets, out)));

        long[] audit = new long[1];
        members.add(member(zip, BackupFormat.AUDIT, out -> audit[0] = writeAudit(out)));

        Set<String> formIds = new LinkedHashSet<>();
        forms.forEach(f -> formIds.add(f.id()));
        for (String formId : formIds) {
            for (CsvFile csv : CsvFile.ofForm(formId, forms)) {
                members.add(member(zip, BackupFormat.csvMember(csv.name()), out -> csv.write(store, out)));
            }
        }

        // photos are JPEG or PNG, compressed already: stored as they are, without spending CPU on them
        zip.setLevel(Deflater.NO_COMPRESSION);
        for (String name : store.attachments().names()) {
            Path photo = store.attachments().file(name).orElseThrow();
            members.add(member(zip, BackupFormat.attachmentMember(name), out -> Files.copy(photo, out)));
        }
        zip.setLevel(Deflater.DEFAULT_COMPRESSION);

        Optional<KitAuthority.KeptFiles> authority = KitAuthority.kept(store.dataDir(), store.dataKey());
        if (authority.isPresent()) {
            byte[] certificate = authority.get().certificate().getBytes(StandardCharsets.US_ASCII);
            byte[] key = authority.get().key().getBytes(StandardCharsets.US_ASCII);
            members.add(member(zip, BackupFormat.KIT_CERTIFICATE, out -> out.write(certificate)));
            members.add(member(zip, BackupFormat.KIT_KEY, out -> out.write(key)));
        }

        Manifest manifest = new Manifest(BackupFormat.FORMAT, BackupFormat.VERSION, origin.appVersion(),
                clock.instant().toString(), origin.team(), origin.masterDeviceId(), store.lastSeq(),
                new Counts(forms.size(), entries[0], entries[1], devices.size(), audit[0]), members);
        byte[] manifestBytes = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
        zip.putNextEntry(new ZipEntry(BackupFormat.MANIFEST));
        zip.write(manifestBytes);
        zip.closeEntry();
        if (authority.isPresent()) {
            zip.putNextEntry(new ZipEntry(BackupFormat.SIGNATURE));
            zip.write(BackupSignature.sign(authority.get(), manifestBytes));
            zip.closeEntry();
        }
        zip.finish();
        return manifest;
    }

    /** Returns {entries, open conflicts}. */
    private long[] writeEntries(OutputStream out) throws IOException {
        long total = store.entryCount();
        long count = 0;
        long conflicts = 0;
        long after = 0;
        for (Page<StoredEntry> page = store.entryPage(after, PAGE); !page.isEmpty(); page = store.entryPage(after, PAGE)) {
            for (StoredEntry stored : page.items()) {
                out.write(Json.MAPPER.writeValueAsBytes(stored.entry()));
                out.write('\n');
                conflicts += stored.entry().conflicts().size();
                count++;
            }
            after = page.lastId();
            progress.entriesWritten(count, total);
        }
        return new long[] {count, conflicts};
    }

    private long writeAudit(OutputStream out) throws IOException {
        long count = 0;
        long after = 0;
        for (Page<AuditEvent> page = store.auditPage(after, PAGE); !page.isEmpty(); page = store.auditPage(after, PAGE)) {
            for (AuditEvent event : page.items()) {
                out.write(Json.MAPPER.writeValueAsBytes(event));
                out.write('\n');
                count++;
            }
            after = page.lastId();
        }
        return count;
    }

    private static Member member(ZipOutputStream zip, String name, AtomicFile.Content content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        HashingOutputStream hashing = new HashingOutputStream(new BufferedOutputStream(zip, 1 << 16));
        content.writeTo(hashing);
        hashing.flush();
        zip.closeEntry();
        return new Member(name, hashing.count(), hashing.sha256Hex());
    }
}
