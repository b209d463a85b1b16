package org.lankit.testkit;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a short command on this machine (ip, certutil) with a bounded wait, and tells what it printed. */
public final class HostCommand {

    /** How a finished command ended; {@code exitCode} is -1 when it did not end in time or could not start. */
    public record Result(List<String> command, int exitCode, String output) {
        public boolean succeeded() {
            return exitCode == 0;
        }

        /** This result, or an error that quotes the command and what it printed. */
        public Result orThrow() {
            if (!succeeded()) throw new IllegalStateException(String.join(" ", command) + " ended with " + exitCode + ": " + output.strip());
            return this;
        }
    }

    private static final Duration LIMIT = Duration.ofSeconds(20);

    private HostCommand() {
    }

    public static Result run(String... command) {
        return run(List.of(command));
    }

    public static Result run(List<String> command) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        } catch (IOException e) {
            return new Result(command, -1, "could not start: " + e.getMessage());
        }
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        try {
            if (!process.waitFor(LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return new Result(command, -1, "did not end within " + LIMIT.toSeconds() + " s");
            }
            return new Result(command, process.exitValue(), output.get(5, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return new Result(command, -1, "interrupted");
        } catch (Exception e) {
            return new Result(command, process.exitValue(), "output unreadable: " + e);
        }
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
