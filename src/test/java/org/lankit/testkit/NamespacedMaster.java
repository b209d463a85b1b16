package org.lankit.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The built jar ({@code lankit.jar} system property, set by failsafe) running headless as a master
 * inside the LAN's master namespace, bound only to one of that namespace's addresses, so it
 * announces itself there and nowhere else. Reads the lines it prints at start; {@link #stop()}
 * sends SIGTERM. Its data folder stays readable afterwards. Always close it.
 */
public final class NamespacedMaster implements AutoCloseable {

    public static final String JOIN_CODE = "FIELD-TEAM";
    public static final int HTTP_PORT = 8377;
    public static final int HTTPS_PORT = 8378;

    private static final Duration START_LIMIT = Duration.ofSeconds(60);

    private final Process process;
    private final List<String> printed;
    private final Path log;

    private NamespacedMaster(Process process, List<String> printed, Path log) {
        this.process = process;
        this.printed = printed;
        this.log = log;
    }

    /**
     * Starts the master on {@code address} (one of the master namespace's) with its data in
     * {@code dataDir}, and returns once it printed its join URL. {@code workDir} is the folder it
     * runs in; its error output goes to {@code workDir/master-<address>.log}.
     */
    public static NamespacedMaster start(LanNamespaces lan, String address, Path dataDir, Path workDir) {
        Path jar = Path.of(System.getProperty("lankit.jar", "target/lankit.jar")).toAbsolutePath();
        List<String> command = LanNamespaces.inside(lan.master(), List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(),
                "--headless", "--role", "master", "--bind", address, "--port", String.valueOf(HTTP_PORT), "--https-port", String.valueOf(HTTPS_PORT),
                "--data-dir", dataDir.toString(), "--join-code", JOIN_CODE));
        Path log = workDir.resolve("master-" + address + ".log");
        Process process;
        try {
            process = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectError(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> printed = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> readLines(process, printed), "namespaced-master-output");
        reader.setDaemon(true);
        reader.start();
        NamespacedMaster master = new NamespacedMaster(process, printed, log);
        try {
            Eventually.within(START_LIMIT, () -> "the master to print its join URL; " + master.howItStands(),
                    () -> master.printedValue("Join URL: ") != null || !process.isAlive());
            if (master.printedValue("Join URL: ") == null) throw new AssertionError("the master ended at start; " + master.howItStands());
            return master;
        } catch (RuntimeException | AssertionError e) {
            master.close();
            throw e;
        }
    }

    private static void readLines(Process process, List<String> printed) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) printed.add(line);
        } catch (IOException ended) {
            // the process is gone; what it printed before stays in the list
        }
    }

    /** What follows {@code prefix} on the first printed line that starts with it, or null. */
    private String printedValue(String prefix) {
        for (String line : printed) {
            if (line.startsWith(prefix)) return line.substring(prefix.length()).strip();
        }
        return null;
    }

    /** As {@link #printedValue}, waiting a little: the lines after the join URL may still be on their way. */
    private String requiredLine(String prefix) {
        Eventually.within(Duration.ofSeconds(10), () -> "the master to print a line starting with '" + prefix + "'; " + howItStands(),
                () -> printedValue(prefix) != null);
        return printedValue(prefix);
    }

    /** {@code http://H:8377/join#CODE} */
    public String joinUrl() {
        return requiredLine("Join URL: ");
    }

    /** {@code https://H:8378/join#CODE} */
    public String secureJoinUrl() {
        return requiredLine("Secure join URL: ");
    }

    /** {@code http://H:8377/setup#CODE} */
    public String setupPageUrl() {
        return requiredLine("Phone set-up page: ");
    }

    /** {@code http://H:8377/ca.crt}: the kit CA, DER. */
    public String certificateUrl() {
        return requiredLine("Kit certificate: ");
    }

    /** The join code followed by the CA pin, for client laptops. */
    public String laptopJoinCode() {
        return requiredLine("Laptop join code: ");
    }

    /** Every line the master printed so far. */
    public List<String> printed() {
        return new ArrayList<>(printed);
    }

    /** Stops the master with SIGTERM and returns its exit code (0 or 143 for a clean stop). */
    public int stop() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the master did not stop within 30 s of SIGTERM; " + howItStands());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new AssertionError("interrupted while stopping the master");
        }
        return process.exitValue();
    }

    /** What it printed and logged, for failure messages. */
    public String howItStands() {
        String errors;
        try {
            errors = Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            errors = "(log unreadable: " + e.getMessage() + ")";
        }
        String tail = errors.length() > 4000 ? errors.substring(errors.length() - 4000) : errors;
        return "alive=" + process.isAlive() + ", printed=" + printed + ", log tail:\n" + tail;
    }

    /** Kills the master if it still runs (a failed test); a clean stop is {@link #stop()}. */
    @Override
    public void close() {
        if (!process.isAlive()) return;
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
