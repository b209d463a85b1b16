package org.lankit.app;

import java.awt.GraphicsEnvironment;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.lankit.pairing.JoinCode;
import org.lankit.store.DataFolders;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Start-up: bound the JVM ({@link Relaunch}), read the command line, claim the data folder, then
 * hand the kit's {@link KitLifecycle} to the control panel ({@link KitWindow}) or run it headless.
 */
public final class Main {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        // with this given, Jetty does not start the JMX platform server to ask the JVM (0.1 s of
        // every start); 16 four-byte references per 64-byte line, as with any heap under 32 GB
        System.setProperty("org.eclipse.jetty.util.referencesPerCacheLine", "16");
        Optional<List<String>> child = Relaunch.command(args);
        if (child.isPresent()) {
            int code = Relaunch.run(child.get());
            if (code != OK) System.exit(code);
            return;
        }
        Relaunch.watchParent();
        int code = run(args, System.out, System.err);
        if (code != OK) System.exit(code);
    }

    /** The parser that fills {@code command}. */
    static CommandLine commandLine(LankitCommand command) {
        return new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, System.getenv(), out, err);
    }

    /** {@code env}: the environment, where the team server's password may be ({@link ApiOptions#PASSWORD_VARIABLE}). */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        LankitCommand command = new LankitCommand();
        CommandLine cli = commandLine(command);
        try {
            cli.parseArgs(args);
        } catch (ParameterException e) {
            err.println("lankit: " + e.getMessage().lines().findFirst().orElse("bad option") + " (see --help)");
            return USAGE;
        }
        if (cli.isUsageHelpRequested()) {
            cli.usage(out);
            return OK;
        }
        if (cli.isVersionHelpRequested()) {
            cli.printVersionHelp(out);
            return OK;
        }
        KitOptions options = command.toOptions(env);
        if (options.port() != null && (options.port() < 0 || options.port() > 65535)) {
            err.println("lankit: --port must be between 0 and 65535 (see --help)");
            return USAGE;
        }
        if (options.httpsPort() != null && (options.httpsPort() < 0 || options.httpsPort() > 65535)) {
            err.println("lankit: --https-port must be between 0 and 65535 (see --help)");
            return USAGE;
        }
        if (options.port() != null && options.port() != 0 && options.port().equals(options.httpsPort())) {
            err.println("lankit: --port and --https-port must differ (see --help)");
            return USAGE;
        }
        if (options.masterUrl() != null && !options.masterUrl().matches("https?://.+")) {
            err.println("lankit: --master must be an address like http://192.168.1.20:8377 (see --help)");
            return USAGE;
        }
        if (options.bind() != null && !options.bind().matches("[0-9.]+|[0-9a-fA-F:]+")) {
            err.println("lankit: --bind must be an IP address such as 192.168.1.20 (see --help)");
            return USAGE;
        }
        Optional<String> weakCode = options.joinCode() == null || options.masterUrl() != null || options.role() == Role.CLIENT
                ? Optional.empty() : JoinCode.weakness(options.joinCode());
        if (weakCode.isPresent()) {
            err.println("lankit: --join-code is too weak: " + weakCode.get() + " (see --help)");
            return USAGE;
        }
        Optional<String> apiProblem = options.api().problem();
        if (apiProblem.isPresent()) {
            err.println("lankit: " + apiProblem.get() + " (see --help)");
            return USAGE;
        }
        if (options.dataDir() == null) {
            options = options.withDataDir(DataFolders.defaultDataDir());
        }
        // the rolling log file lives in the data folder; logging must not start before this line
        System.setProperty("lankit.logDir", options.dataDir().resolve("logs").toString());
        PassphraseOptions passphrase = command.passphrase();
        if (passphrase.set() && passphrase.remove()) {
            err.println("lankit: --set-passphrase and --remove-passphrase exclude each other (see --help)");
            return USAGE;
        }
        boolean panelAsks = !options.headless() && !passphrase.hasAction() && !options.hasBackupAction() && options.importForm() == null
                && !GraphicsEnvironment.isHeadless();
        Optional<String> locked = FolderUnlock.refusal(options.dataDir(), passphrase, env, panelAsks);
        if (locked.isPresent()) {
            err.println("lankit: " + locked.get());
            return FAILED;
        }
        if (passphrase.hasAction()) return PassphraseCommand.run(options, passphrase, env, System.in, out, err);
        if (options.importForm() != null) {
            int imported = FormImportCommand.run(options, out, err);
            if (imported != OK || !options.hasBackupAction()) return imported;
        }
        if (options.hasBackupAction()) return BackupCommands.run(options, command.recoveryKey(env), passphrase.opening(env), out, err);
        if (command.promote) {
            int promoted = PromoteCommand.run(options, out, err);
            if (promoted != OK) return promoted;
            options = options.asPromoted();
        }

        if (!options.headless() && GraphicsEnvironment.isHeadless()) {
            out.println("No display found: running headless (use --headless to skip this check).");
            options = options.asHeadless();
        }
        Optional<KitWindow.Opener> window = options.headless() ? Optional.empty()
                : ServiceLoader.load(KitWindow.Opener.class, Main.class.getClassLoader()).findFirst();
        if (!options.headless() && window.isEmpty()) {
            out.println("This build has no control panel: running headless.");
            options = options.asHeadless();
        }
        KitLifecycle kit = new KitLifecycle(options);
        Optional<KitLifecycle.AlreadyRunning> running = kit.claim();
        if (running.isPresent()) return alreadyRunning(running.get(), window, out, err);
        if (window.isEmpty()) return Headless.run(kit, out, err);
        window.get().open(kit);
        return OK;
    }

    /** A second launch on a running folder says where the kit runs (its window comes forward) and stops. */
    private static int alreadyRunning(KitLifecycle.AlreadyRunning running, Optional<KitWindow.Opener> window,
                                      PrintStream out, PrintStream err) {
        if (running.windowShown()) {
            out.println(running.line());
            return OK;
        }
        err.println("lankit: " + running.line());
        window.ifPresent(w -> w.alreadyRunning(running.line()));
        return FAILED;
    }
}
