package org.lankit.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.lankit.store.KitStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A second place for the automatic backups, away from this laptop (a USB stick, a shared folder):
 * each automatic backup is copied there too, written under a temporary name and renamed when whole,
 * and as many are kept there as in the backup folder. The coordinator is warned when the last copy
 * there is older than {@link #STALE} or was never made, and told where.
 */
public final class SecondPlace {

    public static final String FOLDER = "backup.secondFolder";
    /** When the last copy reached the second place (epoch ms). */
    static final String LAST_COPY = "backup.lastCopy";
    /** Why the last copy failed, in words; removed by the next copy that works. */
    static final String LAST_PROBLEM = "backup.lastCopyProblem";
    public static final Duration STALE = Duration.ofDays(1);

    private static final Logger LOG = LoggerFactory.getLogger(SecondPlace.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    /** Where copies go, when the last one reached it, and why the last try failed. */
    public record Status(Optional<Path> folder, Optional<Instant> lastCopy, Optional<String> problem) {

        /** The warning to show at {@code now}, or empty when a copy younger than a day is in place. */
        public Optional<String> warning(Instant now, ZoneId zone) {
            String cause = problem.map(p -> " The last try failed: " + p + ".").orElse("");
            if (folder.isEmpty()) {
                return Optional.of("No backup is kept away from this laptop: if it is lost or stolen, its backups go with it."
                        + " Choose a second place below (a USB stick or a shared folder).");
            }
            if (lastCopy.isEmpty()) {
                return Optional.of("No backup has been copied to " + folder.get() + " yet." + cause);
            }
            if (Duration.between(lastCopy.get(), now).compareTo(STALE) > 0) {
                return Optional.of("The last backup copied to " + folder.get() + " is from " + WHEN.format(lastCopy.get().atZone(zone))
                        + ", more than a day ago." + cause + " Plug in the stick or check the folder.");
            }
            return Optional.empty();
        }
    }

    private final KitStore store;

    public SecondPlace(KitStore store) {
        this.store = store;
    }

    public Status status() {
        Optional<Instant> last = store.settings().get(LAST_COPY).filter(v -> v.matches("\\d{1,18}"))
                .map(v -> Instant.ofEpochMilli(Long.parseLong(v)));
        return new Status(folder(), last, store.settings().get(LAST_PROBLEM));
    }

    public Optional<Path> folder() {
        return store.settings().get(FOLDER).filter(s -> !s.isBlank()).flatMap(SecondPlace::path);
    }

    /** Copies go to {@code folder} from the next backup on; a new place has no copy yet. */
    public void choose(Path folder) {
        if (!Files.isDirectory(folder)) throw new IllegalArgumentException("the folder " + folder + " does not exist");
        store.write(w -> {
            store.settings().put(FOLDER, folder.toAbsolutePath().toString());
            store.settings().remove(LAST_COPY);
            store.settings().remove(LAST_PROBLEM);
            return null;
        });
    }

    /** No second place any more. */
    public void clear() {
        store.write(w -> {
            store.settings().remove(FOLDER);
            store.settings().remove(LAST_COPY);
            store.settings().remove(LAST_PROBLEM);
            return null;
        });
    }

    /**
     * Copies {@code backup} into the second place (when one is chosen) and keeps the newest
     * {@code keep} of {@code team} there; remembers when, or why it failed (a stick not plugged
     * in is no reason to stop the master: the panel warns instead). Returns the copy.
     */
    public Optional<Path> copy(Path backup, String team, int keep) {
        Optional<Path> folder = folder();
        if (folder.isEmpty()) return Optional.empty();
        Path target = folder.get().resolve(backup.getFileName().toString());
        try {
            if (!Files.isDirectory(folder.get())) throw new IOException("the folder is not there (is the stick plugged in?)");
            AtomicFile.write(target, out -> Files.copy(backup, out));
            BackupScheduler.prune(folder.get(), team, keep);
        } catch (IOException | UncheckedIOException e) {
            String problem = e instanceof UncheckedIOException u && u.getCause() != null ? u.getCause().getMessage() : e.getMessage();
            store.settings().put(LAST_PROBLEM, String.valueOf(problem));
            LOG.warn("the backup could not be copied to {}: {}", folder.get(), problem);
            return Optional.empty();
        }
        store.write(w -> {
            store.settings().put(LAST_COPY, Long.toString(System.currentTimeMillis()));
            store.settings().remove(LAST_PROBLEM);
            return null;
        });
        return Optional.of(target);
    }

    private static Optional<Path> path(String text) {
        try {
            return Optional.of(Path.of(text.strip()));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
