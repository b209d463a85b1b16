package org.lankit.app;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;
import org.lankit.secure.DataKeys;
import org.lankit.store.DataFolderException;
import org.lankit.store.KitStore;

/** {@code --set-passphrase} and {@code --remove-passphrase}: change how a data folder opens elsewhere, then exit. */
final class PassphraseCommand {

    private PassphraseCommand() {
    }

    static int run(KitOptions options, PassphraseOptions passphrase, Map<String, String> env, InputStream in, PrintStream out,
                   PrintStream err) {
        try (KitStore store = KitStore.open(options.dataDir())) {
            if (passphrase.remove()) {
                DataKeys.removePassphrase(store.dataDir(), store.dataKey());
                out.println("No passphrase now: the data folder " + store.dataDir() + " opens only on this computer"
                        + " (and from a backup, with the team's recovery key).");
                return Main.OK;
            }
            Optional<char[]> chosen = passphrase.newOne(env, in);
            if (chosen.isEmpty()) {
                err.println("lankit: no new passphrase: type it twice, or give it on standard input or in "
                        + PassphraseOptions.VARIABLE + " (nothing changed)");
                return Main.FAILED;
            }
            DataKeys.setPassphrase(store.dataDir(), store.dataKey(), chosen.get());
            out.println("The passphrase is set: on another computer, the data folder " + store.dataDir() + " opens with it.");
            return Main.OK;
        } catch (DataFolderException e) {
            err.println("lankit: " + e.getMessage());
            return Main.FAILED;
        } catch (IllegalArgumentException e) {
            err.println("lankit: " + e.getMessage() + " (nothing changed)");
            return Main.FAILED;
        }
    }
}
