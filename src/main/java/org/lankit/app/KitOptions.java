package org.lankit.app;

import java.nio.file.Path;

/**
 * The start-up choices, as given on the command line (nulls mean "not given": the remembered
 * or default value applies). {@code httpsPort} is the secure listener's port; {@code bind} is the
 * one address to listen on (null: every adapter); {@code api} is the team server (target
 * {@code main});
 * {@code retryFailed} queues the uploads the team's API refused again; {@code exportBackup},
 * {@code importBackup} and {@code exportCsv} ask for a one-off action on the data folder instead
 * of running the kit, as does {@code importForm} (an XLSForm to import as a form's next version).
 */
public record KitOptions(boolean headless, Role role, Integer port, Integer httpsPort, Path dataDir, String name, String joinCode,
                         String masterUrl, ApiOptions api, String bind, boolean retryFailed,
                         Path exportBackup, Path importBackup, Path exportCsv, Path importForm) {

    /** The fixed port phones come back to; a port that changes would strand their stored data. */
    public static final int DEFAULT_PORT = 8377;
    /** The secure listener's port, kept for the same reason: a phone's stored data belongs to its origin. */
    public static final int DEFAULT_HTTPS_PORT = 8378;

    public KitOptions {
        api = api == null ? ApiOptions.NONE : api;
    }

    /** The options of a kit that runs on every adapter, with no one-off action. */
    public KitOptions(boolean headless, Role role, Integer port, Path dataDir, String name, String joinCode,
                      String masterUrl, String apiUrl, String apiToken) {
        this(headless, role, port, null, dataDir, name, joinCode, masterUrl, ApiOptions.json(apiUrl, apiToken), null, false, null, null, null, null);
    }

    public boolean hasBackupAction() {
        return exportBackup != null || importBackup != null || exportCsv != null;
    }

    public KitOptions withDataDir(Path dir) {
        return new KitOptions(headless, role, port, httpsPort, dir, name, joinCode, masterUrl, api, bind, retryFailed,
                exportBackup, importBackup, exportCsv, importForm);
    }

    public KitOptions asHeadless() {
        return new KitOptions(true, role, port, httpsPort, dataDir, name, joinCode, masterUrl, api, bind, retryFailed,
                exportBackup, importBackup, exportCsv, importForm);
    }

    public KitOptions withBind(String address) {
        return new KitOptions(headless, role, port, httpsPort, dataDir, name, joinCode, masterUrl, api, address, retryFailed,
                exportBackup, importBackup, exportCsv, importForm);
    }

    /**
     * A laptop that just took over starts as the master: the team's name and join code are the
     * ones it took over, not the laptop's own name and the code it once joined with.
     */
    public KitOptions asPromoted() {
        return new KitOptions(headless, Role.MASTER, port, httpsPort, dataDir, null, null, null, api, bind, retryFailed,
                exportBackup, importBackup, exportCsv, importForm);
    }

    public KitOptions withName(String teamName) {
        return new KitOptions(headless, role, port, httpsPort, dataDir, teamName, joinCode, masterUrl, api, bind, retryFailed,
                exportBackup, importBackup, exportCsv, importForm);
    }

    public KitOptions withRetryFailed(boolean retry) {
        return new KitOptions(headless, role, port, httpsPort, dataDir, name, joinCode, masterUrl, api, bind, retry,
                exportBackup, importBackup, exportCsv, importForm);
    }
}
