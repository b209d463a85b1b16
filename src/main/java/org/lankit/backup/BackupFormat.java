package org.lankit.backup;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.lankit.sync.AttachmentName;

/** Names inside a backup zip, and the name of the zip itself. */
public final class BackupFormat {

    /** What {@link Manifest#format()} says in every Lankit backup. */
    static final String FORMAT = "lankit-backup";
    /**
     * Raised when the layout changes so that an older Lankit can no longer read it. 4: the zip is
     * encrypted ({@link BackupEnvelope}) and carries the team ({@link #TEAM}), its API settings
     * ({@link #UPSTREAM}) and upload receipts ({@link #DELIVERIES}); 3: entries in
     * the compact form ({@link org.lankit.sync.EntryForm#V2}); 2: the manifest is signed by the
     * team's kit authority ({@link #SIGNATURE}); 1 has no signature. Every older version still reads.
     */
    static final int VERSION = 4;

    static final String MANIFEST = "manifest.json";
    /** The kit authority's signature over the exact bytes of {@link #MANIFEST}, written after it. */
    static final String SIGNATURE = "manifest.sig";
    static final String FORMS = "forms.json";
    static final String ENTRIES = "entries.jsonl";
    static final String DEVICES = "devices.json";
    static final String AUDIT = "audit.jsonl";
    /** The team's identity ({@link org.lankit.store.TeamIdentity}), so a restored master is the same team. */
    static final String TEAM = "team.json";
    /** The team servers with their tokens and passwords ({@link TeamState}); the zip is encrypted. */
    static final String UPSTREAM = "upstream.json";
    /** What each team server holds of each entry, so a restored master does not send it again. */
    static final String DELIVERIES = "deliveries.jsonl";
    static final String CSV_FOLDER = "csv/";
    /** Photos, each as {@code attachments/<name>} with its bytes as they are. */
    static final String ATTACHMENTS_FOLDER = "attachments/";
    /** The kit authority phones trust (optional: backups of older kits have none). */
    static final String KIT_CERTIFICATE = "secure/kit-ca.crt";
    static final String KIT_KEY = "secure/kit-ca.key";

    static final String FILE_PREFIX = "lankit-backup-";
    /** Encrypted backups are no zip files to the eye: a zip program would only call them damaged. */
    public static final String EXTENSION = "lankit";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private BackupFormat() {
    }

    /** {@code lankit-backup-<team>-<date-time>.lankit}, safe on every file system. */
    static String fileName(String team, LocalDateTime time) {
        return FILE_PREFIX + slug(team) + "-" + STAMP.format(time) + "." + EXTENSION;
    }

    static String csvMember(String formId) {
        return CSV_FOLDER + slug(formId) + ".csv";
    }

    static String attachmentMember(String name) {
        return ATTACHMENTS_FOLDER + name;
    }

    /** Whether {@code member} holds a photo (a valid name or not: {@link VerifiedBackup} refuses a bad one). */
    static boolean isAttachment(String member) {
        return member.startsWith(ATTACHMENTS_FOLDER);
    }

    /** The photo's name in {@code member}, when it is a valid attachment name; null otherwise. */
    static String attachmentName(String member) {
        if (!isAttachment(member)) return null;
        String name = member.substring(ATTACHMENTS_FOLDER.length());
        return AttachmentName.isValid(name) ? name : null;
    }

    /** Letters, digits, '-' and '_' only; anything else becomes '-'. */
    static String slug(String text) {
        String s = text == null ? "" : text.strip().replaceAll("[^A-Za-z0-9_-]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "lankit" : s;
    }
}
