package org.lankit.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.objectbox.Box;
import io.objectbox.BoxStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.sync.Entry;
import org.lankit.sync.HlcClock;
import org.lankit.testkit.Entries;

/**
 * The changes feed reads about as many rows as a pull returns, whatever the store holds (counted
 * where the feed fetches rows, not timed), and stays whole across edits, removals, a restored
 * seq and a data folder written by a version without change blocks.
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
    void a_data_folder_whose_entries_have_no_change_block_gets_them_when_it_opens() {
        List<Entry> feed;
        try (KitStore store = KitStore.open(dataDir)) {
            fill(store, 500);
            feed = walk(store, 1000);
        }
        // as a version without change blocks leaves them: none set, no mark of having kept them
        raw(box -> {
            List<EntryRecord> records = box.boxFor(EntryRecord.class).getAll();
            records.forEach(r -> r.changeBlock = 0);
            box.boxFor(EntryRecord.class).put(records);
            Box<SettingRecord> settings = box.boxFor(SettingRecord.class);
            settings.getAll().stream().filter(s -> s.name.equals(KitStore.FEED_KEPT_TO)).forEach(settings::remove);
        });

        try (KitStore store = KitStore.open(dataDir)) {
            assertThat(walk(store, 1000)).isEqualTo(feed);
            assertThat(walk(store, 33)).isEqualTo(feed);
        }
    }

    @Test
    void entries_an_older_version_changed_after_this_one_ran_are_in_the_feed_again() {
        List<Entry> entries = new ArrayList<>();
        try (KitStore store = KitStore.open(dataDir)) {
            for (int i = 0; i < 200; i++) entries.add(Entries.household(phone, "R" + i, 2));
            store.write(w -> {
                entries.forEach(e -> w.commitMasterChange(e, "phone1"));
                return null;
            });
        }
        // an older version edits three entries: new seqs, the last seq moves on, no change blocks kept
        raw(box -> {
            Box<EntryRecord> records = box.boxFor(EntryRecord.class);
            long seq = 200;
            for (EntryRecord r : records.getAll()) {
                if (!List.of(entries.get(0).uuid(), entries.get(50).uuid(), entries.get(120).uuid()).contains(r.uuid)) continue;
                r.seq = ++seq;
                r.json = r.json.replaceFirst("\"seq\":\\d+", "\"seq\":" + seq);
                records.put(r);
            }
            Box<SettingRecord> settings = box.boxFor(SettingRecord.class);
            SettingRecord last = settings.getAll().stream().filter(s -> s.name.equals("lastSeq")).findFirst().orElseThrow();
            last.value = Long.toString(seq);
            settings.put(last);
        });

        try (KitStore store = KitStore.open(dataDir)) {
            assertThat(store.changesAfter(200, 10)).extracting(Entry::uuid)
                    .containsExactly(entries.get(0).uuid(), entries.get(50).uuid(), entries.get(120).uuid());
            assertThat(walk(store, 1000)).hasSize(200);
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

    /** Works on the closed data folder's database directly, as another version of the kit would. */
    private void raw(Consumer<BoxStore> work) {
        BoxStore store = MyObjectBox.builder().directory(dataDir.resolve("db").toFile()).build();
        try {
            work.accept(store);
        } finally {
            store.close();
        }
    }
}
