package org.lankit.backup;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.lankit.store.Settings;

/**
 * The backup and retention settings of a master, as remembered in the store. Defaults: automatic
 * backups on, every 6 hours, the last 10 kept, in {@code <data folder>/backups}; retention off.
 * A value that does not parse counts as not set.
 */
public record BackupSettings(boolean automatic, Duration every, int keep, Path folder, Integer retentionDays) {

    public static final String AUTOMATIC = "backup.automatic";
    public static final String EVERY_HOURS = "backup.everyHours";
    public static final String KEEP = "backup.keep";
    public static final String FOLDER = "backup.folder";
    /** Days an entry must stay unchanged after reaching the team API before retention removes it;
     * not set: keep everything. */
    public static final String RETENTION_DAYS = "retention.days";

    static final int DEFAULT_EVERY_HOURS = 6;
    static final int DEFAULT_KEEP = 10;

    public BackupSettings {
        if (every.isNegative() || every.isZero()) throw new IllegalArgumentException("backup interval must be positive");
        if (keep < 1) throw new IllegalArgumentException("keep at least one backup");
        if (retentionDays != null && retentionDays < 1) throw new IllegalArgumentException("retention needs at least one day");
    }

    public static BackupSettings read(Settings settings, Path dataDir) {
        boolean automatic = !settings.get(AUTOMATIC).map("false"::equalsIgnoreCase).orElse(false);
        int hours = positive(settings.get(EVERY_HOURS)).orElse(DEFAULT_EVERY_HOURS);
        int keep = positive(settings.get(KEEP)).orElse(DEFAULT_KEEP);
        Path folder = settings.get(FOLDER).filter(s -> !s.isBlank()).flatMap(BackupSettings::path).orElse(dataDir.resolve("backups"));
        return new BackupSettings(automatic, Duration.ofHours(hours), keep, folder, retentionDays(settings));
    }

    /** The coordinator's retention in days as stored now, or null when it is off. */
    public static Integer retentionDays(Settings settings) {
        return positive(settings.get(RETENTION_DAYS)).orElse(null);
    }

    private static Optional<Path> path(String text) {
        try {
            return Optional.of(Path.of(text.strip()));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static Optional<Integer> positive(Optional<String> text) {
        try {
            return text.map(String::strip).map(Integer::valueOf).filter(n -> n > 0);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
