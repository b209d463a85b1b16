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
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.lankit.backup.Manifest.Member;
import org.lankit.secure.KitAuthority;
import org.lankit.sync.Json;

/**
 * A backup zip whose manifest was read and whose members all match it (names, sizes, CRC and
 * SHA-256). {@link #open} refuses a file that is not a complete zip, not a Lankit backup, made by
 * a newer format, or damaged anywhere, with a {@link BackupRejectedException} saying which. Close
 * it when done.
 */
public final class VerifiedBackup implements AutoCloseable {

    private final Path file;
    private final ZipFile zip;
    private final Manifest manifest;

    private VerifiedBackup(Path file, ZipFile zip, Manifest manifest) {
        this.file = file;
        this.zip = zip;
        this.manifest = manifest;
    }

    public static VerifiedBackup open(Path file) {
        if (!Files.isRegularFile(file)) throw new BackupRejectedException("there is no file " + file);
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new BackupRejectedException(file.getFileName() + " is damaged or incomplete: it is not a whole zip file");
        } catch (IOException e) {
            throw new BackupRejectedException("cannot read " + file + ": " + e.getMessage(), e);
        }
        try {
            Manifest manifest = readManifest(file, zip);
            verifyMembers(file, zip, manifest);
            return new VerifiedBackup(file, zip, manifest);
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

    /** The kit authority the backed-up master used, when the backup carries one. */
    public Optional<KitAuthority.KeptFiles> kitAuthority() {
        boolean carried = manifest.members().stream().anyMatch(m -> BackupFormat.KIT_KEY.equals(m.name()))
                && manifest.members().stream().anyMatch(m -> BackupFormat.KIT_CERTIFICATE.equals(m.name()));
        if (!carried) return Optional.empty();
        try (InputStream cert = member(BackupFormat.KIT_CERTIFICATE); InputStream key = member(BackupFormat.KIT_KEY)) {
            return Optional.of(new KitAuthority.KeptFiles(new String(cert.readNBytes(64 * 1024), StandardCharsets.US_ASCII),
                    new String(key.readNBytes(64 * 1024), StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            throw damaged(file.getFileName().toString(), BackupFormat.KIT_CERTIFICATE);
        }
    }

    /** The content of one member named in the manifest. */
    InputStream member(String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) throw new BackupRejectedException("the backup has no " + name);
        return zip.getInputStream(entry);
    }

    @Override
    public void close() {
        closeQuietly(zip);
    }

    private static Manifest readManifest(Path file, ZipFile zip) {
        ZipEntry entry = zip.getEntry(BackupFormat.MANIFEST);
        String name = file.getFileName().toString();
        if (entry == null) throw new BackupRejectedException(name + " is not a Lankit backup: it has no " + BackupFormat.MANIFEST);
        byte[] bytes = readChecked(zip, entry, name);
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

    private static void verifyMembers(Path file, ZipFile zip, Manifest manifest) {
        String name = file.getFileName().toString();
        Set<String> listed = new HashSet<>();
        for (Member m : manifest.members()) {
            if (m.name() == null || m.name().equals(BackupFormat.MANIFEST) || !listed.add(m.name())) {
                throw new BackupRejectedException(name + " is damaged: its manifest lists " + m.name() + " wrongly");
            }
        }
        for (String required : List.of(BackupFormat.FORMS, BackupFormat.ENTRIES, BackupFormat.DEVICES, BackupFormat.AUDIT)) {
            if (!listed.contains(required)) throw new BackupRejectedException(name + " is damaged: " + required + " is missing");
        }
        zip.stream().forEach(entry -> {
            if (!entry.getName().equals(BackupFormat.MANIFEST) && !listed.contains(entry.getName())) {
                throw new BackupRejectedException(name + " is damaged: it holds " + entry.getName() + ", which its manifest does not list");
            }
        });
        for (Member m : manifest.members()) {
            ZipEntry entry = zip.getEntry(m.name());
            if (entry == null) throw new BackupRejectedException(name + " is damaged: " + m.name() + " is missing");
            verifyMember(zip, entry, m, name);
        }
    }

    /** Streams one member through CRC-32 and SHA-256 and compares both with what was written. */
    private static void verifyMember(ZipFile zip, ZipEntry entry, Member expected, String file) {
        MessageDigest sha = HashingOutputStream.sha256();
        CRC32 crc = new CRC32();
        long size = 0;
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha.update(buffer, 0, n);
                crc.update(buffer, 0, n);
                size += n;
            }
        } catch (IOException e) {
            throw damaged(file, expected.name());
        }
        boolean same = size == expected.bytes() && crc.getValue() == entry.getCrc()
                && HexFormat.of().formatHex(sha.digest()).equalsIgnoreCase(String.valueOf(expected.sha256()));
        if (!same) throw damaged(file, expected.name());
    }

    private static byte[] readChecked(ZipFile zip, ZipEntry entry, String file) {
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] bytes = in.readNBytes(4 << 20);
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

    private static void closeQuietly(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException ignored) {
            // read-only; nothing to lose
        }
    }
}
