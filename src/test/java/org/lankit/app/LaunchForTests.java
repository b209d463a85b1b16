package org.lankit.app;

import java.io.PrintStream;

/** {@link Main#run} for tests in other packages (the panel's second launch). */
public final class LaunchForTests {

    private LaunchForTests() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return Main.run(args, out, err);
    }
}
