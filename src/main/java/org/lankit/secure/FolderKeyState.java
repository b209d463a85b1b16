package org.lankit.secure;

/** What opening a data folder's key takes on this computer, known before anything is opened or written. */
public enum FolderKeyState {
    /** No keys.json yet: a new key is made (a new or an older, unencrypted folder). */
    NEW,
    /** This computer's vault holds the key. */
    IN_VAULT,
    /** The vault lacks the key, but its passphrase opens it. */
    NEEDS_PASSPHRASE,
    /** The key is nowhere on this computer and no passphrase was set: the folder stays closed. */
    LOCKED
}
