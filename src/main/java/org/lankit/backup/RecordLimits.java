package org.lankit.backup;

import org.lankit.store.Attachments;

/**
 * How large one record of a backup may be, checked while each member streams through its
 * checksums, before anything is parsed: one line of {@code entries.jsonl}, {@code audit.jsonl} or
 * {@code deliveries.jsonl} at most {@link #MAX_LINE} bytes, {@code forms.json}, {@code devices.json}
 * and {@code upstream.json} at most
 * {@link #MAX_DOCUMENT} each, the kit authority's files and {@code team.json} {@link #MAX_KIT_FILE}, a photo
 * {@link Attachments#MAX_BYTES}. A zip of a few
 * megabytes can expand to gigabytes in one line; it is refused after the first megabyte, so an
 * import's memory stays small whatever the file holds. CSV members are only hashed, never read.
 */
final class RecordLimits {

    /** One entry or audit event as JSON; a stored entry is far smaller (the master bounds it). */
    static final int MAX_LINE = 1 << 20;
    /** Every version of every form, or every device, as one JSON document. */
    static final int MAX_DOCUMENT = 8 << 20;
    static final int MAX_KIT_FILE = 64 << 10;

    /** Fed the bytes of one member in order; throws {@link BackupRejectedException} at the first record past its limit. */
    interface Meter {
        void feed(byte[] bytes, int count);
    }

    private RecordLimits() {
    }

    static Meter of(String file, String member) {
        if (member.equals(BackupFormat.ENTRIES) || member.equals(BackupFormat.AUDIT) || member.equals(BackupFormat.DELIVERIES)) {
            return new Lines(file, member);
        }
        if (member.equals(BackupFormat.FORMS) || member.equals(BackupFormat.DEVICES) || member.equals(BackupFormat.UPSTREAM)) {
            return new Whole(file, member, MAX_DOCUMENT);
        }
        if (member.equals(BackupFormat.TEAM)) return new Whole(file, member, MAX_KIT_FILE);
        if (BackupFormat.isAttachment(member)) return new Whole(file, member, Attachments.MAX_BYTES);
        if (member.equals(BackupFormat.KIT_CERTIFICATE) || member.equals(BackupFormat.KIT_KEY)) {
            return new Whole(file, member, MAX_KIT_FILE);
        }
        return (bytes, count) -> { };
    }

    static String inWords(long bytes) {
        return bytes >= 1 << 20 ? (bytes >> 20) + " MB" : (bytes >> 10) + " KB";
    }

    private static BackupRejectedException tooLarge(String file, String what, long limit) {
        return new BackupRejectedException(file + " cannot be imported: " + what + " is longer than " + inWords(limit)
                + ", more than any Lankit backup holds; nothing was changed");
    }

    private static final class Lines implements Meter {
        private final String file;
        private final String member;
        private long line = 1;
        private long length;

        Lines(String file, String member) {
            this.file = file;
            this.member = member;
        }

        @Override
        public void feed(byte[] bytes, int count) {
            for (int i = 0; i < count; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    length = 0;
                } else if (++length > MAX_LINE) {
                    throw tooLarge(file, member + ", line " + line, MAX_LINE);
                }
            }
        }
    }

    private static final class Whole implements Meter {
        private final String file;
        private final String member;
        private final long limit;
        private long length;

        Whole(String file, String member, long limit) {
            this.file = file;
            this.member = member;
            this.limit = limit;
        }

        @Override
        public void feed(byte[] bytes, int count) {
            length += count;
            if (length > limit) throw tooLarge(file, member, limit);
        }
    }
}
