package org.lankit.app;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import org.lankit.store.DataFolderException;
import org.lankit.store.KitStore;

/**
 * {@code --promote}: this client laptop takes over as the team's master ({@link Promotion}), then
 * starts as the master. A laptop that cannot take over says why in one line and stays as it was.
 */
final class PromoteCommand {

    private PromoteCommand() {
    }

    static int run(KitOptions options, PrintStream out, PrintStream err) {
        try (KitStore store = KitStore.open(options.dataDir())) {
            out.println(Promotion.promote(store).summary());
            out.println("Phones and laptops keep their tokens: give them this laptop's address (\"new address\" on a phone, "
                    + "--master on a laptop).");
            return Main.OK;
        } catch (DataFolderException | IllegalStateException | IllegalArgumentException | UncheckedIOException e) {
            // a bundle or kit certificate that cannot be used: the laptop stays a client (its role changes last)
            err.println("lankit: " + e.getMessage());
            return Main.FAILED;
        }
    }
}
