package org.lankit.store;

import io.objectbox.Box;
import io.objectbox.BoxStore;
import io.objectbox.Property;
import io.objectbox.exception.DbException;
import io.objectbox.query.Query;
import io.objectbox.query.QueryBuilder.StringOrder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import org.lankit.secure.DataKey;
import org.lankit.secure.DataKeyMissingException;
import org.lankit.secure.DataKeys;
import org.lankit.sync.Entry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This device's database: one ObjectBox store in {@code <data folder>/db}, locked against a
 * second process. Writes of entries go through {@link #write}, one durable transaction at a time,
 * which is also where the master's sequence numbers are handed out. Thread-safe.
 */
public final class KitStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KitStore.class);
    private static final String LAST_SEQ = "lastSeq";
    private static final String TEAM_ID = "team.id";
    private static final String TEAM_EPOCH = "team.epoch";
    /** In the sync state once every entry has its change block indexed (data folders of older versions have none). */
    static final String CHANGE_BLOCKS = "changeBlocks";
    /** 64 GB: far beyond any team's data, so only a full disk stops the database growing. */
    public static final long DEFAULT_MAX_SIZE_KB = 64L * 1024 * 1024;
    /** Read transactions open at once (each server, sync and panel thread may hold one): far above what a team needs. */
    private static final int READERS = 1024;

    private final Path dataDir;
    private final DataFolderLock lock;
    private final BoxStore boxStore;
    private final Box<EntryRecord> entries;
    private final ChangeFeed feed;
    private final Box<AuditRecord> audit;
    private final Settings settings;
    private final DataKey dataKey;
    private final SealedRecords sealed;
    private final Secrets secrets;
    private final SyncState syncState;
    private final FormCatalog forms;
    private final DeviceRegistry devices;
    private final Deliveries deliveries;
    private final FailedCommits commits;
    private final Attachments attachments;
    private final LongSupplier clock;
    private final Object writeLock = new Object();
    private final List<LongConsumer> seqListeners = new CopyOnWriteArrayList<>();
    private volatile long lastSeq;
    private volatile TeamIdentity team;

    private KitStore(Path dataDir, DataFolderLock lock, BoxStore boxStore, DataKey dataKey, SealedRecords sealed, LongSupplier clock) {
        this.dataDir = dataDir;
        this.dataKey = dataKey;
        this.sealed = sealed;
        this.lock = lock;
        this.boxStore = boxStore;
        this.clock = clock;
        this.entries = boxStore.boxFor(EntryRecord.class);
        this.feed = new ChangeFeed(boxStore, entries);
        this.audit = boxStore.boxFor(AuditRecord.class);
        this.commits = new FailedCommits(boxStore, dataDir);
        this.settings = new Settings(boxStore.boxFor(SettingRecord.class), commits);
        this.secrets = new Secrets(boxStore.boxFor(SecretRecord.class), commits, dataKey);
        this.syncState = new SyncState(boxStore.boxFor(SyncStateRecord.class), commits, dataKey);
        this.forms = new FormCatalog(boxStore.boxFor(FormRecord.class), clock, commits);
        this.devices = new DeviceRegistry(boxStore.boxFor(DeviceRecord.class), commits);
        this.deliveries = new Deliveries(boxStore.boxFor(DeliveryRecord.class), commits);
        this.attachments = new Attachments(dataDir);
        SettingsSplit.moveOlderKeys(boxStore.boxFor(SettingRecord.class), syncState, secrets, commits);
        this.lastSeq = syncState.getLong(LAST_SEQ).orElse(0L);
        indexChangeBlocks();
        OlderRecordsSealing.sealOnce(entries, audit, sealed, syncState, commits);
    }

    /**
     * A data folder of an older version: gives every entry its change block, once (a second run
     * after a crash half-way does the same again). Older versions cannot open the folder after
     * this: ObjectBox refuses a store whose model is newer than theirs.
     */
    private void indexChangeBlocks() {
        if (syncState.get(CHANGE_BLOCKS).isPresent()) return;
        int indexed = feed.indexAll(commits);
        syncState.put(CHANGE_BLOCKS, "indexed");
        if (indexed > 0) LOG.info("gave {} entries of an older data folder their change block", indexed);
    }

    /** Opens (creating if needed) the store in {@code dataDir}. */
    public static KitStore open(Path dataDir) {
        return open(dataDir, System::currentTimeMillis);
    }

    public static KitStore open(Path dataDir, LongSupplier clock) {
        return open(dataDir, clock, DEFAULT_MAX_SIZE_KB);
    }

    /** With a size limit for the database file; tests use a small one to see a full disk. */
    public static KitStore open(Path dataDir, LongSupplier clock, long maxSizeKByte) {
        return open(dataDir, clock, maxSizeKByte, SealedRecords::new);
    }

    /** {@code records}: how entries are sealed; only the sealing benchmark passes another than {@link SealedRecords}. */
    static KitStore open(Path dataDir, LongSupplier clock, long maxSizeKByte, Function<DataKey, SealedRecords> records) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new DataFolderUnwritableException(dataDir, e);
        }
        DataFolderLock lock = DataFolderLock.acquire(dataDir);
        try {
            // a folder whose key is elsewhere is refused before its database is opened
            DataKey known = unlockIfNamed(dataDir);
            BoxStore boxStore = MyObjectBox.builder()
                    .directory(dataDir.resolve("db").toFile())
                    .maxSizeInKByte(maxSizeKByte)
                    // readers tied to transactions, not to threads: a pool thread that read and
                    // ends after the store closed would otherwise crash the process as it exits
                    .noReaderThreadLocals()
                    .maxReaders(READERS)
                    .build();
            try {
                DataKey dataKey = known != null ? known : newKey(dataDir, boxStore);
                return new KitStore(dataDir, lock, boxStore, dataKey, records.apply(dataKey), clock);
            } catch (RuntimeException | Error e) {
                boxStore.close(); // opening may write (change blocks), and a full disk refuses it
                throw e;
            }
        } catch (RuntimeException | Error e) {
            lock.close();
            throw e;
        }
    }

    /**
     * A folder without {@code keys.json} gets a new key (a new folder, or one of a Lankit that did
     * not seal), unless its database already holds sealed values: then the key file was lost, and a
     * new key would open nothing.
     */
    private static DataKey newKey(Path dataDir, BoxStore boxStore) {
        if (holdsSealedData(boxStore)) throw DataFolderLockedException.keyFileLost(dataDir);
        return DataKeys.unlock(dataDir);
    }

    /** The key {@code keys.json} names; null when there is no such file. */
    private static DataKey unlockIfNamed(Path dataDir) {
        try {
            return DataKeys.read(dataDir).isPresent() ? DataKeys.unlock(dataDir) : null;
        } catch (DataKeyMissingException e) {
            throw new DataFolderLockedException(e);
        }
    }

    private static boolean holdsSealedData(BoxStore boxStore) {
        return boxStore.callInReadTx(() -> {
            if (boxStore.boxFor(SyncStateRecord.class).count() > 0 || boxStore.boxFor(SecretRecord.class).count() > 0) return true;
            try (Query<EntryRecord> q = boxStore.boxFor(EntryRecord.class).query(EntryRecord_.sealedJson.notNull()).build()) {
                return q.findFirstId() != 0;
            }
        });
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The key that seals this folder's entries and secrets; files beside the database (keys, backups) use it too. */
    public DataKey dataKey() {
        return dataKey;
    }

    /** Tokens, passwords and keys, sealed with the data key. */
    public Secrets secrets() {
        return secrets;
    }

    /** Cursors, checkpoints and batches in flight, apart from the coordinator's settings; sealed too. */
    public SyncState syncState() {
        return syncState;
    }

    /** The team's identity, made on first use: a new team, at epoch 1. */
    public TeamIdentity team() {
        TeamIdentity known = team;
        if (known != null) return known;
        synchronized (writeLock) {
            Optional<String> id = settings.get(TEAM_ID);
            if (id.isPresent()) {
                team = new TeamIdentity(id.get(), settings.get(TEAM_EPOCH).map(Long::parseLong).orElse(1L));
            } else {
                setTeam(new TeamIdentity(TeamIds.random(), 1));
            }
            return team;
        }
    }

    /** Taking over and restoring set the team's identity; both keys in one transaction. */
    public void setTeam(TeamIdentity team) {
        synchronized (writeLock) {
            commits.write(() -> {
                settings.put(TEAM_ID, team.teamId());
                settings.put(TEAM_EPOCH, Long.toString(team.epoch()));
            });
            this.team = team;
        }
    }

    public Settings settings() {
        return settings;
    }

    public FormCatalog forms() {
        return forms;
    }

    /** Master: what each team server holds of each entry. */
    public Deliveries deliveries() {
        return deliveries;
    }

    /** Master: the photos entries name, as files beside the database. */
    public Attachments attachments() {
        return attachments;
    }

    public DeviceRegistry devices() {
        return devices;
    }

    /** Called with the new last seq after each commit that handed out sequence numbers. */
    public void onSeqAdvanced(LongConsumer listener) {
        seqListeners.add(listener);
    }

    public long lastSeq() {
        return lastSeq;
    }

    /**
     * Runs {@code work} in one write transaction and commits it durably before returning; if
     * {@code work} throws, nothing of it is stored.
     */
    public <T> T write(Function<EntryWriter, T> work) {
        T result;
        long committedSeq;
        boolean advanced;
        synchronized (writeLock) {
            try (Query<EntryRecord> byUuid = EntryWriter.uuidQuery(entries)) {
                EntryWriter writer = new EntryWriter(entries, audit, byUuid, sealed, lastSeq, clock);
                result = boxStore.callInTx(() -> {
                    T r = work.apply(writer);
                    if (writer.seqAdvanced()) syncState.putLong(LAST_SEQ, writer.lastSeq());
                    return r;
                });
                advanced = writer.seqAdvanced();
                committedSeq = writer.lastSeq();
            } catch (DbException e) {
                throw commits.refused(e);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            if (advanced) lastSeq = committedSeq;
        }
        if (advanced) seqListeners.forEach(l -> l.accept(committedSeq));
        return result;
    }

    public Optional<StoredEntry> find(String uuid) {
        try (Query<EntryRecord> q = entries.query(EntryRecord_.uuid.equal(uuid, StringOrder.CASE_SENSITIVE)).build()) {
            return Optional.ofNullable(q.findUnique()).map(sealed::entry);
        }
    }

    public long entryCount() {
        return ReadTx.read(entries, entries::count);
    }

    /** Entries created at or after {@code epochMs} (by their device's clock). */
    public long countCreatedSince(long epochMs) {
        try (Query<EntryRecord> q = entries.query(EntryRecord_.createdAt.greaterOrEqual(epochMs)).build()) {
            return ReadTx.read(entries, q::count);
        }
    }

    /** Entries the given device created. */
    public long countCreatedBy(String deviceId) {
        try (Query<EntryRecord> q = entries.query(EntryRecord_.createdBy.equal(deviceId, StringOrder.CASE_SENSITIVE)).build()) {
            return ReadTx.read(entries, q::count);
        }
    }

    /**
     * The changes feed: the latest state of each entry changed after {@code seq}, in seq order.
     * Reads about as many rows as it returns, however many the store holds ({@link ChangeFeed}).
     */
    public List<Entry> changesAfter(long seq, int limit) {
        return storedChangesAfter(seq, limit).stream().map(StoredChange::entry).toList();
    }

    /** The same feed as the entries' stored JSON, for answers that copy it without parsing it. */
    public List<StoredChange> storedChangesAfter(long seq, int limit) {
        return feed.after(seq, limit, lastSeq).stream().map(r -> new StoredChange(r.seq, sealed.json(r))).toList();
    }

    /** Rows the changes feed has fetched from the store since it opened: what pulls cost. */
    long changeFeedRowsRead() {
        return feed.rowsRead();
    }

    /** All entries, newest change first, for screens and exports. */
    public List<StoredEntry> recent(int offset, int limit) {
        try (Query<EntryRecord> q = entries.query().orderDesc(EntryRecord_.changedAt).build()) {
            return q.find(offset, limit).stream().map(sealed::entry).toList();
        }
    }

    /** Device: entries holding edits the master has not acknowledged yet, oldest first. */
    public List<StoredEntry> locallyPending(int limit) {
        try (Query<EntryRecord> q = entries.query(EntryRecord_.localPending.equal(EntryWriter.LOCAL_PENDING))
                .order(EntryRecord_.changedAt).build()) {
            return q.find(0, limit).stream().map(sealed::entry).toList();
        }
    }

    public long countLocallyPending() {
        try (Query<EntryRecord> q = entries.query(EntryRecord_.localPending.equal(EntryWriter.LOCAL_PENDING)).build()) {
            return ReadTx.read(entries, q::count);
        }
    }

    /** Device: entries the master refused, with the reason in {@link StoredEntry#upstreamError()}. */
    public List<StoredEntry> locallyRejected(int limit) {
        try (Query<EntryRecord> q = entries.query(EntryRecord_.localPending.equal(EntryWriter.LOCAL_REJECTED)).build()) {
            return q.find(0, limit).stream().map(sealed::entry).toList();
        }
    }

    /**
     * Master: how many entries changed after {@code seq} (the upload still owed to a team server
     * whose cursor is there), counted block by block through the change-block index.
     */
    public long countChangedAfter(long seq) {
        long last = lastSeq;
        if (seq >= last) return 0;
        return feed.countAfter(seq, last);
    }

    /** The audit log, newest first. */
    public List<AuditEvent> auditLog(int offset, int limit) {
        try (Query<AuditRecord> q = audit.query().orderDesc(AuditRecord_.time).build()) {
            return q.find(offset, limit).stream().map(sealed::audit).toList();
        }
    }

    public long auditCount() {
        return ReadTx.read(audit, audit::count);
    }

    /**
     * Runs {@code work} in one read transaction: every read inside sees the same committed state,
     * while writers go on (exports use this for a consistent copy without stopping the hub).
     */
    public <T> T snapshot(Supplier<T> work) {
        return boxStore.callInReadTx(work::get);
    }

    /** The form of each stored entry among {@code uuids}; uuids not stored are left out. */
    public Map<String, String> formIdsOf(Collection<String> uuids) {
        if (uuids.isEmpty()) return Map.of();
        String[] wanted = uuids.toArray(String[]::new);
        try (Query<EntryRecord> q = entries.query(EntryRecord_.uuid.oneOf(wanted, StringOrder.CASE_SENSITIVE)).build()) {
            Map<String, String> forms = new HashMap<>();
            for (EntryRecord r : q.find()) forms.put(r.uuid, r.formId);
            return forms;
        }
    }

    /**
     * All entries in storage order, one page after the record id {@code afterId}, for exports.
     * Pages are windows of at most {@code limit} record ids, so each read costs the same however
     * far the walk is (an offset or a sort would grow with the store).
     */
    public Page<StoredEntry> entryPage(long afterId, int limit) {
        return window(entries, EntryRecord_.id, afterId, limit, sealed::entry);
    }

    /** The audit log in the order it was written, one page after the record id {@code afterId}. */
    public Page<AuditEvent> auditPage(long afterId, int limit) {
        return window(audit, AuditRecord_.id, afterId, limit, sealed::audit);
    }

    /**
     * Master: entries this master last changed before {@code changedBefore}, with a seq above
     * {@code afterSeq}, in seq order; retention checks the rest of its rule on each.
     */
    public List<StoredEntry> unchangedBefore(long changedBefore, long afterSeq, int limit) {
        try (Query<EntryRecord> q = entries.query(EntryRecord_.changedAt.less(changedBefore)
                .and(EntryRecord_.seq.greater(afterSeq))).order(EntryRecord_.seq).build()) {
            return q.find(0, limit).stream().map(sealed::entry).toList();
        }
    }

    /**
     * Master, once: what Lankit before per-server uploads kept in each entry's record about the
     * team's API, in seq order, for the move to {@link Deliveries}.
     */
    public void legacyUploads(Consumer<LegacyUpload> each) {
        try (Query<EntryRecord> q = entries.query().order(EntryRecord_.seq).build()) {
            q.forEach(r -> each.accept(new LegacyUpload(r.uuid, r.seq, r.upstreamState, r.upstreamSeq, r.upstreamError)));
        }
    }

    /**
     * The records in the next non-empty window of ids after {@code afterId}, read by key; empty
     * past the last record.
     */
    private static <T, R> Page<R> window(Box<T> box, Property<T> id, long afterId, int limit, Function<T, R> map) {
        long from = afterId;
        while (true) {
            long[] ids = LongStream.rangeClosed(from + 1, from + limit).toArray();
            List<R> items = ReadTx.read(box, () -> box.get(ids)).stream()
                    .filter(Objects::nonNull).map(map).toList();
            if (!items.isEmpty()) return new Page<>(items, from + limit);
            try (Query<T> rest = box.query(id.greater(from + limit)).build()) {
                long next = ReadTx.read(box, rest::findFirstId);
                if (next == 0) return new Page<>(List.of(), afterId);
                from = next - 1; // jump over a gap left by removed records
            }
        }
    }

    @Override
    public void close() {
        synchronized (writeLock) {
            if (!boxStore.isClosed()) boxStore.close();
            lock.close();
        }
    }
}
