package org.lankit.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.lankit.store.KitStore;
import org.lankit.upstream.ServerHoldings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Automatic backups while the master runs: every {@link BackupSettings#every()} a backup goes into
 * the backup folder, then all but the newest {@link BackupSettings#keep()} automatic backups of
 * this team there are deleted, then retention runs when it is set (only after a backup that
 * worked, so a removed entry is always in a recent backup). Each backup is also copied to the
 * {@link SecondPlace} when the coordinator chose one. The first run waits for the interval
 * since the last automatic backup (remembered across restarts), but at least the start delay. One
 * background thread; {@link #close()} waits for a running backup to finish.
 */
public final class BackupScheduler implements AutoCloseable {

    /** When the last automatic backup was written (epoch ms). */
    public static final String LAST_AUTOMATIC = "backup.lastAutomatic";
    /** Start-up is no time for a backup: the first one waits at least this long. */
    public static final Duration START_DELAY = Duration.ofMinutes(5);

    private static final Logger LOG = LoggerFactory.getLogger(BackupScheduler.class);

    private final KitStore store;
    private final BackupOrigin origin;
    private final BackupSettings settings;
    private final ScheduledExecutorService executor;

    private BackupScheduler(KitStore store, BackupOrigin origin, BackupSettings settings, ScheduledExecutorService executor) {
        this.store = store;
        this.origin = origin;
        this.settings = settings;
        this.executor = executor;
    }

    public static BackupScheduler start(KitStore store, BackupOrigin origin, BackupSettings settings) {
        return start(store, origin, settings, START_DELAY);
    }

    /** Starts the schedule; with nothing to do (no automatic backups, no retention) no thread runs. */
    public static BackupScheduler start(KitStore store, BackupOrigin origin, BackupSettings settings, Duration startDelay) {
        if (!settings.automatic() && settings.retentionDays() == null) return new BackupScheduler(store, origin, settings, null);
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lankit-backup");
            t.setDaemon(true);
            return t;
        });
        BackupScheduler scheduler = new BackupScheduler(store, origin, settings, executor);
        long last = store.syncState().get(LAST_AUTOMATIC).filter(v -> v.matches("\\d{1,18}")).map(Long::parseLong).orElse(0L);
        long due = last + settings.every().toMillis() - System.currentTimeMillis();
        long first = Math.max(startDelay.toMillis(), due);
        executor.scheduleWithFixedDelay(scheduler::runQuietly, first, settings.every().toMillis(), TimeUnit.MILLISECONDS);
        return scheduler;
    }

    public boolean isRunning() {
        return executor != null && !executor.isShutdown();
    }

    /** One round now, on the caller's thread: backup and pruning, then retention. Returns the backup
     * written, or null when automatic backups are off. */
    public Path runOnce() {
        Path written = null;
        if (settings.automatic()) {
            written = new BackupExporter(store, origin).exportToFolder(settings.folder());
            store.syncState().put(LAST_AUTOMATIC, Long.toString(System.currentTimeMillis()));
            prune(settings.folder(), origin.team(), settings.keep());
            LOG.info("automatic backup written to {}", written);
            new SecondPlace(store).copy(written, origin.team(), settings.keep())
                    .ifPresent(copy -> LOG.info("automatic backup copied to {}", copy));
        }
        if (settings.retentionDays() != null && origin.masterDeviceId() != null) {
            long removed = new Retention(store, origin.masterDeviceId(), System::currentTimeMillis, ServerHoldings.heldByAll(store))
                    .removeUnchangedFor(Duration.ofDays(settings.retentionDays()));
            if (removed > 0) LOG.info("retention removed {} entries synced to the team API", removed);
        }
        return written;
    }

    /**
     * Deletes all but the newest {@code keep} automatic backups of {@code team} in {@code folder}
     * (the plain {@code .zip} backups of older versions count among them, so they go first).
     */
    static void prune(Path folder, String team, int keep) {
        Pattern ours = Pattern.compile(Pattern.quote(BackupFormat.FILE_PREFIX + BackupFormat.slug(team) + "-")
                + "\\d{8}-\\d{6}\\.(zip|" + BackupFormat.EXTENSION + ")");
        List<Path> backups;
        try (Stream<Path> files = Files.list(folder)) {
            backups = files.filter(p -> ours.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
        for (Path old : backups.subList(Math.min(keep, backups.size()), backups.size())) {
            try {
                Files.deleteIfExists(old);
            } catch (IOException e) {
                LOG.warn("cannot delete the old backup {}: {}", old, e.getMessage());
            }
        }
    }

    private void runQuietly() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            // the next round tries again; a failed backup must not stop the master
            LOG.warn("automatic backup failed: {}", e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (executor == null) return;
        executor.shutdown();
        try {
            if (!executor.awaitTermination(2, TimeUnit.MINUTES)) executor.shutdownNow();
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
