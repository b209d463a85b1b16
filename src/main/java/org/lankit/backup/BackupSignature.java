package org.lankit.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Optional;
import org.lankit.secure.KitAuthority;
import org.lankit.secure.KitSignature;
import org.lankit.sync.Json;

/**
 * The team's signature over a backup: the kit authority's key signs the exact bytes of
 * {@code manifest.json} (which holds the SHA-256 of every other member), written as
 * {@code manifest.sig}. An import checks it against the importing master's own authority when it
 * has one, else against the authority the backup carries (a new, empty folder has nothing else
 * to go by), and says which; a backup without a signature is accepted only into a folder without
 * an authority, with a warning.
 *
 * @param algorithm always {@link KitSignature#ALGORITHM}
 * @param signer    the pin of the authority that signed, for messages (not trusted)
 * @param signature the signature, base64
 */
record BackupSignature(String algorithm, String signer, String signature) {

    /** Who vouches for a backup that passed {@link #check}. */
    enum Signer { THIS_MASTER, CARRIED_AUTHORITY, NONE }

    /** The signature file for {@code manifest} by {@code authority}, as written into the zip. */
    static byte[] sign(KitAuthority.KeptFiles authority, byte[] manifest) {
        BackupSignature s = new BackupSignature(KitSignature.ALGORITHM, KitSignature.pinOf(authority.certificate()).orElse(null),
                Base64.getEncoder().encodeToString(KitSignature.sign(authority, manifest)));
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checks {@code signatureFile} (null: the backup has none) over {@code manifest}.
     *
     * @param own     the importing folder's kit certificate (PEM), if it has one
     * @param carried the kit certificate the backup carries (PEM), if any
     * @throws BackupRejectedException when the backup is not signed by whom it must be
     */
    static Signer check(String file, byte[] manifest, byte[] signatureFile, Optional<String> own, Optional<String> carried) {
        if (signatureFile == null) {
            if (own.isEmpty()) return Signer.NONE;
            throw new BackupRejectedException(file + " has no team signature, so this master cannot tell it from a forged file"
                    + " (backups of Lankit before backup format 2 have none); restore it into a new, empty data folder instead");
        }
        byte[] signature = decode(file, signatureFile);
        if (own.isPresent()) {
            if (KitSignature.verifies(own.get(), manifest, signature)) return Signer.THIS_MASTER;
            if (carried.isPresent() && !carried.equals(own) && KitSignature.verifies(carried.get(), manifest, signature)) {
                throw new BackupRejectedException(file + " is signed by another team's kit authority ("
                        + KitSignature.pinOf(carried.get()).orElse("unknown") + "), not this master's, so it is not merged here;"
                        + " to move a team to this laptop, restore the backup into a new, empty data folder");
            }
            throw forged(file);
        }
        if (carried.isPresent() && KitSignature.verifies(carried.get(), manifest, signature)) return Signer.CARRIED_AUTHORITY;
        throw forged(file);
    }

    private static byte[] decode(String file, byte[] signatureFile) {
        try {
            BackupSignature s = Json.MAPPER.readValue(signatureFile, BackupSignature.class);
            if (!KitSignature.ALGORITHM.equals(s.algorithm()) || s.signature() == null) throw forged(file);
            return Base64.getDecoder().decode(s.signature());
        } catch (IOException | IllegalArgumentException e) {
            throw forged(file);
        }
    }

    private static BackupRejectedException forged(String file) {
        return new BackupRejectedException(file + " is damaged or forged: its team signature does not match its content"
                + " (it was changed after it was written)");
    }
}
