package org.lankit.app;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The passphrase options: {@code --set-passphrase} and {@code --remove-passphrase} (then exit), and
 * the passphrase that opens a protected data folder on a computer that lacks its key
 * ({@code --passphrase-file}, else {@link #VARIABLE}). Passphrases are never options themselves:
 * {@code ps} would show them.
 */
record PassphraseOptions(boolean set, boolean remove, Path file) {

    static final String VARIABLE = "LANKIT_PASSPHRASE";

    boolean hasAction() {
        return set || remove;
    }

    /** The passphrase given to open the folder: the file's first line, else the environment's. */
    Optional<char[]> opening(Map<String, String> env) {
        if (file != null) {
            try {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                return Optional.of((lines.isEmpty() ? "" : lines.get(0)).toCharArray());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the passphrase file " + file + " (" + e.getMessage() + ")", e);
            }
        }
        return Optional.ofNullable(env.get(VARIABLE)).filter(p -> !p.isEmpty()).map(String::toCharArray);
    }

    /**
     * The new passphrase for {@code --set-passphrase}: the environment's, else typed twice at the
     * console (not shown), else the first line of standard input.
     */
    Optional<char[]> newOne(Map<String, String> env, InputStream in) {
        String given = env.get(VARIABLE);
        if (given != null && !given.isEmpty()) return Optional.of(given.toCharArray());
        Console console = System.console();
        if (console != null) {
            char[] first = console.readPassword("New passphrase: ");
            char[] again = console.readPassword("The same again: ");
            if (first == null || again == null || !Arrays.equals(first, again)) return Optional.empty();
            return Optional.of(first);
        }
        try {
            String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            return Optional.ofNullable(line).filter(l -> !l.isEmpty()).map(String::toCharArray);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
