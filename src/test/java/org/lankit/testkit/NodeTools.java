package org.lankit.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Node and npm for the test parts that come from the npm registry (src/test/pouchdb): checks they
 * are there, in words that say what to install, and installs a package folder's locked
 * dependencies ({@code npm ci}) when its node_modules is missing.
 */
public final class NodeTools {

    private static final int NEEDED_NODE = 18;
    private static final String HOW = "the CouchDB tests and the PouchDB benchmark need Node " + NEEDED_NODE
            + "+ and npm on the PATH (Debian: apt-get install nodejs npm; .ci/run does it)";

    private NodeTools() {
    }

    /** Fails with what to install when node or npm is missing, or node is too old. */
    public static void require() {
        String version = output(List.of("node", "--version"), Path.of("."), "node");
        int major;
        try {
            major = Integer.parseInt(version.strip().replaceFirst("^v", "").split("\\.")[0]);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("node --version said \"" + version.strip() + "\"; " + HOW);
        }
        if (major < NEEDED_NODE) throw new IllegalStateException("node is " + version.strip() + ": too old; " + HOW);
        output(List.of("npm", "--version"), Path.of("."), "npm");
    }

    /** Runs {@code npm ci} in {@code dir} unless its node_modules is there already; one install at a time. */
    public static synchronized void installPackages(Path dir) {
        if (Files.isDirectory(dir.resolve("node_modules"))) return;
        System.out.println("installing the npm packages of " + dir + " (npm ci) ...");
        output(List.of("npm", "ci", "--no-audit", "--no-fund"), dir, "npm");
    }

    private static String output(List<String> command, Path dir, String tool) {
        Process p;
        try {
            p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException(tool + " was not found: " + HOW, e);
        }
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in 10 minutes");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " in " + dir + " failed (exit code "
                        + p.exitValue() + "):\n" + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + " could not be read", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(String.join(" ", command) + " was interrupted", e);
        }
    }
}
