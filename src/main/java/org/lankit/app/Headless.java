package org.lankit.app;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import org.lankit.hub.HubConfig;
import org.lankit.store.DataFolderInUseException;
import org.lankit.store.KitStore;

/** Runs the kit without a window until the process is stopped (Ctrl-C, SIGTERM). */
final class Headless {

    private Headless() {
    }

    static int run(KitOptions options, PrintStream out, PrintStream err) {
        KitStore store;
        try {
            store = KitStore.open(options.dataDir());
        } catch (DataFolderInUseException e) {
            err.println("lankit: " + e.getMessage());
            return Main.FAILED;
        }
        Role role = options.role() != null ? options.role()
                : store.settings().get(SettingKeys.ROLE).map(Role::valueOf).orElse(Role.MASTER);
        store.settings().put(SettingKeys.ROLE, role.name());
        AutoCloseable running;
        try {
            if (role == Role.MASTER) {
                MasterKit kit = MasterKit.start(store, options, HubConfig.defaults());
                out.println("Lankit master \"" + kit.identity().name() + "\" is running; data folder: " + options.dataDir());
                out.println("Join URL: " + kit.joinUrl());
                running = kit;
            } else {
                err.println("lankit: the client role arrives with the client issue; start as --role master");
                store.close();
                return Main.FAILED;
            }
        } catch (PortInUseException e) {
            err.println("lankit: " + e.getMessage());
            store.close();
            return Main.FAILED;
        }
        out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                running.close();
            } catch (Exception ignored) {
                // closing the store below matters more
            }
            store.close();
        }, "lankit-shutdown"));
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Main.OK;
    }
}
