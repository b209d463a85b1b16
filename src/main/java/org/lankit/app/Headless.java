package org.lankit.app;

import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import org.lankit.store.DataFolderException;

/** Runs the kit without a window until the process is stopped (Ctrl-C, SIGTERM). */
final class Headless {

    private Headless() {
    }

    private static void startMaster(KitLifecycle lifecycle, PrintStream out) {
        KitOptions options = lifecycle.options();
        MasterKit kit = lifecycle.startMaster();
        kit.startNotice().ifPresent(out::println);
        kit.newRecoveryKey().ifPresent(key -> out.println(key.notice()));
        kit.superseded().ifPresent(s -> out.println("This laptop is the team's former master: " + s.explanation()));
        out.println("Lankit master \"" + kit.identity().name() + "\" is running; data folder: " + options.dataDir());
        out.println("Join URL: " + kit.joinUrl());
        out.println("Secure join URL: " + kit.secureJoinUrl());
        out.println("Phone set-up page: " + kit.setupUrl());
        out.println("Kit certificate: " + kit.certificateUrl());
        out.println("Laptop join code: " + kit.laptopJoinCode());
        JoinAddress address = kit.joinAddress();
        if (!address.phonesCanReach()) out.println(unreachable(address));
    }

    /** The same warning the panel's home screen gives, for whoever reads the console. */
    private static String unreachable(JoinAddress address) {
        return switch (address.reach()) {
            case NETWORK -> "";
            case LOOPBACK_ONLY -> "Phones cannot reach " + address.host() + ": it is this computer only. "
                    + "Start without --bind, or with --bind set to the WiFi address.";
            case NO_NETWORK -> "This computer has no network: connect it to the team's WiFi, then restart it so phones can reach it.";
        };
    }

    private static void startClient(KitLifecycle lifecycle, PrintStream out) throws IOException {
        ClientKit kit = lifecycle.startClient();
        out.println("Lankit client syncing with " + kit.sync().link().masterUrl() + " as device " + kit.sync().link().deviceId()
                + "; data folder: " + lifecycle.dataDir());
    }

    /** Runs the kit of {@code lifecycle}, which holds its data folder already, until the process is stopped. */
    static int run(KitLifecycle lifecycle, PrintStream out, PrintStream err) {
        KitOptions options = lifecycle.options();
        try {
            lifecycle.openStore();
        } catch (DataFolderException e) {
            err.println("lankit: " + e.getMessage());
            lifecycle.close();
            return Main.FAILED;
        }
        Role role = lifecycle.role().orElse(Role.MASTER);
        lifecycle.remember(role);
        try {
            if (role == Role.MASTER) {
                startMaster(lifecycle, out);
            } else {
                startClient(lifecycle, out);
            }
        } catch (CannotListenException | ClientKit.NotPairedException | ApiOptions.NoServer e) {
            err.println("lankit: " + e.getMessage());
            lifecycle.close();
            return Main.FAILED;
        } catch (org.lankit.peer.UntrustedMasterException | org.lankit.peer.FormerMasterException e) {
            err.println("lankit: " + e.getMessage());
            lifecycle.close();
            return Main.FAILED;
        } catch (IOException e) {
            err.println("lankit: cannot reach the master at " + options.masterUrl() + " (" + e.getMessage() + ")");
            lifecycle.close();
            return Main.FAILED;
        } catch (org.lankit.peer.MasterError e) {
            err.println("lankit: the master refused to pair: " + e.getMessage());
            lifecycle.close();
            return Main.FAILED;
        }
        out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(lifecycle::close, "lankit-shutdown"));
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Main.OK;
    }
}
