package org.lankit.backup;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Names inside a backup zip, and the name of the zip itself. */
final class BackupFormat {

    /** What {@link Manifest#format()} says in every Lankit backup. */
    static final String FORMAT = "lankit-backup";
    /**
     * Raised when the layout changes so that an older Lankit can no longer read it. 3: entries in
     * the compact form ({@link org.lankit.sync.EntryForm#V2}); 2: the manifest is signed by the
     * team's kit authority ({@link #SIGNATURE}); 1 has no signature. Every older version still reads.
     */
    static final int VERSION = 3;

    static final String MANIFEST = "manifest.json";
    /** The kit authority's signature over the exact bytes of {@link #MANIFEST}, written after it. */
    static final String SIGNATURE = "manifest.sig";
    static final String FORMS = "forms.json";
    static final String ENTRIES = "entries.jsonl";
    static final String DEVICES = "devices.json";
    static final String AUDIT = "audit.jsonl";
    static final String CSV_FOLDER = "csv/";
    /** The kit authority phones trust (optional: backups of older kits have none). */
    static final String KIT_CERTIFICATE = "secure/kit-ca.crt";
    static final String KIT_KEY = "secure/kit-ca.key";

    static final String FILE_PREFIX = "lankit-backup-";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private BackupFormat() {
    }

    /** {@code lankit-backup-<team>-<date-time>.zip}, safe on every file system. */
    static String fileName(String team, LocalDateTime time) {
        return FILE_PREFIX + slug(team) + "-" + STAMP.format(time) + ".zip";
    }

    static String csvMember(String formId) {
        return CSV_FOLDER + slug(formId) + ".csv";
    }

    /** Letters, digits, '-' and '_' only; anything else becomes '-'. */
    static String slug(String text) {
        String s = text == null ? "" : text.strip().replaceAll("[^A-Za-z0-9_-]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "lankit" : s;
    }
}
