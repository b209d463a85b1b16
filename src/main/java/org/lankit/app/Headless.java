package org.lankit.app;

import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import org.lankit.hub.HubConfig;
import org.lankit.store.DataFolderException;
import org.lankit.store.KitStore;

/** Runs the kit without a window until the process is stopped (Ctrl-C, SIGTERM). */
final class Headless {

    private Headless() {
    }

    private static MasterKit startMaster(KitStore store, KitOptions options, PrintStream out) {
        String host = options.bind() != null ? options.bind() : HubConfig.ALL_ADDRESSES;
        MasterKit kit = MasterKit.start(store, options, HubConfig.defaults().withAddress(host, 0));
        kit.startNotice().ifPresent(out::println);
        kit.newRecoveryKey().ifPresent(key -> out.println(key.notice()));
        kit.superseded().ifPresent(s -> out.println("This laptop is the team's former master: " + s.explanation()));
        out.println("Lankit master \"" + kit.identity().name() + "\" is running; data folder: " + options.dataDir());
        out.println("Join URL: " + kit.joinUrl());
        out.println("Secure join URL: " + kit.secureJoinUrl());
        out.println("Phone set-up page: " + kit.setupUrl());
        out.println("Kit certificate: " + kit.certificateUrl());
        out.println("Laptop join code: " + kit.laptopJoinCode());
        return kit;
    }

    private static ClientKit startClient(KitStore store, KitOptions options, PrintStream out) throws IOException {
        ClientKit kit = ClientKit.start(store, options);
        out.println("Lankit client syncing with " + kit.sync().link().masterUrl() + " as device " + kit.sync().link().deviceId()
                + "; data folder: " + options.dataDir());
        return kit;
    }

    static int run(KitOptions options, PrintStream out, PrintStream err) {
        KitStore store;
        try {
            store = KitStore.open(options.dataDir());
        } catch (DataFolderException e) {
            err.println("lankit: " + e.getMessage());
            return Main.FAILED;
        }
        Role role = options.role() != null ? options.role()
                : store.settings().get(SettingKeys.ROLE).map(Role::valueOf).orElse(Role.MASTER);
        store.settings().put(SettingKeys.ROLE, role.name());
        AutoCloseable running;
        try {
            running = role == Role.MASTER ? startMaster(store, options, out) : startClient(store, options, out);
        } catch (CannotListenException | ClientKit.NotPairedException | ApiOptions.NoServer e) {
            err.println("lankit: " + e.getMessage());
            store.close();
            return Main.FAILED;
        } catch (org.lankit.peer.UntrustedMasterException | org.lankit.peer.FormerMasterException e) {
            err.println("lankit: " + e.getMessage());
            store.close();
            return Main.FAILED;
        } catch (IOException e) {
            err.println("lankit: cannot reach the master at " + options.masterUrl() + " (" + e.getMessage() + ")");
            store.close();
            return Main.FAILED;
        } catch (org.lankit.peer.MasterError e) {
            err.println("lankit: the master refused to pair: " + e.getMessage());
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
