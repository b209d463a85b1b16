package org.lankit.backup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.zip.CRC32;
import javax.crypto.SecretKey;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.lankit.backup.Manifest.Member;
import org.lankit.secure.KitAuthority;
import org.lankit.store.Attachments;
import org.lankit.sync.Json;

/**
 * A backup (encrypted, {@link BackupEnvelope}, or a plain zip of an older Lankit) opened with the
 * key it needs ({@link BackupUnlock}; the zip is read through {@link SealedChannel}, never written
 * out plain), whose manifest was read, whose team signature was checked ({@link BackupSignature})
 * and whose members all match the manifest (names, sizes, CRC and SHA-256) and stay within their
 * record limits ({@link RecordLimits}: no line of a {@code .jsonl} member is longer than
 * {@link RecordLimits#MAX_LINE}, which is what lets {@link BackupContent} read lines whole).
 * {@link #open} refuses a file that is not a complete zip, not a Lankit backup, made by a newer
 * format, not signed by whom it must be, or damaged anywhere, with a
 * {@link BackupRejectedException} saying which. Close it when done.
 */
public final class VerifiedBackup implements AutoCloseable {

    private static final int MAX_MANIFEST = 4 << 20;
    private static final int MAX_SIGNATURE = 4 << 10;

    private final Path file;
    private final ZipFile zip;
    private final Manifest manifest;
    private final BackupSignature.Signer signer;
    private final Optional<SecretKey> recoveryKey;

    private VerifiedBackup(Path file, ZipFile zip, Manifest manifest, BackupSignature.Signer signer, Optional<SecretKey> recoveryKey) {
        this.file = file;
        this.zip = zip;
        this.manifest = manifest;
        this.signer = signer;
        this.recoveryKey = recoveryKey;
    }

    /**
     * Opens a backup trusting the kit authority it carries, as a new, empty folder must (a
     * backup without a signature is accepted, see {@link #signer()}).
     */
    public static VerifiedBackup open(Path file, BackupUnlock unlock) {
        return open(file, unlock, Optional.empty());
    }

    /**
     * Opens a backup for the master whose data folder is {@code dataDir}: when that folder has a
     * kit authority, the backup must be signed by it; otherwise as {@link #open(Path, BackupUnlock)}.
     */
    public static VerifiedBackup open(Path file, Path dataDir, BackupUnlock unlock) {
        return open(file, unlock, KitAuthority.kept(dataDir).map(KitAuthority.KeptFiles::certificate));
    }

    private static VerifiedBackup open(Path file, BackupUnlock unlock, Optional<String> ownAuthority) {
        if (!Files.isRegularFile(file)) throw new BackupRejectedException("there is no file " + file);
        String name = file.getFileName().toString();
        ZipFile zip;
        Optional<SecretKey> recoveryKey = Optional.empty();
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
            SeekableByteChannel plain = channel;
            if (BackupEnvelope.isSealed(file)) {
                BackupEnvelope.Opened opened = BackupEnvelope.open(channel, name, unlock);
                recoveryKey = opened.recoveryKey();
                plain = new SealedChannel(channel, opened, name);
            }
            zip = ZipFile.builder().setSeekableByteChannel(plain).get();
        } catch (IOException e) {
            closeQuietly(channel);
            throw new BackupRejectedException(name + " is damaged or incomplete: it is not a whole backup file");
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
        try {
            ZipArchiveEntry manifestEntry = zip.getEntry(BackupFormat.MANIFEST);
            if (manifestEntry == null) throw new BackupRejectedException(name + " is not a Lankit backup: it has no " + BackupFormat.MANIFEST);
            byte[] manifestBytes = readChecked(zip, manifestEntry, name, MAX_MANIFEST);
            Manifest manifest = readManifest(name, manifestBytes);
            ZipArchiveEntry signatureEntry = zip.getEntry(BackupFormat.SIGNATURE);
            byte[] signature = signatureEntry == null ? null : readChecked(zip, signatureEntry, name, MAX_SIGNATURE);
            ZipArchiveEntry carriedEntry = zip.getEntry(BackupFormat.KIT_CERTIFICATE);
            Optional<String> carried = carriedEntry == null ? Optional.empty()
                    : Optional.of(new String(readChecked(zip, carriedEntry, name, RecordLimits.MAX_KIT_FILE), StandardCharsets.US_ASCII));
            BackupSignature.Signer signer = BackupSignature.check(name, manifestBytes, signature, ownAuthority, carried);
            verifyMembers(name, zip, manifest);
            return new VerifiedBackup(file, zip, manifest, signer, recoveryKey);
        } catch (RuntimeException e) {
            closeQuietly(zip);
            throw e;
        }
    }

    public Path file() {
        return file;
    }

    public Manifest manifest() {
        return manifest;
    }

    /** The recovery key (derived) that opened this backup; empty for a plain one or one opened by a passphrase. */
    Optional<SecretKey> recoveryKey() {
        return recoveryKey;
    }

    /** Who vouches for this backup: the importing master's own kit authority, the one it carries, or nobody. */
    BackupSignature.Signer signer() {
        return signer;
    }

    /** One sentence on how the backup's origin was checked, for the coordinator; a warning when it was not. */
    public String signatureNote() {
        String name = file.getFileName().toString();
        return switch (signer) {
            case THIS_MASTER -> name + " is signed by this team's kit authority.";
            case CARRIED_AUTHORITY -> name + " is signed by the kit authority it carries; this folder had none of its own"
                    + " to check it against.";
            case NONE -> "Warning: " + name + " carries no team signature (made by Lankit before backup format 2, or on a"
                    + " computer that never ran as master); only its checksums were checked.";
        };
    }

    /** The kit authority the backed-up master used, when the backup carries one. */
    public Optional<KitAuthority.KeptFiles> kitAuthority() {
        boolean carried = manifest.members().stream().anyMatch(m -> BackupFormat.KIT_KEY.equals(m.name()))
                && manifest.members().stream().anyMatch(m -> BackupFormat.KIT_CERTIFICATE.equals(m.name()));
        if (!carried) return Optional.empty();
        try (InputStream cert = member(BackupFormat.KIT_CERTIFICATE); InputStream key = member(BackupFormat.KIT_KEY)) {
            return Optional.of(new KitAuthority.KeptFiles(new String(cert.readNBytes(RecordLimits.MAX_KIT_FILE), StandardCharsets.US_ASCII),
                    new String(key.readNBytes(RecordLimits.MAX_KIT_FILE), StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            throw damaged(file.getFileName().toString(), BackupFormat.KIT_CERTIFICATE);
        }
    }

    /** Whether the manifest lists {@code member} (older backups lack the newer members). */
    boolean holds(String member) {
        return manifest.members().stream().anyMatch(m -> member.equals(m.name()));
    }

    /** The names of the photos the backup holds, as its manifest lists them. */
    List<String> attachmentNames() {
        return manifest.members().stream().map(m -> BackupFormat.attachmentName(m.name())).filter(n -> n != null).toList();
    }

    /** The content of one member named in the manifest. */
    InputStream member(String name) throws IOException {
        ZipArchiveEntry entry = zip.getEntry(name);
        if (entry == null) throw new BackupRejectedException("the backup has no " + name);
        return zip.getInputStream(entry);
    }

    @Override
    public void close() {
        closeQuietly(zip);
    }

    private static Manifest readManifest(String name, byte[] bytes) {
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new BackupRejectedException(name + " is not a Lankit backup: its manifest is unreadable");
        }
        if (!BackupFormat.FORMAT.equals(tree.path("format").asText())) {
            throw new BackupRejectedException(name + " is not a Lankit backup: its manifest is of another program");
        }
        int version = tree.path("formatVersion").asInt(0);
        if (version > BackupFormat.VERSION) {
            throw new BackupRejectedException(name + " was made by a newer Lankit (backup format " + version
                    + "); update Lankit to restore it");
        }
        try {
            Manifest manifest = Json.MAPPER.treeToValue(tree, Manifest.class);
            if (version < 1 || manifest.counts() == null) throw new IllegalArgumentException("incomplete");
            return manifest;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new BackupRejectedException(name + " is not a Lankit backup: its manifest is incomplete");
        }
    }

    private static void verifyMembers(String name, ZipFile zip, Manifest manifest) {
        Set<String> listed = new HashSet<>();
        for (Member m : manifest.members()) {
            if (m.name() == null || m.name().equals(BackupFormat.MANIFEST) || m.name().equals(BackupFormat.SIGNATURE)
                    || !listed.add(m.name())) {
                throw new BackupRejectedException(name + " is damaged: its manifest lists " + m.name() + " wrongly");
            }
            // a photo's member name becomes a file name on import: only a real attachment name will do
            if (BackupFormat.isAttachment(m.name()) && BackupFormat.attachmentName(m.name()) == null) {
                throw new BackupRejectedException(name + " is damaged: " + m.name() + " is not the name of a photo");
            }
            if (BackupFormat.isAttachment(m.name()) && m.bytes() > Attachments.MAX_BYTES) {
                throw new BackupRejectedException(name + " cannot be imported: " + m.name() + " is larger than a photo may be ("
                        + RecordLimits.inWords(Attachments.MAX_BYTES) + "); nothing was changed");
            }
        }
        for (String required : List.of(BackupFormat.FORMS, BackupFormat.ENTRIES, BackupFormat.DEVICES, BackupFormat.AUDIT)) {
            if (!listed.contains(required)) throw new BackupRejectedException(name + " is damaged: " + required + " is missing");
        }
        Collections.list(zip.getEntries()).forEach(entry -> {
            boolean own = entry.getName().equals(BackupFormat.MANIFEST) || entry.getName().equals(BackupFormat.SIGNATURE);
            if (!own && !listed.contains(entry.getName())) {
                throw new BackupRejectedException(name + " is damaged: it holds " + entry.getName() + ", which its manifest does not list");
            }
        });
        for (Member m : manifest.members()) {
            ZipArchiveEntry entry = zip.getEntry(m.name());
            if (entry == null) throw new BackupRejectedException(name + " is damaged: " + m.name() + " is missing");
            verifyMember(zip, entry, m, name);
        }
    }

    /**
     * Streams one member through CRC-32, SHA-256 and its record limits ({@link RecordLimits}) and
     * compares the sums with what was written; stops as soon as it is longer than the manifest says.
     */
    private static void verifyMember(ZipFile zip, ZipArchiveEntry entry, Member expected, String file) {
        MessageDigest sha = HashingOutputStream.sha256();
        CRC32 crc = new CRC32();
        RecordLimits.Meter limits = RecordLimits.of(file, expected.name());
        long size = 0;
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                limits.feed(buffer, n);
                sha.update(buffer, 0, n);
                crc.update(buffer, 0, n);
                size += n;
                if (size > expected.bytes()) throw damaged(file, expected.name());
            }
        } catch (IOException e) {
            throw damaged(file, expected.name());
        }
        boolean same = size == expected.bytes() && crc.getValue() == entry.getCrc()
                && HexFormat.of().formatHex(sha.digest()).equalsIgnoreCase(String.valueOf(expected.sha256()));
        if (!same) throw damaged(file, expected.name());
    }

    /** A small member whole, at most {@code limit} bytes, checked against its CRC. */
    private static byte[] readChecked(ZipFile zip, ZipArchiveEntry entry, String file, int limit) {
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] bytes = in.readNBytes(limit);
            CRC32 crc = new CRC32();
            crc.update(bytes);
            if (crc.getValue() != entry.getCrc() || in.read() >= 0) throw damaged(file, entry.getName());
            return bytes;
        } catch (IOException e) {
            throw damaged(file, entry.getName());
        }
    }

    private static BackupRejectedException damaged(String file, String member) {
        return new BackupRejectedException(file + " is damaged: " + member + " does not match its checksum");
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) return;
        try {
            closeable.close();
        } catch (Exception ignored) {
            // read-only; nothing to lose
        }
    }
}
