package org.lankit.app;

import java.nio.file.Path;

/**
 * The start-up choices, as given on the command line (nulls mean "not given": the remembered
 * or default value applies). {@code bind} is the one address to listen on (null: every adapter).
 */
public record KitOptions(boolean headless, Role role, Integer port, Path dataDir, String name, String joinCode,
                         String masterUrl, String apiUrl, String apiToken, String bind) {

    /** The fixed port phones come back to; a port that changes would strand their stored data. */
    public static final int DEFAULT_PORT = 8377;
}
