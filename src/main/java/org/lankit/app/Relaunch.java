package org.lankit.app;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.lankit.store.DataFolders;

/**
 * A double-clicked or plain {@code java -jar lankit.jar} has no JVM options, so its heap could grow
 * to a quarter of the computer's memory. Such a JVM runs the same jar again in a child JVM with
 * {@link JvmOptions} and only waits for it: the child's output is this process's output, its exit
 * code this process's exit code, and stopping this process stops the child. The child reads this
 * process's end from a pipe on its standard input ({@link #watchParent}): if this process is killed
 * outright, the child ends as abruptly, as it would have without the relaunch.
 */
final class Relaunch {

    private static final String WATCH = "-Dlankit.parent=pipe";

    private Relaunch() {
    }

    /** The child's command when this JVM should start one: a jar run without the mark or a heap bound of its own. */
    static Optional<List<String>> command(String[] args) {
        if (System.getProperty("lankit.jvm") != null) return Optional.empty();
        Optional<Path> jar = RunningJar.path();
        if (jar.isEmpty()) return Optional.empty();
        List<String> given = ManagementFactory.getRuntimeMXBean().getInputArguments();
        if (given.stream().anyMatch(a -> a.startsWith("-Xmx") || a.startsWith("-XX:MaxRAM"))) return Optional.empty();
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(JvmOptions.forRun(jar.get(), DataFolders.runtimeDir(), JvmOptions.jdkSharesClasses()));
        command.addAll(given); // the user's own options (-D..., -Xss...) come last, so they win
        command.add(WATCH);
        command.add("-jar");
        command.add(jar.get().toString());
        command.addAll(List.of(args));
        return Optional.of(command);
    }

    /** Runs the child and returns its exit code. */
    static int run(List<String> command) throws IOException, InterruptedException {
        Process child = new ProcessBuilder(command).inheritIO().redirectInput(ProcessBuilder.Redirect.PIPE).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(child), "lankit-stop-child"));
        return child.waitFor();
    }

    /** In the child: when the parent's end of the pipe closes, the parent is gone, and so is this JVM. */
    static void watchParent() {
        if (!"pipe".equals(System.getProperty("lankit.parent"))) return;
        Thread watch = new Thread(() -> {
            try {
                while (System.in.read() != -1) {
                    // the parent never writes; reading only waits for its end
                }
            } catch (IOException e) {
                // a broken pipe is the parent's end too
            }
            Runtime.getRuntime().halt(Main.FAILED);
        }, "lankit-parent-watch");
        watch.setDaemon(true);
        watch.start();
    }

    private static void stop(Process child) {
        if (!child.isAlive()) return;
        child.destroy();
        try {
            if (!child.waitFor(30, TimeUnit.SECONDS)) child.destroyForcibly();
        } catch (InterruptedException e) {
            child.destroyForcibly();
        }
    }
}
