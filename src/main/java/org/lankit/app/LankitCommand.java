package org.lankit.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.lankit.upstream.TargetKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;

/** The command line (README.md); picocli fills the fields, {@link Main} acts on them. */
@Command(name = "lankit", mixinStandardHelpOptions = true, versionProvider = LankitCommand.VersionProvider.class,
        sortOptions = false,
        description = {"Offline-first field data collection. Without options it opens the control panel;",
                "--headless runs without a window (servers, scripts, tests)."})
final class LankitCommand {

    @Option(names = "--headless", description = "Run without a window.")
    boolean headless;

    @Option(names = "--role", paramLabel = "master|client",
            description = "master starts a team on this computer, client joins one (default: the remembered role, else master).")
    Role role;

    @Option(names = "--port", paramLabel = "N",
            description = "Port to serve phones on (default: the remembered port, else " + KitOptions.DEFAULT_PORT + "; 0 = any free port).")
    Integer port;

    @Option(names = "--https-port", paramLabel = "N",
            description = "Secure port for phones and laptops (default: the remembered one, else " + KitOptions.DEFAULT_HTTPS_PORT
                    + "; any free one with --port 0; 0 = any free port).")
    Integer httpsPort;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Folder for the data (default: the user's app-data folder).")
    Path dataDir;

    @Option(names = "--name", paramLabel = "NAME", description = "Name of this team or computer, shown to others.")
    String name;

    @Option(names = "--join-code", paramLabel = "CODE",
            description = "Master: use this join code instead of a random one (at least 8 letters or digits, 4 different)."
                    + " Client: the code to pair with.")
    String joinCode;

    @Option(names = "--master", paramLabel = "URL", description = "Client: the master's address, e.g. http://192.168.1.20:8377")
    String masterUrl;

    @Option(names = "--bind", paramLabel = "ADDRESS",
            description = "Master: listen only on this address (e.g. the WiFi adapter's); the QR code then uses it.")
    String bind;

    @Option(names = "--api-url", paramLabel = "URL", description = "Master: the team's internet API to upload entries to.")
    String apiUrl;

    @Option(names = "--api-token", paramLabel = "T", description = "Master: the token for the team's API (never shown in full).")
    String apiToken;

    @Option(names = "--api-kind", paramLabel = "json|openrosa|couchdb", converter = KindConverter.class,
            description = "Master: what the team's server speaks: json (Lankit's own API), openrosa (ODK Central, KoboToolbox)"
                    + " or couchdb (default: the remembered kind, else json).")
    TargetKind apiKind;

    @Option(names = "--api-user", paramLabel = "NAME", description = "Master: the user name for the team's server (KoboToolbox, CouchDB).")
    String apiUser;

    @Option(names = "--api-password", paramLabel = "P",
            description = "Master: the password for --api-user (never shown; better set " + ApiOptions.PASSWORD_VARIABLE
                    + " in the environment, which ps does not show).")
    String apiPassword;

    @Option(names = "--api-form", paramLabel = "LANKIT_ID=SERVER_ID",
            description = "Master: the server's form id for a Lankit form, where they differ (OpenRosa); repeat for each form.")
    Map<String, String> apiForms;

    @Option(names = "--retry-failed",
            description = "Master: queue the entries the team's API refused for upload again, then run as usual.")
    boolean retryFailed;

    @Option(names = "--promote",
            description = "Client laptop: take over as the team's master, then run as the master. Only when the old master is "
                    + "gone for good (lost, stolen, broken): see backup.md, \"Take-over\".")
    boolean promote;

    @Option(names = "--export-backup", paramLabel = "FILE",
            description = "Write a backup of the data folder to FILE (a folder: a dated file in it), then exit.")
    Path exportBackup;

    @Option(names = "--import-backup", paramLabel = "FILE",
            description = "Restore or merge the backup FILE into the data folder (a master's), then exit.")
    Path importBackup;

    @Option(names = "--recovery-key", paramLabel = "KEY",
            description = "With --import-backup: the team's recovery key, which opens an encrypted backup (better set "
                    + BackupCommands.RECOVERY_KEY_VARIABLE + " in the environment, which ps does not show).")
    String recoveryKey;

    @Option(names = "--export-csv", paramLabel = "DIR", description = "Write one CSV file per form into DIR, then exit.")
    Path exportCsv;

    @Option(names = "--import-form", paramLabel = "FILE.xlsx",
            description = "Import the XLSForm FILE.xlsx as the next version of its form (forms.md), then exit.")
    Path importForm;

    @Option(names = "--set-passphrase",
            description = "Protect the data folder with a passphrase, so it opens on another computer with it; reads it from "
                    + PassphraseOptions.VARIABLE + ", else asks (not shown) or reads standard input; then exit.")
    boolean setPassphrase;

    @Option(names = "--remove-passphrase", description = "Remove the data folder's passphrase (it then opens only on this computer), then exit.")
    boolean removePassphrase;

    @Option(names = "--passphrase-file", paramLabel = "FILE",
            description = "The passphrase that opens the data folder on a computer that lacks its key (first line of FILE;"
                    + " or set " + PassphraseOptions.VARIABLE + ").")
    Path passphraseFile;

    PassphraseOptions passphrase() {
        return new PassphraseOptions(setPassphrase, removePassphrase, passphraseFile);
    }

    /** The options given, with the password from {@code env} when {@code --api-password} is not. */
    KitOptions toOptions(Map<String, String> env) {
        String password = apiPassword != null ? apiPassword : env.get(ApiOptions.PASSWORD_VARIABLE);
        ApiOptions api = new ApiOptions(apiUrl, apiToken, apiKind, apiUser, password, apiForms);
        return new KitOptions(headless, role, port, httpsPort, dataDir, name, joinCode, masterUrl, api, bind, retryFailed,
                exportBackup, importBackup, exportCsv, importForm);
    }

    /** The recovery key given for a restore: the option, else the environment's; null when neither. */
    String recoveryKey(Map<String, String> env) {
        return recoveryKey != null ? recoveryKey : env.get(BackupCommands.RECOVERY_KEY_VARIABLE);
    }

    /** {@code --api-kind} by its lower-case name, with the choices named when it is something else. */
    static final class KindConverter implements ITypeConverter<TargetKind> {
        @Override
        public TargetKind convert(String value) {
            return TargetKind.ofWireName(value.strip().toLowerCase(Locale.ROOT)).orElseThrow(() -> new TypeConversionException(
                    "'" + value + "' is not one of json, openrosa, couchdb"));
        }
    }

    static final class VersionProvider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"lankit " + Version.current()};
        }
    }
}
