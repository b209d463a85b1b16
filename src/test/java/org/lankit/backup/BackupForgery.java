package org.lankit.backup;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.lankit.secure.KitAuthority;
import org.lankit.sync.Json;

/**
 * What a forger does to a (small) backup: change members, bring the manifest's sums up to date,
 * drop members, sign again with a key of their own. Each step returns a new forgery; {@link
 * #writeTo} writes the zip.
 */
final class BackupForgery {

    private final Map<String, byte[]> members;

    private BackupForgery(Map<String, byte[]> members) {
        this.members = members;
    }

    static BackupForgery of(Path backup) throws IOException {
        Map<String, byte[]> members = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(TestRecovery.plain(backup).toFile())) {
            for (ZipEntry e : zip.stream().toList()) {
                try (InputStream in = zip.getInputStream(e)) {
                    members.put(e.getName(), in.readAllBytes());
                }
            }
        }
        return new BackupForgery(members);
    }

    boolean has(String member) {
        return members.containsKey(member);
    }

    /** One member's text changed. */
    BackupForgery edit(String member, UnaryOperator<String> change) {
        Map<String, byte[]> next = new LinkedHashMap<>(members);
        next.put(member, change.apply(new String(members.get(member), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        return new BackupForgery(next);
    }

    /** One member put in (replacing one of that name), without touching the manifest. */
    BackupForgery put(String member, byte[] content) {
        Map<String, byte[]> next = new LinkedHashMap<>(members);
        next.put(member, content);
        return new BackupForgery(next);
    }

    /** One member added and listed in the manifest (its sums still to be brought up to date by {@link #rehashed}). */
    BackupForgery listed(String member, byte[] content) {
        ObjectNode manifest = (ObjectNode) tree(members.get(BackupFormat.MANIFEST));
        ((ArrayNode) manifest.get("members")).addObject().put("name", member).put("bytes", 0).put("sha256", "");
        return put(BackupFormat.MANIFEST, manifest.toString().getBytes(StandardCharsets.UTF_8)).put(member, content);
    }

    BackupForgery without(String member) {
        Map<String, byte[]> next = new LinkedHashMap<>(members);
        next.remove(member);
        return new BackupForgery(next);
    }

    /** The manifest's sizes and SHA-256 sums made to match the members again. */
    BackupForgery rehashed() {
        ObjectNode manifest = (ObjectNode) tree(members.get(BackupFormat.MANIFEST));
        for (var m : (ArrayNode) manifest.get("members")) {
            byte[] b = members.get(m.get("name").asText());
            ((ObjectNode) m).put("bytes", b.length).put("sha256", sha256(b));
        }
        return put(BackupFormat.MANIFEST, manifest.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Signed by {@code authority}, which the backup now carries in place of the team's. */
    BackupForgery signedBy(KitAuthority.KeptFiles authority) {
        BackupForgery carried = put(BackupFormat.KIT_CERTIFICATE, authority.certificate().getBytes(StandardCharsets.US_ASCII))
                .put(BackupFormat.KIT_KEY, authority.key().getBytes(StandardCharsets.US_ASCII)).rehashed();
        return carried.put(BackupFormat.SIGNATURE, BackupSignature.sign(authority, carried.members.get(BackupFormat.MANIFEST)));
    }

    Path writeTo(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var m : members.entrySet()) {
                zip.putNextEntry(new ZipEntry(m.getKey()));
                zip.write(m.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    private static com.fasterxml.jackson.databind.JsonNode tree(byte[] b) {
        try {
            return Json.MAPPER.readTree(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
