package org.lankit.store;

import io.objectbox.Box;
import io.objectbox.BoxStore;
import io.objectbox.query.Query;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * The master's changes feed, read at a cost that grows with the changes asked for, not with the
 * store. ObjectBox answers only equality from an index (a condition {@code seq > since} reads
 * every stored entry), so each record also holds its change block, {@code seq / BLOCK}, indexed:
 * the feed reads block after block from the one holding {@code since + 1}, each one index
 * look-up of at most {@link #BLOCK} rows. Thread-safe.
 */
final class ChangeFeed {

    /** Seqs per block: a 1-entry pull reads at most this many rows; a gap costs one look-up per block. */
    static final int BLOCK = 64;
    /** Empty blocks in a row, ~1 µs each, before one scan finds where the feed goes on. */
    private static final int MAX_EMPTY_BLOCKS = 1024;
    private static final int INDEX_CHUNK = 2_000;
    /** Index counts of blocks (~1 µs each) before one scan of the store is cheaper. */
    private static final int MAX_COUNTED_BLOCKS = 20_000;

    private final BoxStore store;
    private final Box<EntryRecord> entries;
    /** Rows fetched from the store by the feed, ever: a pull's cost, seen by tests. */
    private final LongAdder rowsRead = new LongAdder();

    ChangeFeed(BoxStore store, Box<EntryRecord> entries) {
        this.store = store;
        this.entries = entries;
    }

    static long blockOf(long seq) {
        return seq / BLOCK;
    }

    /**
     * At most {@code limit} records changed after {@code since}, in seq order, read in one
     * transaction; {@code lastSeq} is the last seq handed out (nothing lies beyond its block).
     */
    List<EntryRecord> after(long since, int limit, long lastSeq) {
        // past the end there is nothing to read (and since + 1 cannot overflow below)
        if (since >= lastSeq) return List.of();
        return store.callInReadTx(() -> {
            List<EntryRecord> page = new ArrayList<>();
            try (Query<EntryRecord> inBlock = entries.query(EntryRecord_.changeBlock.equal(0)).build()) {
                long block = blockOf(Math.max(1, since + 1));
                int emptyInARow = 0;
                while (page.size() < limit && block <= blockOf(lastSeq)) {
                    List<EntryRecord> rows = inBlock.setParameter(EntryRecord_.changeBlock, block).find();
                    rowsRead.add(rows.size());
                    rows.stream()
                            .filter(r -> r.seq > since)
                            .sorted(Comparator.comparingLong(r -> r.seq))
                            .limit(limit - page.size())
                            .forEach(page::add);
                    emptyInARow = rows.isEmpty() ? emptyInARow + 1 : 0;
                    block = emptyInARow < MAX_EMPTY_BLOCKS ? block + 1 : blockAfterGap(block);
                }
            }
            return page;
        });
    }

    /**
     * How many records changed after {@code since}: the first block read, each later one counted
     * through the index, or one scan when that would be more look-ups than a scan costs.
     */
    long countAfter(long since, long lastSeq) {
        long first = blockOf(since + 1);
        long last = blockOf(lastSeq);
        return store.callInReadTx(() -> {
            if (last - first > MAX_COUNTED_BLOCKS) {
                try (Query<EntryRecord> q = entries.query(EntryRecord_.seq.greater(since)).build()) {
                    return q.count();
                }
            }
            try (Query<EntryRecord> inBlock = entries.query(EntryRecord_.changeBlock.equal(0)).build()) {
                long count = inBlock.setParameter(EntryRecord_.changeBlock, first).find().stream().filter(r -> r.seq > since).count();
                for (long block = first + 1; block <= last; block++) {
                    count += inBlock.setParameter(EntryRecord_.changeBlock, block).count();
                }
                return count;
            }
        });
    }

    /**
     * The block of the first seq after {@code block}, found by one scan of the store: only after
     * a gap of {@link #MAX_EMPTY_BLOCKS} (a restored backup may raise the seq by any amount).
     */
    private long blockAfterGap(long block) {
        try (Query<EntryRecord> rest = entries.query(EntryRecord_.seq.greater(block * BLOCK + BLOCK - 1)).build()) {
            if (rest.count() == 0) return Long.MAX_VALUE;
            return blockOf(rest.property(EntryRecord_.seq).min());
        }
    }

    long rowsRead() {
        return rowsRead.sum();
    }

    /**
     * Puts every record again with the block of its seq. An index added to existing records holds
     * none of them, not even those whose block is 0, so each is written. Returns how many.
     */
    int indexAll(FailedCommits commits) {
        long[] ids;
        try (Query<EntryRecord> all = entries.query().build()) {
            ids = ReadTx.read(entries, all::findIds);
        }
        for (int from = 0; from < ids.length; from += INDEX_CHUNK) {
            long[] chunk = Arrays.copyOfRange(ids, from, Math.min(ids.length, from + INDEX_CHUNK));
            commits.write(() -> {
                List<EntryRecord> records = entries.get(chunk);
                records.forEach(r -> r.changeBlock = blockOf(r.seq));
                entries.put(records);
            });
        }
        return ids.length;
    }
}
