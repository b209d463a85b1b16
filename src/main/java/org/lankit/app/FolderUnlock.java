package org.lankit.app;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.lankit.secure.DataKeyMissingException;
import org.lankit.secure.DataKeys;
import org.lankit.secure.KeyVault;
import org.lankit.secure.KeyVaultUnavailableException;
import org.lankit.secure.KeyVaults;
import org.lankit.secure.WrongPassphraseException;

/**
 * Before anything opens the data folder: where this computer lacks the folder's key, opens it with
 * the passphrase given and puts it into this computer's vault (so the next start asks nothing),
 * or says in one line why the folder stays closed. Nothing in the folder is written on refusal.
 */
final class FolderUnlock {

    private FolderUnlock() {
    }

    /**
     * Empty when the kit may go on and open the folder; else the one line to print. With
     * {@code panelAsks}, a folder without its key is left for the control panel to ask about.
     */
    static Optional<String> refusal(Path dataDir, PassphraseOptions passphrase, Map<String, String> env, boolean panelAsks) {
        KeyVault vault = KeyVaults.thisComputer();
        try {
            return switch (DataKeys.state(dataDir, vault)) {
                case NEW, IN_VAULT -> Optional.empty();
                case NEEDS_PASSPHRASE -> {
                    Optional<char[]> given = passphrase.opening(env);
                    if (given.isPresent()) {
                        DataKeys.unlock(dataDir, vault, given.get());
                        yield Optional.empty();
                    }
                    yield panelAsks ? Optional.empty() : refuse(dataDir, vault);
                }
                case LOCKED -> panelAsks ? Optional.empty() : refuse(dataDir, vault);
            };
        } catch (DataKeyMissingException | WrongPassphraseException | KeyVaultUnavailableException | UncheckedIOException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The vault's refusal, which says what to do instead (give the passphrase, use the computer that made it). */
    private static Optional<String> refuse(Path dataDir, KeyVault vault) {
        try {
            DataKeys.unlock(dataDir, vault);
            return Optional.empty(); // the key arrived in the meantime
        } catch (DataKeyMissingException e) {
            return Optional.of(e.getMessage());
        }
    }
}
