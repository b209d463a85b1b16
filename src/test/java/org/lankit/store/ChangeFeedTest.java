package org.lankit.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.sync.Entry;
import org.lankit.sync.HlcClock;
import org.lankit.testkit.Entries;

/**
 * The changes feed reads about as many rows as a pull returns, whatever the store holds (counted
 * where the feed fetches rows, not timed), and stays whole across edits, removals, a restored
 * seq and a data folder written by the version before change blocks.
 */
class ChangeFeedTest {

    @TempDir
    Path dataDir;

    private final HlcClock phone = HlcClock.system("phone1");

    @Test
    void a_one_entry_pull_reads_at_most_one_block_of_rows_with_10_000_or_100_000_entries_stored() {
        try (KitStore store = KitStore.open(dataDir)) {
            fill(store, 10_000);
            long at10k = rowsReadByPullOfTheNewest(store);
            fill(store, 90_000);
            long at100k = rowsReadByPullOfTheNewest(store);

            // at most one block of 64 seqs, however many entries the store holds
            assertThat(at10k).as("rows read for 1 entry among 10,000").isBetween(1L, 64L);
            assertThat(at100k).as("rows read for 1 entry among 100,000").isBetween(1L, 64L);

            long before = store.changeFeedRowsRead();
            assertThat(store.changesAfter(50_000, 1000)).hasSize(1000);
            assertThat(store.changeFeedRowsRead() - before).as("rows read for a page of 1,000 from the middle")
                    .isBetween(1000L, 1000L + 64);
        }
    }

    @Test
    @Timeout(60) // a walk of 2^57 blocks would hang the build instead of failing it
    void a_since_past_the_end_or_before_the_start_reads_no_more_than_it_must() {
        try (KitStore store = KitStore.open(dataDir)) {
            fill(store, 200);
            long before = store.changeFeedRowsRead();
            assertThat(store.changesAfter(Long.MAX_VALUE, 10)).isEmpty();
            assertThat(store.changesAfter(store.lastSeq(), 10)).isEmpty();
            assertThat(store.changeFeedRowsRead()).isEqualTo(before);
            assertThat(store.changesAfter(Long.MIN_VALUE, 10)).extracting(Entry::seq)
                    .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
            assertThat(store.changeFeedRowsRead() - before).isLessThanOrEqualTo(64);
        }
    }

    @Test
    @Timeout(60) // without the jump over a gap this walk would take years
    void a_seq_raised_far_ahead_by_a_restore_is_crossed_in_one_jump() {
        try (KitStore store = KitStore.open(dataDir)) {
            fill(store, 100);
            Entry moved = store.changesAfter(10, 1).get(0);
            store.write(w -> {
                w.raiseSeqAbove(1L << 40);
                return w.commitMasterChange(moved, "phone1");
            });
            List<Entry> feed = walk(store, 1000);
            assertThat(feed).hasSize(100);
            assertThat(feed.get(99).uuid()).isEqualTo(moved.uuid());
            assertThat(feed.get(99).seq()).isEqualTo((1L << 40) + 1);
            assertThat(store.changesAfter(100, 10)).extracting(Entry::uuid).containsExactly(moved.uuid());
        }
    }

    @Test
    void the_feed_holds_each_entry_once_in_seq_order_across_edits_removals_and_a_raised_seq() {
        try (KitStore store = KitStore.open(dataDir)) {
            List<Entry> entries = new ArrayList<>();
            for (int i = 0; i < 300; i++) entries.add(Entries.household(phone, "R" + i, 1 + i % 50));
            store.write(w -> {
                entries.forEach(e -> w.commitMasterChange(e, "phone1"));
                return null;
            });
            store.write(w -> {
                for (int i = 0; i < 300; i += 3) w.commitMasterChange(entries.get(i), "phone1");
                for (int i = 1; i < 300; i += 7) w.remove(entries.get(i).uuid(), "master", "retention");
                return null;
            });
            long beforeRestore = store.lastSeq();
            // a restored backup's last seq lies far ahead: a gap of many empty blocks
            store.write(w -> {
                w.raiseSeqAbove(beforeRestore + 100 * ChangeFeed.BLOCK);
                for (int i = 0; i < 5; i++) w.commitMasterChange(entries.get(i * 11), "phone1");
                return null;
            });

            List<Entry> expected = entries.stream().map(e -> store.find(e.uuid())).flatMap(java.util.Optional::stream)
                    .map(StoredEntry::entry).sorted(Comparator.comparingLong(Entry::seq)).toList();
            assertThat(walk(store, 7)).isEqualTo(expected);
            assertThat(store.changesAfter(beforeRestore, 100)).hasSize(5)
                    .allSatisfy(e -> assertThat(e.seq()).isGreaterThan(beforeRestore + 100 * ChangeFeed.BLOCK));
        }
    }

    @Test
    void a_data_folder_of_the_version_before_change_blocks_opens_and_its_feed_holds_every_entry_in_seq_order() throws Exception {
        // written by Lankit at ab37f98 (seq indexed, no change block): 200 entries, every 4th edited again, every 9th removed
        Path db = Files.createDirectories(dataDir.resolve("db"));
        try (InputStream in = new GZIPInputStream(ChangeFeedTest.class.getResourceAsStream("/datafolders/master-before-change-blocks.mdb.gz"))) {
            Files.copy(in, db.resolve("data.mdb"));
        }
        try (KitStore store = KitStore.open(dataDir)) {
            List<Entry> all = new ArrayList<>();
            for (Page<StoredEntry> p = store.entryPage(0, 50); !p.isEmpty(); p = store.entryPage(p.lastId(), 50)) {
                p.items().forEach(e -> all.add(e.entry()));
            }
            all.sort(Comparator.comparingLong(Entry::seq));
            assertThat(all).hasSize(177);
            assertThat(store.lastSeq()).isEqualTo(250);

            assertThat(walk(store, 1000)).isEqualTo(all);
            assertThat(walk(store, 7)).isEqualTo(all);
            Entry edited = store.write(w -> {
                w.commitMasterChange(all.get(0), "phone1");
                return w.find(all.get(0).uuid()).orElseThrow().entry();
            });
            assertThat(store.changesAfter(250, 10)).containsExactly(edited);
        }
        try (KitStore reopened = KitStore.open(dataDir)) {
            List<Entry> feed = walk(reopened, 50);
            assertThat(feed).hasSize(177);
            assertThat(feed.get(176).seq()).isEqualTo(251);
        }
    }

    private long rowsReadByPullOfTheNewest(KitStore store) {
        long before = store.changeFeedRowsRead();
        List<Entry> page = store.changesAfter(store.lastSeq() - 1, 1);
        assertThat(page).singleElement().extracting(Entry::seq).isEqualTo(store.lastSeq());
        return store.changeFeedRowsRead() - before;
    }

    private List<Entry> walk(KitStore store, int pageSize) {
        List<Entry> feed = new ArrayList<>();
        long since = 0;
        for (List<Entry> page = store.changesAfter(since, pageSize); !page.isEmpty(); page = store.changesAfter(since, pageSize)) {
            feed.addAll(page);
            since = page.get(page.size() - 1).seq();
        }
        return feed;
    }

    private void fill(KitStore store, int n) {
        for (int done = 0; done < n; done += 5000) {
            int chunk = Math.min(5000, n - done);
            store.write(w -> {
                for (int i = 0; i < chunk; i++) w.commitMasterChange(Entries.household(phone, "R" + i, 1 + i % 50), "phone1");
                return null;
            });
        }
    }
}
