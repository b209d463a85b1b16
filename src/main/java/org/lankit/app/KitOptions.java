package org.lankit.app;

import java.nio.file.Path;

/**
 * The start-up choices, as given on the command line (nulls mean "not given": the remembered
 * or default value applies).
 */
public record KitOptions(boolean headless, Role role, Integer port, Path dataDir, String name, String joinCode,
                         String masterUrl, String apiUrl, String apiToken, boolean retryFailed) {

    /** Without the one-off actions (such as {@code retryFailed}). */
    public KitOptions(boolean headless, Role role, Integer port, Path dataDir, String name, String joinCode,
                      String masterUrl, String apiUrl, String apiToken) {
        this(headless, role, port, dataDir, name, joinCode, masterUrl, apiUrl, apiToken, false);
    }

    /** The fixed port phones come back to; a port that changes would strand their stored data. */
    public static final int DEFAULT_PORT = 8377;
}
