package org.lankit.secure;

import org.lankit.secure.Argon2Kdf.Argon2Params;

/**
 * The data key sealed with a key derived from a passphrase (Argon2id), as kept in keys.json: with
 * the passphrase, the folder opens on a computer whose vault lacks the key. {@code kind} names
 * what derives the sealing key; only {@value #PASSPHRASE} exists so far, others are skipped.
 */
public record KeyWrap(String kind, String salt, Argon2Params params, String sealedKey) {

    public static final String PASSPHRASE = "passphrase";
}
